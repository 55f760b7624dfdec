import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { freshApp, type TestApp } from '../../../../test/support/app.ts';
import { examplePlans, PLAN_BODIES, planJson, RECYCLING, seedPlansWorld } from '../../../../test/support/plans-factories.ts';
import { cliActor, issueApiToken } from '../../accounts/index.ts';
import { assessTargets, changeStatusRule, importPlans } from '../index.ts';
import type { actionDetailSchema, indicatorTargetSchema, targetDetailSchema } from './detail-presenters.ts';
import type { planListingSchema, planViewSchema, threadSchema } from './plan-presenters.ts';
import type { versionSchema } from './presenters.ts';
import type { targetsSchema } from './targets-presenters.ts';

let t: TestApp;
let tokens: { lsp: string; council: string; police: string };
const setUp = cliActor();
const db = () => t.database.db;
const deps = () => ({ clock: t.clock });

beforeEach(async () => {
  t = await freshApp('2025-06-01T09:00:00.000Z');
  await seedPlansWorld(db());
  await importPlans(db(), setUp, planJson(examplePlans()), deps());
  await assessTargets(db(), setUp, {}, deps());
  const token = async (bodyId: string) => (await issueApiToken(db(), setUp, { bodyId, name: 'plans' }, deps())).plaintext;
  tokens = {
    lsp: await token(PLAN_BODIES.lsp),
    council: await token(PLAN_BODIES.council),
    police: await token(PLAN_BODIES.police),
  };
});
afterEach(async () => t.close());

const get = (url: string, token?: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: token ? { authorization: `Bearer ${token}` } : {} });
async function json<T>(url: string, token?: string): Promise<T> {
  const response = await get(url, token);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return response.json<T>();
}

/** Each route's answer, typed as its schema says. */
const read = {
  plans: (query = '', token?: string) =>
    json<{ items: z.infer<typeof planListingSchema>[]; total: number; limit: number; offset: number }>(`/plans${query}`, token),
  plan: (id: string, query = '', token?: string) => json<z.infer<typeof planViewSchema>>(`/plans/${id}${query}`, token),
  versions: (id: string, token?: string) => json<{ items: z.infer<typeof versionSchema>[] }>(`/plans/${id}/versions`, token),
  thread: (id: string) => json<z.infer<typeof threadSchema>>(`/plans/${id}/thread`),
  targets: (id: string) => json<z.infer<typeof targetsSchema>>(`/plans/${id}/targets`),
  target: (id: string, key: string, query = '', token?: string) =>
    json<z.infer<typeof targetDetailSchema>>(`/plans/${id}/targets/${key}${query}`, token),
  action: (id: string, key: string) => json<z.infer<typeof actionDetailSchema>>(`/plans/${id}/actions/${key}`),
  indicatorTargets: (code: string, query = '') =>
    json<{ indicator: string; on: string; items: z.infer<typeof indicatorTargetSchema>[] }>(
      `/indicators/${code}/targets${query}`,
    ),
};
/** The service plan's action, as the example states it. */
const A1_DUE = (examplePlans().plans[2]!.items[1] as { due: string }).due;
const ids = (list: { items: { id: string }[] }) => list.items.map((p) => p.id);
const itemOf = (plan: z.infer<typeof planViewSchema>, key: string) => plan.items.find((i) => i.key === key);

/** The strategy again, with the priority renamed: a draft (version 2), or published from a date with a note. */
async function reviseStrategy(publish: { inForceFrom: string; changeNote: string } | null) {
  const file = examplePlans({ publish: publish !== null });
  const strategy = file.plans[0]!;
  strategy.items[1]!.title = 'Zero waste';
  Object.assign(strategy, publish ?? {});
  await importPlans(db(), setUp, planJson({ plans: [strategy] }), deps());
}

describe('the plans list', () => {
  it('lists the published plans with their owners and the version in force, filtered, and as CSV', async () => {
    const all = await read.plans();
    expect(all).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(ids(all)).toEqual(['trafford-laa', 'trafford-scs', 'waste-service']);
    expect(all.items[1]).toMatchObject({
      kind: 'community_strategy',
      kindName: 'Sustainable Community Strategy',
      owner: { id: PLAN_BODIES.lsp, name: 'Trafford Partnership' },
      area: { code: 'E08000009', name: 'Trafford' },
      inForce: { number: 1, state: 'published', inForceFrom: '2024-04-01', disclaimer: 'The targets are illustrative.' },
      draft: null,
      links: { thread: '/api/v1/plans/trafford-scs/thread', targets: '/api/v1/plans/trafford-scs/targets' },
    });
    expect(ids(await read.plans('?kind=laa'))).toEqual(['trafford-laa']);
    expect(ids(await read.plans(`?owner=${PLAN_BODIES.council}`))).toEqual(['waste-service']);
    expect((await read.plans('?area=E08000007')).total).toBe(0);
    expect(ids(await read.plans('?limit=1&offset=1'))).toEqual(['trafford-scs']);

    const csv = await get('/plans?format=csv&kind=community_strategy');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\n').slice(0, 2)).toEqual([
      'id,kind,owner,owner_name,area,area_name,title,version_in_force,in_force_from,latest_published,draft',
      'trafford-scs,community_strategy,trafford-partnership,Trafford Partnership,E08000009,Trafford,Trafford Sustainable Community Strategy,1,2024-04-01,1,',
    ]);
    expect((await get('/plans?kind=nonsense')).statusCode).toBe(400);
    expect((await get('/plans?on=2025-02-30')).json()).toMatchObject({
      error: { details: [{ field: 'on', value: '2025-02-30' }] },
    });
    expect((await read.plans('?on=2024-03-31')).items.map((p) => p.inForce)).toEqual([null, null, null]);
  });
});

describe('a plan and its versions', () => {
  it('shows the version in force on a date, or a version by number, with its items and national priorities', async () => {
    await reviseStrategy({ inForceFrom: '2025-04-01', changeNote: 'Aim for zero waste' });
    const now = await read.plan('trafford-scs');
    expect(now).toMatchObject({ on: '2025-06-01', version: { number: 2, changeNote: 'Aim for zero waste' } });
    expect(itemOf(now, 'waste')).toMatchObject({ kind: 'priority', title: 'Zero waste' });
    const before = await read.plan('trafford-scs', '?on=2025-03-31');
    expect(before).toMatchObject({ on: '2025-03-31', version: { number: 1 }, inForce: { number: 1 } });
    expect(itemOf(before, 'waste')?.title).toBe('Less waste, more recycling');
    expect((await read.plan('trafford-scs', '?version=1')).version.number).toBe(1);
    const versions = await read.versions('trafford-scs');
    expect(versions.items.map((v) => [v.number, v.inForceFrom])).toEqual([
      [1, '2024-04-01'],
      [2, '2025-04-01'],
    ]);

    const laa = await read.plan('trafford-laa');
    expect(laa.partners).toEqual([
      { id: PLAN_BODIES.council, name: 'Trafford Council' },
      { id: PLAN_BODIES.police, name: 'Greater Manchester Police' },
    ]);
    expect(laa.nationalPriorities).toEqual([
      {
        code: 'PSA 27',
        wording: 'Lead the global effort to avoid dangerous climate change',
        department: 'Defra',
        kind: 'psa_target',
      },
    ]);
    expect(itemOf(laa, 'N1')).toMatchObject({
      parentKey: 'O1',
      target: {
        targetKind: 'stretch',
        stretch: { amountGbp: 500000, description: 'Performance reward grant' },
        baseline: { period: { key: 'FY2020', label: '2020/21' }, value: 52 },
        target: { period: { key: 'FY2024' }, value: { value: 60 } },
      },
    });
    expect(itemOf(laa, 'O1')?.serves).toEqual([{ plan: 'trafford-scs', key: 'waste', link: '/api/v1/plans/trafford-scs' }]);
  });

  it('answers 400 for a date that is not one and 404 for a date before any version, a version or a plan that is not there', async () => {
    const bad = await get('/plans/trafford-scs?on=2025-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { details: [{ field: 'on', value: '2025-02-30' }] } });
    const early = await get('/plans/trafford-scs?on=2024-03-31');
    expect(early.statusCode).toBe(404);
    expect(early.json()).toMatchObject({ error: { details: [{ field: 'on', value: '2024-03-31' }] } });
    expect((await get('/plans/trafford-scs?version=9')).json()).toMatchObject({
      error: { code: 'not_found', details: [{ field: 'version', value: 9 }] },
    });
    expect((await get('/plans/trafford-scs?version=0')).statusCode).toBe(400);
    for (const url of ['/plans/nowhere', '/plans/nowhere/versions', '/plans/nowhere/thread', '/plans/nowhere/targets'])
      expect((await get(url)).statusCode, url).toBe(404);
  });
});

describe('drafts', () => {
  it('are hidden from the public and shown to the tokens of the owner and its accountable body', async () => {
    await reviseStrategy(null);
    expect((await read.versions('trafford-scs')).items.map((v) => v.number)).toEqual([1]);
    expect((await get('/plans/trafford-scs?version=2')).statusCode).toBe(404);
    expect((await get('/plans/trafford-scs?draft=true')).statusCode).toBe(403);
    expect((await get('/plans/trafford-scs?draft=true', tokens.police)).statusCode).toBe(403);
    expect((await read.plans('?kind=community_strategy')).items[0]?.draft).toBeNull();

    for (const token of [tokens.lsp, tokens.council]) {
      const draft = await read.plan('trafford-scs', '?draft=true', token);
      expect(draft.version).toMatchObject({ number: 2, state: 'draft', inForceFrom: null });
      expect(itemOf(draft, 'waste')?.title).toBe('Zero waste');
      expect((await read.versions('trafford-scs', token)).items.map((v) => v.state)).toEqual(['published', 'draft']);
      expect((await read.plans('?kind=community_strategy', token)).items[0]?.draft).toMatchObject({ number: 2 });
    }
  });

  it('a plan with nothing published is not found without a token that may see it', async () => {
    const file = examplePlans({ publish: false });
    const strategy = { ...file.plans[0]!, id: 'draft-strategy' };
    await importPlans(db(), setUp, planJson({ plans: [strategy] }), deps());
    expect(ids(await read.plans())).not.toContain('draft-strategy');
    for (const url of ['/plans/draft-strategy', '/plans/draft-strategy/versions', '/plans/draft-strategy/targets/T1'])
      expect((await get(url)).statusCode, url).toBe(404);
    expect((await get('/plans/draft-strategy/versions', tokens.police)).statusCode).toBe(404);
    const listed = await read.plans('', tokens.lsp);
    expect(listed.items.find((p) => p.id === 'draft-strategy')).toMatchObject({
      inForce: null,
      latestPublished: null,
      draft: { number: 1 },
    });
    expect((await read.versions('draft-strategy', tokens.lsp)).items).toHaveLength(1);
    expect((await read.target('draft-strategy', 'T1', '?draft=true', tokens.lsp)).chains).toEqual([]);
  });
});

describe('the golden thread', () => {
  it('is a list in reading order: each node with its parent, relation, status and counts, worst first', async () => {
    const thread = await read.thread('trafford-scs');
    expect(thread).toMatchObject({
      plan: { id: 'trafford-scs', owner: { name: 'Trafford Partnership' } },
      version: { number: 1, vision: 'A thriving, greener Trafford.' },
      status: 'off_track',
      counts: { on_track: 2, at_risk: 2, off_track: 1, no_data: 0 },
    });
    const rows = thread.nodes.map((n) => [n.index, n.parent, n.depth, n.relation, `${n.ref.plan}#${n.ref.key}`, n.status]);
    expect(rows).toEqual([
      [0, null, 0, 'root', 'trafford-scs#green', 'off_track'],
      [1, 0, 1, 'child', 'trafford-scs#waste', 'off_track'],
      [2, 1, 2, 'serves', 'trafford-laa#O1', 'off_track'],
      [3, 2, 3, 'child', 'trafford-laa#G1', 'off_track'],
      [4, 2, 3, 'child', 'trafford-laa#N1', 'at_risk'],
      [5, 4, 4, 'serves', 'waste-service#A1', 'on_track'],
      [6, 2, 3, 'child', 'trafford-laa#N2', 'on_track'],
      [7, 1, 2, 'child', 'trafford-scs#T1', 'at_risk'],
    ]);
    expect(thread.nodes[1]).toMatchObject({ counts: { on_track: 2, at_risk: 2, off_track: 1 }, childCount: 2 });
    expect(thread.nodes[7]).toMatchObject({
      ref: { link: '/api/v1/plans/trafford-scs/targets/T1' },
      owner: { id: PLAN_BODIES.council, name: 'Trafford Council' },
      leadPerson: 'Head of Waste',
      target: { indicator: 'REC', milestones: [{ period: { key: 'FY2023' }, value: { value: 58 } }] },
      assessment: { status: 'at_risk', actual: RECYCLING.FY2023, expected: { value: 58 }, rule: { version: 1, tolerance: 2 } },
      forecast: { method: 'linear_trend', period: { key: 'FY2025' }, pointsUsed: 5 },
    });
    expect(thread.nodes[5]).toMatchObject({
      kind: 'action',
      action: { due: A1_DUE },
      progress: { progress: 40, state: 'in_progress', asOf: '2025-05-20' },
      ref: { link: '/api/v1/plans/waste-service/actions/A1' },
    });
  });
});

describe('targets', () => {
  it('an agreement’s targets with status, forecast, coverage, national priority and the reward at stake; CSV too', async () => {
    const targets = await read.targets('trafford-laa');
    expect(targets).toMatchObject({
      total: 3,
      plan: { id: 'trafford-laa', owner: { id: PLAN_BODIES.lsp } },
      status: 'off_track',
      counts: { on_track: 1, at_risk: 1, off_track: 1, no_data: 0 },
      stretch: { targets: 1, met: 0, rewardTotal: 500000, rewardAtStake: 500000 },
    });
    expect(targets.items.map((r) => [r.ref.key, r.status])).toEqual([
      ['N1', 'at_risk'],
      ['N2', 'on_track'],
      ['G1', 'off_track'],
    ]);
    expect(targets.items[0]).toMatchObject({ rewardAtStake: 500000, theme: { key: 'env' }, outcome: { key: 'O1' } });
    expect(targets.items[1]).toMatchObject({
      coverage: [
        { code: 'E05000001', name: expect.any(String) },
        { code: 'E05000002', name: expect.any(String) },
      ],
      nationalPriority: { code: 'PSA 27' },
      assessment: { targetMet: true },
      rewardAtStake: 0,
    });
    const csv = (await get('/plans/trafford-laa/targets?format=csv')).body.split('\n');
    expect(csv[0]).toContain('key,title,theme,outcome,target_kind,national_priority,indicator');
    expect(csv[1]).toMatch(/^N1,Stretch: 60% recycled by 2024\/25,Environment,Recycle more,stretch,,REC,/);
    expect(csv[1]).toMatch(/,500000,500000$/);
    expect(csv[2]).toContain(',PSA 27,');
    expect(csv[2]).toContain(',E05000001 E05000002,');
    expect((await read.targets('trafford-scs')).items.map((r) => r.ref.key)).toEqual(['T1']);
  });

  it('one target: figures, trajectory, forecast, every status with the rule it used, and the chain up to the vision', async () => {
    const tighter = { tolerance: 0.5, toleranceKind: 'absolute', reason: 'Tighter in the final years' };
    await changeStatusRule(db(), setUp, { planId: 'trafford-scs', key: 'T1' }, tighter, deps());
    await assessTargets(db(), setUp, {}, deps());
    const t1 = await read.target('trafford-scs', 'T1');
    expect(t1).toMatchObject({
      key: 'T1',
      parents: [
        { key: 'green', kind: 'theme' },
        { key: 'waste', kind: 'priority' },
      ],
      indicator: { code: 'REC', title: 'Household waste recycled', link: '/api/v1/indicators/REC' },
      area: { code: 'E08000009', name: 'Trafford' },
      owner: { id: PLAN_BODIES.council },
      rule: { version: 2, tolerance: 0.5, reason: 'Tighter in the final years' },
      trajectory: [
        { role: 'baseline', period: { key: 'FY2020' }, value: { value: 52 } },
        { role: 'milestone', period: { key: 'FY2023' }, value: { value: 58 } },
        { role: 'target', period: { key: 'FY2025' }, value: { value: 62 } },
      ],
      forecast: { method: 'linear_trend', pointsUsed: 5, meetsTarget: false },
      measureUnavailable: null,
    });
    expect(t1.rules.map((r) => [r.version, r.tolerance])).toEqual([
      [2, 0.5],
      [1, 2],
    ]);
    // The new rule judged anew; the status judged by the old rule keeps it.
    expect(t1.assessments.map((a) => [a.status, a.rule.version, a.rule.tolerance])).toEqual([
      ['off_track', 2, 0.5],
      ['at_risk', 1, 2],
    ]);
    expect(t1.actuals.map((a) => [a.period.key, a.value])).toEqual(Object.entries(RECYCLING));
    expect(t1.chains).toHaveLength(1);
    expect(t1.chains[0]?.steps.map((s) => [s.via, s.ref.key, s.status])).toEqual([
      ['start', 'T1', 'off_track'],
      ['parent', 'waste', 'off_track'],
      ['parent', 'green', 'off_track'],
    ]);
    expect(t1.chains[0]?.top).toMatchObject({ plan: 'trafford-scs', vision: 'A thriving, greener Trafford.' });
    expect((await get('/plans/trafford-scs/targets/green')).statusCode).toBe(404);
    expect((await get('/plans/trafford-scs/targets/NOPE')).json()).toMatchObject({
      error: { code: 'not_found', details: [{ field: 'key', value: 'NOPE' }] },
    });
  });
});

describe('actions, national priorities and the reverse thread', () => {
  it('an action: its progress and the chain up through the agreement to the strategy’s vision', async () => {
    const a1 = await read.action('waste-service', 'A1');
    expect(a1).toMatchObject({
      key: 'A1',
      owner: { id: PLAN_BODIES.council },
      status: 'on_track',
      action: { due: A1_DUE, milestones: [{ due: '2025-09-30', title: 'Survey the blocks', done: true }] },
      updates: [{ progress: 40, state: 'in_progress', note: 'Half the blocks done' }],
      servesItems: [{ ref: { plan: 'trafford-laa', key: 'N1' }, status: 'at_risk' }],
    });
    expect(a1.chains[0]?.steps.map((s) => [s.via, `${s.ref.plan}#${s.ref.key}`])).toEqual([
      ['start', 'waste-service#A1'],
      ['serves', 'trafford-laa#N1'],
      ['parent', 'trafford-laa#O1'],
      ['serves', 'trafford-scs#waste'],
      ['parent', 'trafford-scs#green'],
    ]);
    expect(a1.chains[0]?.top).toMatchObject({ plan: 'trafford-scs', vision: 'A thriving, greener Trafford.' });
    expect((await get('/plans/waste-service/actions/P1')).statusCode).toBe(404);
  });

  it('lists the national priorities', async () => {
    expect(await json('/national-priorities')).toEqual({
      items: [
        {
          code: 'PSA 27',
          wording: 'Lead the global effort to avoid dangerous climate change',
          department: 'Defra',
          kind: 'psa_target',
        },
      ],
    });
  });

  it('finds every target on an indicator, for an area, each with its chains up', async () => {
    const rec = await read.indicatorTargets('REC', '?area=E08000009');
    expect(rec).toMatchObject({ indicator: 'REC', on: '2025-06-01' });
    expect(rec.items.map((i) => `${i.ref.plan}#${i.ref.key}`).sort()).toEqual([
      'trafford-laa#G1',
      'trafford-laa#N1',
      'trafford-laa#N2',
      'trafford-scs#T1',
    ]);
    expect(rec.items.find((i) => i.ref.key === 'N1')?.chains[0]?.top.plan).toBe('trafford-scs');
    expect((await read.indicatorTargets('REC', '?area=E08000007')).items).toEqual([]);
    expect((await read.indicatorTargets('DELAY')).items).toEqual([]);
    expect((await get('/indicators/NOPE/targets')).json()).toMatchObject({
      error: { code: 'not_found', details: [{ field: 'code', value: 'NOPE' }] },
    });
    expect((await get('/indicators/REC/targets?on=yesterday')).statusCode).toBe(400);
  });
});
