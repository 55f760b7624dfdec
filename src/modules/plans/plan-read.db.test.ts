import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { actorFor } from '../../../test/support/accounts-factories.ts';
import { PLAN_BODIES, plansClock, RECYCLING, seedPlansWorld, TRAFFORD } from '../../../test/support/plans-factories.ts';
import { insertItem, type NewItem } from './item.repository.ts';
import { insertPlan, insertVersion } from './plan.repository.ts';
import { insertAssessment, insertRule, insertUpdate } from './status.repository.ts';
import {
  actionDetail,
  getPlan,
  goldenThread,
  laaReport,
  listPlans,
  targetDetail,
  threadForIndicator,
  threadUpFrom,
  type ThreadNode,
} from './index.ts';

let handle: DatabaseHandle;
let db: Executor;
const clock = plansClock();
const deps = { clock };
const officer = actorFor('performance_officer', { bodyId: PLAN_BODIES.council });

beforeEach(async () => {
  handle = await freshDatabase();
  db = handle.db;
  await seedPlansWorld(db);
  await seedPlans();
});
afterEach(async () => handle.close());

const theme = (key: string, title: string): NewItem => ({
  item: { key, kind: 'theme', parent_key: null, title, description: null, position: 1 },
  target: null,
  action: null,
  serves: [],
});
const priority = (key: string, parent: string | null, title: string, serves: NewItem['serves'] = []): NewItem => ({
  item: { key, kind: 'priority', parent_key: parent, title, description: null, position: 1 },
  target: null,
  action: null,
  serves,
});
function target(key: string, parent: string, position: number, fields: Partial<NonNullable<NewItem['target']>> = {}): NewItem {
  return {
    item: { key, kind: 'target', parent_key: parent, title: `Target ${key}`, description: null, position },
    target: {
      target_kind: 'local',
      national_priority_code: null,
      indicator_code: 'REC',
      area_code: TRAFFORD,
      coverage_area_codes: '[]',
      measure: 'level',
      gap_part_type: null,
      direction: 'higher',
      baseline_period: 'FY2020',
      baseline_value: 52,
      target_period: 'FY2025',
      target_value: 62,
      target_low: null,
      target_high: null,
      milestones: JSON.stringify([{ period: 'FY2023', value: { value: 58 } }]),
      stretch_amount_gbp: null,
      stretch_description: null,
      owner_body_id: PLAN_BODIES.council,
      lead_person: 'Head of Waste',
      ...fields,
    },
    action: null,
    serves: [],
  };
}

async function plan(
  id: string,
  kind: string,
  owner: string,
  versions: { state: string; inForceFrom: string | null; title: string; items: NewItem[] }[],
) {
  await insertPlan(db, {
    id,
    kind,
    owner_body_id: owner,
    area_code: TRAFFORD,
    created_at: '2024-01-01T00:00:00.000Z',
    created_by: 'test',
  });
  for (const [i, v] of versions.entries()) {
    const versionId = await insertVersion(db, {
      plan_id: id,
      number: i + 1,
      state: v.state,
      title: v.title,
      vision: `The vision of ${v.title}`,
      covers_from: 'FY2024',
      covers_to: 'FY2030',
      in_force_from: v.inForceFrom,
      change_note: i === 0 ? null : 'Revised',
      partner_body_ids: JSON.stringify(kind === 'laa' ? [PLAN_BODIES.council, PLAN_BODIES.police] : []),
      disclaimer: 'The targets are illustrative.',
      created_at: '2024-01-01T00:00:00.000Z',
      created_by: 'test',
      published_at: v.state === 'published' ? '2024-01-01T00:00:00.000Z' : null,
      published_by: v.state === 'published' ? 'test' : null,
    });
    for (const item of v.items) await insertItem(db, versionId, item);
  }
}

async function assess(
  planId: string,
  key: string,
  status: string,
  extra: { targetMet?: boolean; period?: string; actual?: number } = {},
) {
  const ruleId = await insertRule(db, {
    plan_id: planId,
    target_key: key,
    version: 1,
    tolerance: 2,
    tolerance_kind: 'absolute',
    in_force_from: '2024-01-01',
    created_at: '2024-01-01T00:00:00.000Z',
    created_by: 'test',
    reason: null,
  });
  const version = await db
    .selectFrom('plan_version')
    .select('id')
    .where('plan_id', '=', planId)
    .where('state', '=', 'published')
    .orderBy('number', 'desc')
    .executeTakeFirstOrThrow();
  await insertAssessment(db, {
    plan_id: planId,
    target_key: key,
    plan_version_id: version.id,
    rule_id: ruleId,
    rule_version: 1,
    tolerance: 2,
    tolerance_kind: 'absolute',
    status,
    reason: `judged ${status}`,
    period: extra.period ?? 'FY2023',
    actual: extra.actual ?? 57,
    expected_value: 58,
    expected_low: null,
    expected_high: null,
    target_met: extra.targetMet ? 1 : 0,
    assessed_at: '2025-05-01T00:00:00.000Z',
  });
}

/** A strategy (two published versions and a draft), an LAA whose outcome serves its priority, and a service plan's action serving an LAA target. */
async function seedPlans(): Promise<void> {
  const strategyItems = (title: string) => [
    theme('green', 'A greener Trafford'),
    priority('waste', 'green', title),
    target('T1', 'waste', 1),
  ];
  await plan('trafford-scs', 'community_strategy', PLAN_BODIES.lsp, [
    { state: 'published', inForceFrom: '2024-04-01', title: 'Trafford Strategy 2024', items: strategyItems('Less waste') },
    { state: 'published', inForceFrom: '2025-04-01', title: 'Trafford Strategy 2025', items: strategyItems('Much less waste') },
    { state: 'draft', inForceFrom: null, title: 'Trafford Strategy draft', items: strategyItems('Zero waste') },
  ]);
  await plan('trafford-laa', 'laa', PLAN_BODIES.lsp, [
    {
      state: 'published',
      inForceFrom: '2024-04-01',
      title: 'Trafford LAA',
      items: [
        theme('env', 'Environment'),
        priority('O1', 'env', 'Recycle more', [{ planId: 'trafford-scs', key: 'waste' }]),
        target('N1', 'O1', 1, { target_kind: 'stretch', stretch_amount_gbp: 500_000, stretch_description: 'Reward grant' }),
        target('N2', 'O1', 2, { target_kind: 'national', target_value: 55 }),
        target('N3', 'O1', 3, { target_kind: 'stretch', stretch_amount_gbp: 250_000, stretch_description: null }),
      ],
    },
  ]);
  await plan('waste-service', 'service_plan', PLAN_BODIES.council, [
    {
      state: 'published',
      inForceFrom: '2024-04-01',
      title: 'Waste service plan',
      items: [
        priority('P1', null, 'Collections'),
        {
          item: {
            key: 'A1',
            kind: 'action',
            parent_key: 'P1',
            title: 'Food waste caddies for flats',
            description: null,
            position: 1,
          },
          target: null,
          action: { owner_body_id: PLAN_BODIES.council, lead_person: 'Waste manager', due: '2026-03-31', milestones: '[]' },
          serves: [{ planId: 'trafford-laa', key: 'N1' }],
        },
      ],
    },
  ]);
  await assess('trafford-scs', 'T1', 'off_track');
  await assess('trafford-laa', 'N1', 'at_risk');
  await assess('trafford-laa', 'N2', 'on_track', { targetMet: true });
  await assess('trafford-laa', 'N3', 'on_track', { targetMet: true });
  await insertUpdate(db, {
    plan_id: 'waste-service',
    action_key: 'A1',
    progress: 40,
    state: 'in_progress',
    note: 'Half the blocks done',
    as_of: '2025-05-20',
    created_at: '2025-05-20T10:00:00.000Z',
    created_by: 'test',
    created_by_person_id: null,
  });
}

describe('plans: versions in force', () => {
  it('shows the version in force on a date, by number, or the draft to those who may see drafts', async () => {
    expect((await getPlan(db, null, 'trafford-scs', {}, deps)).version.number).toBe(2);
    expect((await getPlan(db, null, 'trafford-scs', { on: '2024-06-01' }, deps)).version.number).toBe(1);
    expect((await getPlan(db, null, 'trafford-scs', { on: '2025-04-01' }, deps)).version.title).toBe('Trafford Strategy 2025');
    await expect(getPlan(db, null, 'trafford-scs', { on: '2024-03-31' }, deps)).rejects.toThrow(NotFoundError);
    await expect(getPlan(db, null, 'trafford-scs', { on: '2024-02-30' }, deps)).rejects.toThrow('on must be a date');
    await expect(getPlan(db, null, 'trafford-scs', { version: 3 }, deps)).rejects.toThrow(NotFoundError);
    await expect(getPlan(db, null, 'trafford-scs', { draft: true }, deps)).rejects.toThrow(ForbiddenError);
    const draft = await getPlan(db, officer, 'trafford-scs', { draft: true }, deps);
    expect(draft.version.state).toBe('draft');
    expect(draft.items.find((i) => i.key === 'waste')?.title).toBe('Zero waste');
    expect(draft.access).toEqual({ mayReadDrafts: true, mayEdit: true });
    expect((await getPlan(db, null, 'trafford-scs', {}, deps)).versions.map((v) => v.number)).toEqual([1, 2]);
    await expect(getPlan(db, null, 'no-such-plan', {}, deps)).rejects.toThrow('No plan has the id no-such-plan');
  });

  it('lists the plans with the version in force, and the draft only to those who may see it', async () => {
    const anonymous = await listPlans(db, null, {}, deps);
    expect(anonymous.map((p) => [p.plan.id, p.inForce?.number, p.draft])).toEqual([
      ['trafford-laa', 1, null],
      ['trafford-scs', 2, null],
      ['waste-service', 1, null],
    ]);
    const own = await listPlans(db, officer, { kind: 'community_strategy' }, deps);
    expect(own.map((p) => [p.plan.id, p.draft?.number, p.versionCount, p.owner.name])).toEqual([
      ['trafford-scs', 3, 3, 'Trafford Partnership'],
    ]);
  });
});

const find = (nodes: ThreadNode[], key: string): ThreadNode | undefined => {
  for (const n of nodes) {
    if (n.ref.key === key) return n;
    const below = find(n.children, key);
    if (below) return below;
  }
  return undefined;
};

describe('plans: the golden thread', () => {
  it('joins the strategy to the LAA outcome serving its priority and the action serving an LAA target, worst first', async () => {
    const thread = await goldenThread(db, null, 'trafford-scs', {}, deps);
    expect(thread.status).toBe('off_track');
    expect(thread.counts).toEqual({ on_track: 3, at_risk: 1, off_track: 1, no_data: 0 });
    const waste = find(thread.nodes, 'waste')!;
    expect(waste.children.map((c) => [c.ref.planId, c.ref.key, c.relation, c.status])).toEqual([
      ['trafford-scs', 'T1', 'child', 'off_track'],
      ['trafford-laa', 'O1', 'serves', 'at_risk'],
    ]);
    const outcome = find(thread.nodes, 'O1')!;
    expect(outcome.children.map((c) => c.ref.key)).toEqual(['N1', 'N2', 'N3']);
    const n1 = find(thread.nodes, 'N1')!;
    expect(n1.counts).toEqual({ on_track: 1, at_risk: 0, off_track: 0, no_data: 0 });
    expect(n1.children[0]).toMatchObject({ ref: { planId: 'waste-service', key: 'A1' }, relation: 'serves', status: 'on_track' });
    expect(n1.children[0]!.actionUpdate?.progress).toBe(40);
    const t1 = find(thread.nodes, 'T1')!;
    expect(t1.ownerBodyName).toBe('Trafford Council');
    expect(t1.assessment?.reason).toBe('judged off_track');
    expect(t1.forecast?.method).toBe('linear_trend');
  });

  it('goes up from the action through the LAA target and outcome to the strategy’s vision', async () => {
    const up = await threadUpFrom(db, null, { planId: 'waste-service', key: 'A1' }, {}, deps);
    expect(up.chains).toHaveLength(1);
    const chain = up.chains[0]!;
    expect(chain.steps.map((s) => [s.ref.key, s.via, s.status])).toEqual([
      ['A1', 'start', 'on_track'],
      ['N1', 'serves', 'at_risk'],
      ['O1', 'parent', 'at_risk'],
      ['waste', 'serves', 'off_track'],
      ['green', 'parent', 'off_track'],
    ]);
    expect(chain.top).toEqual({
      planId: 'trafford-scs',
      kind: 'community_strategy',
      title: 'Trafford Strategy 2025',
      vision: 'The vision of Trafford Strategy 2025',
    });
  });

  it('finds every target on an indicator with its chain up', async () => {
    const found = await threadForIndicator(db, null, 'REC', { area: TRAFFORD }, deps);
    expect(found.targets.map((t) => `${t.plan.id}#${t.target.key}`).sort()).toEqual([
      'trafford-laa#N1',
      'trafford-laa#N2',
      'trafford-laa#N3',
      'trafford-scs#T1',
    ]);
    expect(found.targets.every((t) => t.chains[0]!.top.planId === 'trafford-scs')).toBe(true);
    expect((await threadForIndicator(db, null, 'DELAY', {}, deps)).targets).toEqual([]);
  });
});

describe('plans: items and the LAA report', () => {
  it('shows a target with its figures, trajectory, forecast, assessments and what serves it', async () => {
    const detail = await targetDetail(db, null, { planId: 'trafford-laa', key: 'N1' }, {}, deps);
    expect(detail.actuals.map((a) => [a.period.key, a.value])).toEqual(Object.entries(RECYCLING));
    expect(detail.trajectory.map((p) => [p.role, p.period.key])).toEqual([
      ['baseline', 'FY2020'],
      ['milestone', 'FY2023'],
      ['target', 'FY2025'],
    ]);
    expect(detail.forecast.pointsUsed).toBe(5);
    expect(detail.assessments.map((a) => a.status)).toEqual(['at_risk']);
    expect(detail.rule?.tolerance).toBe(2);
    expect(detail.parents.map((p) => p.key)).toEqual(['env', 'O1']);
    expect(detail.servedBy.map((s) => [s.ref.key, s.status])).toEqual([['A1', 'on_track']]);
    await expect(targetDetail(db, null, { planId: 'trafford-laa', key: 'O1' }, {}, deps)).rejects.toThrow('has no target O1');
  });

  it('shows an action with its updates and what it serves, and who may report on it', async () => {
    const detail = await actionDetail(db, officer, { planId: 'waste-service', key: 'A1' }, {}, deps);
    expect(detail.updates.map((u) => u.progress)).toEqual([40]);
    expect(detail.serves.map((s) => [s.ref.planId, s.ref.key, s.status])).toEqual([['trafford-laa', 'N1', 'at_risk']]);
    expect(detail.mayReportProgress).toBe(true);
    expect((await actionDetail(db, null, { planId: 'waste-service', key: 'A1' }, {}, deps)).mayReportProgress).toBe(false);
  });

  it('reports the LAA targets with the reward at stake on the stretch targets not yet met', async () => {
    const report = await laaReport(db, null, 'trafford-laa', {}, deps);
    expect(report.rows.map((r) => [r.target.key, r.outcome?.key, r.theme?.key, r.status, r.rewardAtStake])).toEqual([
      ['N1', 'O1', 'env', 'at_risk', 500_000],
      ['N2', 'O1', 'env', 'on_track', 0],
      ['N3', 'O1', 'env', 'on_track', 0],
    ]);
    expect(report.stretch).toEqual({ targets: 2, met: 1, rewardTotal: 750_000, rewardAtStake: 500_000 });
    expect(report.partners.map((p) => p.name)).toEqual(['Trafford Council', 'Greater Manchester Police']);
    await expect(laaReport(db, null, 'trafford-scs', {}, deps)).rejects.toThrow('is not a Local Area Agreement');
  });
});
