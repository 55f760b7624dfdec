import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../test/support/app.ts';
import {
  HOUSING,
  LOCAL_INDICATOR,
  NATIONAL_INDICATOR,
  POLICE,
  seedSubmissionWorld,
  setUp,
  STOCKPORT,
  type SubmissionWorld,
  TRAFFORD,
} from '../../../../test/support/submission-factories.ts';
import { issueApiToken } from '../../accounts/index.ts';
import { auditForBody } from '../../audit/index.ts';
import { setSelfApproval, sharedWith } from '../index.ts';

let t: TestApp;
let world: SubmissionWorld;
let trafford: string;
let stockport: string;
let police: string;
const db = () => t.database.db;

beforeEach(async () => {
  t = await freshApp('2025-06-01T09:00:00.000Z');
  world = await seedSubmissionWorld(db());
  const token = async (bodyId: string) =>
    (await issueApiToken(db(), setUp, { bodyId, name: 'machine' }, { clock: t.clock })).plaintext;
  trafford = await token(TRAFFORD);
  stockport = await token(STOCKPORT);
  police = await token(POLICE);
});
afterEach(async () => t.close());

function call(method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, token?: string, json?: object) {
  return t.app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(json ? { payload: json } : {}),
  });
}

const deadlineCount = async () =>
  Number(
    (
      await db()
        .selectFrom('collection_deadline')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Trafford's own indicator, asked of the police for 2025/26 (the period's slash encoded in the address). */
const POLICE_DEADLINE = `/api/v1/bodies/${POLICE}/collection/${LOCAL_INDICATOR}/${encodeURIComponent('2025/26')}`;

describe('collection deadlines through the API', () => {
  it('are set, replaced and removed by the token of the body that owns the indicator, each audited', async () => {
    const set = await call('PUT', POLICE_DEADLINE, trafford, { dueDate: '2026-05-31' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({
      indicator: LOCAL_INDICATOR,
      period: { key: 'FY2025', type: 'financial_year', label: '2025/26', start: '2025-04-01', end: '2026-03-31' },
      bodyId: POLICE,
      dueDate: '2026-05-31',
    });
    expect((await call('GET', `/api/v1/bodies/${POLICE}/collection`)).json()).toMatchObject({
      items: [{ indicator: LOCAL_INDICATOR, dueDate: '2026-05-31', status: 'due' }],
    });
    const byKey = `/api/v1/bodies/${POLICE}/collection/${LOCAL_INDICATOR}/FY2025`;
    expect((await call('PUT', byKey, trafford, { dueDate: '2026-06-30' })).json()).toMatchObject({ dueDate: '2026-06-30' });
    expect(await deadlineCount()).toBe(1);

    const removed = await call('DELETE', POLICE_DEADLINE, trafford);
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect(await deadlineCount()).toBe(0);
    const again = await call('DELETE', POLICE_DEADLINE, trafford);
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({
      error: { code: 'not_found', details: [{ field: 'period', value: '2025/26', reason: 'no deadline is set' }] },
    });

    const events = (await auditForBody(db(), POLICE, { action: 'collection_deadline' })).items;
    expect(events.map((e) => [e.action, e.viaKind])).toEqual([
      ['collection_deadline.remove', 'token'],
      ['collection_deadline.set', 'token'],
      ['collection_deadline.set', 'token'],
    ]);
  });

  it('answer 401 without a token and 403 with one that may not set the deadline, changing nothing', async () => {
    const none = await call('PUT', POLICE_DEADLINE, undefined, { dueDate: '2026-05-31' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect((await call('DELETE', POLICE_DEADLINE)).statusCode).toBe(401);
    // another council's token, the supplying body's own token, and a national indicator (administrators only)
    const national = `/api/v1/bodies/${TRAFFORD}/collection/${NATIONAL_INDICATOR}/FY2025`;
    for (const [url, token] of [
      [POLICE_DEADLINE, stockport],
      [POLICE_DEADLINE, police],
      [national, trafford],
    ] as const) {
      const refused = await call('PUT', url, token, { dueDate: '2026-05-31' });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json()).toMatchObject({
        error: { code: 'forbidden', message: 'You may not set collection deadlines for this indicator' },
      });
    }
    await call('PUT', POLICE_DEADLINE, trafford, { dueDate: '2026-05-31' });
    expect((await call('DELETE', POLICE_DEADLINE, stockport)).statusCode).toBe(403);
    expect(await deadlineCount()).toBe(1);
  });

  it('answer 400 or 404 naming the field and value that are wrong, changing nothing', async () => {
    const refusal = async (url: string, json: object | undefined, status: number) => {
      const response = await call('PUT', url, trafford, json);
      expect(response.statusCode, url).toBe(status);
      return response.json<{ error: { code: string; details: unknown[] } }>().error;
    };
    expect((await refusal(POLICE_DEADLINE, { dueDate: '2026-02-30' }, 400)).details).toEqual([
      { field: 'dueDate', value: '2026-02-30', reason: 'give the due date as YYYY-MM-DD' },
    ]);
    expect(await refusal(POLICE_DEADLINE, {}, 400)).toMatchObject({
      code: 'invalid_request',
      details: [{ field: 'body.dueDate' }],
    });
    const month = `/api/v1/bodies/${POLICE}/collection/${LOCAL_INDICATOR}/${encodeURIComponent('May 2025')}`;
    expect((await refusal(month, { dueDate: '2026-05-31' }, 400)).details).toEqual([
      { field: 'period', value: 'May 2025', reason: expect.stringContaining('not a financial year') },
    ]);
    expect((await refusal(`/api/v1/bodies/${POLICE}/collection/NOPE/FY2025`, { dueDate: '2026-05-31' }, 404)).details).toEqual([
      { field: 'indicator', value: 'NOPE', reason: 'not a known indicator code' },
    ]);
    const nowhere = `/api/v1/bodies/nowhere/collection/${LOCAL_INDICATOR}/FY2025`;
    expect((await refusal(nowhere, { dueDate: '2026-05-31' }, 404)).details).toEqual([
      { field: 'id', value: 'nowhere', reason: 'is not a known body' },
    ]);
    expect(await deadlineCount()).toBe(0);
  });
});

describe('sharing unpublished figures through the API', () => {
  const shares = `/api/v1/bodies/${TRAFFORD}/shares`;

  it('lets the body’s token share, list and stop sharing, each audited as the token', async () => {
    expect((await call('GET', shares, trafford)).json()).toEqual({ bodyId: TRAFFORD, items: [] });
    const shared = await call('POST', shares, trafford, { partnerBodyId: POLICE });
    expect(shared.statusCode).toBe(201);
    expect(shared.json()).toEqual({
      id: expect.any(Number),
      ownerBodyId: TRAFFORD,
      partnerBodyId: POLICE,
      grantedBy: expect.stringMatching(/^API token lv_[0-9a-z]+ \(machine\)$/),
      grantedAt: '2025-06-01T09:00:00.000Z',
    });
    expect(await sharedWith(db(), TRAFFORD)).toEqual([POLICE]);
    expect((await call('GET', shares, trafford)).json()).toMatchObject({ items: [{ partnerBodyId: POLICE }] });
    // the partner's token now reads the shares (it reads the figures too), but cannot change them
    expect((await call('GET', shares, police)).statusCode).toBe(200);
    expect((await call('DELETE', `${shares}/${POLICE}`, police)).statusCode).toBe(403);

    const stopped = await call('DELETE', `${shares}/${POLICE}`, trafford);
    expect(stopped.statusCode).toBe(204);
    expect(await sharedWith(db(), TRAFFORD)).toEqual([]);
    const events = (await auditForBody(db(), TRAFFORD, { action: 'unpublished_share' })).items;
    expect(events.map((e) => [e.action, e.viaKind])).toEqual([
      ['unpublished_share.revoke', 'token'],
      ['unpublished_share.grant', 'token'],
    ]);
  });

  it('answers 401 without a token and 403 with another body’s, changing nothing', async () => {
    for (const [method, url] of [
      ['GET', shares],
      ['POST', shares],
      ['DELETE', `${shares}/${POLICE}`],
    ] as const) {
      const json = method === 'POST' ? { partnerBodyId: HOUSING } : undefined;
      const none = await call(method, url, undefined, json);
      expect(none.statusCode, `${method} ${url}`).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      expect((await call(method, url, stockport, json)).statusCode, `${method} ${url}`).toBe(403);
    }
    expect(await sharedWith(db(), TRAFFORD)).toEqual([]);
  });

  it('answers 400, 404 or 409 naming what is wrong, changing nothing', async () => {
    const refusal = async (method: 'POST' | 'DELETE', url: string, json: object | undefined, status: number) => {
      const response = await call(method, url, trafford, json);
      expect(response.statusCode, `${method} ${url}`).toBe(status);
      return response.json<{ error: { code: string; details: unknown[] } }>().error;
    };
    expect((await refusal('POST', shares, { partnerBodyId: 'nowhere' }, 400)).details).toEqual([
      { field: 'partnerBodyId', value: 'nowhere', reason: 'is not a known body' },
    ]);
    expect((await refusal('POST', shares, { partnerBodyId: TRAFFORD }, 400)).details).toEqual([
      { field: 'partnerBodyId', value: TRAFFORD, reason: 'a body already sees its own figures' },
    ]);
    expect(await refusal('POST', shares, {}, 400)).toMatchObject({
      code: 'invalid_request',
      details: [{ field: 'body.partnerBodyId' }],
    });
    expect((await refusal('DELETE', `${shares}/${HOUSING}`, undefined, 404)).details).toEqual([
      { field: 'partnerBodyId', value: HOUSING, reason: 'is not shared with' },
    ]);
    expect((await refusal('POST', '/api/v1/bodies/nowhere/shares', { partnerBodyId: POLICE }, 404)).details).toEqual([
      { field: 'id', value: 'nowhere', reason: 'is not a known body' },
    ]);
    await call('POST', shares, trafford, { partnerBodyId: POLICE });
    expect((await refusal('POST', shares, { partnerBodyId: POLICE }, 409)).details).toEqual([
      { field: 'partnerBodyId', value: POLICE, reason: 'is already shared with' },
    ]);
    expect(await sharedWith(db(), TRAFFORD)).toEqual([POLICE]);
  });
});

describe('a body’s rule for approving submissions through the API', () => {
  const rules = `/api/v1/bodies/${TRAFFORD}/submission-rules`;

  it('is read with the body’s token, and cannot be changed with one', async () => {
    expect((await call('GET', rules, trafford)).json()).toEqual({
      bodyId: TRAFFORD,
      bodyName: 'Trafford Council',
      selfApprovalAllowed: false,
      lastChange: null,
    });
    const reason = 'One officer until the new post is filled';
    await setSelfApproval(db(), world.administrator, { bodyId: TRAFFORD, allowed: true, reason }, { clock: t.clock });
    expect((await call('GET', rules, trafford)).json()).toMatchObject({
      selfApprovalAllowed: true,
      lastChange: { by: world.administrator.displayName, at: '2025-06-01T09:00:00.000Z', reason },
    });

    expect((await call('GET', rules)).statusCode).toBe(401);
    expect((await call('GET', rules, stockport)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/bodies/nowhere/submission-rules', trafford)).statusCode).toBe(404);
    for (const method of ['PUT', 'POST'] as const)
      expect((await call(method, rules, trafford, { selfApprovalAllowed: false })).statusCode).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  it('names the bearer token on every new route and says a token cannot change the rule', async () => {
    const doc = (await call('GET', '/api/openapi.json')).json<{
      paths: Record<string, Record<string, { security?: unknown; description?: string }>>;
    }>();
    const operations = [
      ['put', '/api/v1/bodies/{id}/collection/{indicator}/{period}'],
      ['delete', '/api/v1/bodies/{id}/collection/{indicator}/{period}'],
      ['get', '/api/v1/bodies/{id}/shares'],
      ['post', '/api/v1/bodies/{id}/shares'],
      ['delete', '/api/v1/bodies/{id}/shares/{partnerBodyId}'],
      ['get', '/api/v1/bodies/{id}/submission-rules'],
    ] as const;
    for (const [method, path] of operations) {
      const op = doc.paths[path]?.[method];
      expect(op?.security, `${method} ${path}`).toEqual([{ apiToken: [] }]);
      expect(op?.description, `${method} ${path}`).toMatch(/^Who may: /);
    }
    expect(doc.paths['/api/v1/bodies/{id}/submission-rules']?.get?.description).toContain('An API token cannot change it');
    expect(Object.keys(doc.paths['/api/v1/bodies/{id}/submission-rules'] ?? {})).toEqual(['get']);
  });
});
