import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../test/support/app.ts';
import { examplePlans, PLAN_BODIES, planJson, seedPlansWorld } from '../../../../test/support/plans-factories.ts';
import { rowCounts } from '../../../../test/support/security.ts';
import { cliActor, issueApiToken } from '../../accounts/index.ts';
import { plansAssessmentOf } from '../../../main/app.ts';
import { importPlans } from '../index.ts';

let t: TestApp;
let tokens: { lsp: string; council: string; police: string; stockport: string };
const setUp = cliActor();
const db = () => t.database.db;
const deps = () => ({ clock: t.clock });

beforeEach(async () => {
  t = await freshApp('2025-06-01T09:00:00.000Z', { env: { UPLOAD_LIMIT_MB: '1' } });
  await seedPlansWorld(db());
  const token = async (bodyId: string) => (await issueApiToken(db(), setUp, { bodyId, name: 'plans' }, deps())).plaintext;
  tokens = {
    lsp: await token(PLAN_BODIES.lsp),
    council: await token(PLAN_BODIES.council),
    police: await token(PLAN_BODIES.police),
    stockport: await token(PLAN_BODIES.otherCouncil),
  };
});
afterEach(async () => t.close());

/** A POST, answered once the server has judged the targets again after it (as it does after every successful write). */
async function post(url: string, opts: { token?: string; body?: string | Buffer; type?: string } = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': opts.type ?? 'application/json' } : {}),
    },
    ...(opts.body !== undefined ? { payload: opts.body } : {}),
  });
  await plansAssessmentOf(t.app).idle();
  return response;
}
const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });

/** The partnership's strategy and agreement: the plans its token may import. */
const partnershipPlans = (publish = true) => {
  const file = examplePlans({ publish });
  return { nationalPriorities: file.nationalPriorities, plans: file.plans.slice(0, 2) };
};
const file = (content: unknown) => JSON.stringify(content);

describe('importing plans through the API', () => {
  it('a dry run reports what the file would do and writes nothing; the import then does it, and again changes nothing', async () => {
    const before = await rowCounts(db());
    const dry = await post('/plans/import?dryRun=true', { token: tokens.lsp, body: file(partnershipPlans()) });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      ok: true,
      dryRun: true,
      format: 'json',
      changed: true,
      plans: [
        { plan: 'trafford-scs', outcome: 'created', version: 1 },
        { plan: 'trafford-laa', outcome: 'created', version: 1 },
      ],
      nationalPriorities: { created: 1 },
      problems: [],
    });
    expect(await rowCounts(db())).toEqual(before);

    const done = await post('/plans/import?name=partnership.json', { token: tokens.lsp, body: file(partnershipPlans()) });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      ok: true,
      dryRun: false,
      fileName: 'partnership.json',
      changed: true,
      plans: [{ plan: 'trafford-scs', outcome: 'created', link: '/api/v1/plans/trafford-scs' }, { outcome: 'created' }],
    });
    expect((await get('/plans/trafford-laa')).json()).toMatchObject({ version: { number: 1, state: 'published' } });
    const after = await rowCounts(db());
    const again = await post('/plans/import', { token: tokens.lsp, body: file(partnershipPlans()) });
    expect(again.json()).toMatchObject({ changed: false, plans: [{ outcome: 'unchanged' }, { outcome: 'unchanged' }] });
    expect(await rowCounts(db())).toEqual(after);
  });

  it('makes a draft of what the file does not publish, and publishes it with publish=true', async () => {
    const drafted = await post('/plans/import', { token: tokens.lsp, body: file(partnershipPlans(false)) });
    expect(drafted.json()).toMatchObject({ plans: [{ outcome: 'created' }, { outcome: 'created' }] });
    expect((await get('/plans/trafford-scs')).statusCode).toBe(404);
    const published = await post('/plans/import?publish=true', { token: tokens.lsp, body: file(partnershipPlans(false)) });
    expect(published.json()).toMatchObject({ plans: [{ outcome: 'published', version: 1 }, { outcome: 'published' }] });
    expect((await get('/plans/trafford-scs')).json()).toMatchObject({ version: { number: 1, state: 'published' } });
  });

  it('adds a CSV file’s items to a recorded plan', async () => {
    await importPlans(db(), setUp, planJson(partnershipPlans()), deps());
    const csv = [
      'plan,kind,key,parent,title,indicator,baseline_period,baseline_value,target_period,target_value,tolerance,tolerance_kind',
      'trafford-scs,target,T2,waste,Recycle 65% by 2027/28,REC,2020/21,52,2027/28,65,1,absolute',
    ].join('\n');
    const imported = await post('/plans/import', { token: tokens.lsp, body: csv, type: 'text/csv' });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({
      format: 'csv',
      fileName: 'upload.csv',
      plans: [{ plan: 'trafford-scs', outcome: 'new_draft', version: 2 }],
    });
  });

  it('refuses a bad file (400) with every problem’s place, field and value, writing nothing; a dry run answers them as its report', async () => {
    const bad = partnershipPlans();
    Object.assign(bad.plans[0]!.items[2]!, { indicator: 'NOPE' });
    Object.assign(bad.plans[1]!.items[1]!, { serves: 'trafford-scs#nothing' });
    const before = await rowCounts(db());
    const refused = await post('/plans/import', { token: tokens.lsp, body: file(bad) });
    expect(refused.statusCode).toBe(400);
    const details = refused.json<{ error: { code: string; details: { field: string; value: unknown }[] } }>().error;
    expect(details.code).toBe('validation_failed');
    expect(details.details).toEqual([
      { field: 'plans[0].items[2].indicator', value: 'NOPE', reason: 'is not a known indicator code or alias' },
      { field: 'plans[1].items[1].serves[0]', value: 'trafford-scs#nothing', reason: 'plan trafford-scs has no item nothing' },
    ]);
    const dry = await post('/plans/import?dryRun=true', { token: tokens.lsp, body: file(bad) });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      ok: false,
      dryRun: true,
      changed: false,
      problemCount: 2,
      problems: details.details,
    });
    const broken = await post('/plans/import', { token: tokens.lsp, body: '{"plans": [' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: { details: [{ line: 1 }] } });
    expect(await rowCounts(db())).toEqual(before);
  });

  it('answers 401 without a token, 403 with another body’s, 413 for a file too large and 415 for another type', async () => {
    const body = file(partnershipPlans());
    const before = await rowCounts(db());
    const none = await post('/plans/import', { body });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect((await post('/plans/import', { token: 'lv_000000_made-up', body })).statusCode).toBe(401);
    // The council is the partnership's accountable body, but only the owner's token imports its plans.
    for (const token of [tokens.stockport, tokens.council, tokens.police]) {
      const refused = await post('/plans/import?dryRun=true', { token, body });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ error: { code: 'forbidden' } });
    }
    const big = await post('/plans/import', { token: tokens.lsp, body: Buffer.alloc(1024 * 1024 + 1, ' ') });
    expect(big.statusCode).toBe(413);
    expect((await post('/plans/import', { token: tokens.lsp, body: '<plans/>', type: 'application/xml' })).statusCode).toBe(415);
    expect(await rowCounts(db())).toEqual(before);
  });
});

describe('reporting progress on an action', () => {
  beforeEach(async () => {
    await importPlans(db(), setUp, planJson(examplePlans()), deps());
  });
  const report = { progress: 60, state: 'in_progress', asOf: '2025-05-30', note: 'Two thirds of the blocks' };

  it('records a report (201) by the token of the action’s body; the same again records nothing (200)', async () => {
    const made = await post('/plans/waste-service/actions/A1/updates', { token: tokens.council, body: file(report) });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toEqual({ ...report, createdAt: '2025-06-01T09:00:00.000Z', recorded: true });
    const same = await post('/plans/waste-service/actions/A1/updates', { token: tokens.council, body: file(report) });
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({ recorded: false, progress: 60 });
    const action = (await get('/plans/waste-service/actions/A1')).json();
    expect(action.updates.map((u: { progress: number }) => u.progress)).toEqual([60, 40]);
  });

  it('answers 400 naming each wrong field and its value, 401, 403 and 404, writing nothing', async () => {
    const before = await rowCounts(db());
    const url = '/plans/waste-service/actions/A1/updates';
    const bad = await post(url, { token: tokens.council, body: file({ progress: 150, state: 'finished', asOf: '2025-06-30' }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: {
        code: 'validation_failed',
        details: [
          { field: 'progress', value: 150 },
          { field: 'state', value: 'finished' },
          { field: 'asOf', value: '2025-06-30', reason: expect.stringContaining('after today') },
        ],
      },
    });
    const missing = await post(url, { token: tokens.council, body: file({ progress: 10 }) });
    expect(missing.json()).toMatchObject({ error: { details: [{ field: 'state' }, { field: 'asOf' }] } });
    expect((await post(url, { token: tokens.council, body: '[1, 2]' })).statusCode).toBe(400);
    expect((await post(url, { body: file(report) })).statusCode).toBe(401);
    for (const token of [tokens.police, tokens.stockport])
      expect((await post(url, { token, body: file(report) })).json()).toMatchObject({ error: { code: 'forbidden' } });
    const nowhere = await post('/plans/waste-service/actions/NOPE/updates', { token: tokens.council, body: file(report) });
    expect(nowhere.json()).toMatchObject({ error: { code: 'not_found', details: [{ field: 'key', value: 'NOPE' }] } });
    expect(await rowCounts(db())).toEqual(before);
  });
});

describe('the OpenAPI document', () => {
  it('lists every plans route with its summary; the writes need the bearer token and say what tokens may not do', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { security?: unknown; summary?: string; description?: string }>>;
    }>();
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    const plans = operations.filter(({ route }) =>
      /\/api\/v1\/(plans|national-priorities|indicators\/\{code\}\/targets)/.test(route),
    );
    expect(plans.map((p) => p.route).sort()).toEqual([
      'GET /api/v1/indicators/{code}/targets',
      'GET /api/v1/national-priorities',
      'GET /api/v1/plans',
      'GET /api/v1/plans/{id}',
      'GET /api/v1/plans/{id}/actions/{key}',
      'GET /api/v1/plans/{id}/targets',
      'GET /api/v1/plans/{id}/targets/{key}',
      'GET /api/v1/plans/{id}/thread',
      'GET /api/v1/plans/{id}/versions',
      'POST /api/v1/plans/import',
      'POST /api/v1/plans/{id}/actions/{key}/updates',
    ]);
    for (const { route, op } of plans) {
      expect(op.summary, route).toBeTruthy();
      if (route.startsWith('POST')) expect(op.security, route).toEqual([{ apiToken: [] }]);
      else expect(op.security, route).toBeUndefined();
    }
    const importOp = plans.find((p) => p.route === 'POST /api/v1/plans/import')!.op;
    expect(importOp.description).toContain(
      'There is no route here to publish a draft or to change a target’s tolerance: those are governance decisions people take',
    );
  });
});
