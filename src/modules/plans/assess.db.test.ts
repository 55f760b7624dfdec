import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { actorFor } from '../../../test/support/accounts-factories.ts';
import { seedObservations } from '../../../test/support/analysis-factories.ts';
import {
  examplePlans,
  PLAN_BODIES,
  planJson,
  plansClock,
  seedPlansWorld,
  TRAFFORD,
} from '../../../test/support/plans-factories.ts';
import { cliActor, systemActor } from '../accounts/index.ts';
import { auditForBody, auditForSubject } from '../audit/index.ts';
import { assessTargets, changeStatusRule, goldenThread, importPlans, laaReport, targetDetail } from './index.ts';

let handle: DatabaseHandle;
let db: Executor;
let clock: ReturnType<typeof plansClock>;
const system = systemActor('plans assessment');

beforeEach(async () => {
  clock = plansClock();
  handle = await freshDatabase();
  db = handle.db;
  await seedPlansWorld(db);
  await importPlans(db, cliActor(), planJson(examplePlans()), { clock });
});
afterEach(async () => handle.close());

const statusOf = async (planId: string, key: string) =>
  (await targetDetail(db, null, { planId, key }, {}, { clock })).assessments[0];

describe('assessTargets', () => {
  it('judges each target from the published figures, with the rule and tolerance it used, and running it again adds nothing', async () => {
    const run = await assessTargets(db, system, {}, { clock });
    expect(run).toMatchObject({ assessed: 4, changed: 4, skipped: 0 });
    // 57% in 2023/24 against a trajectory expecting 58%: 1 point behind, within the tolerance of 2
    expect(await statusOf('trafford-scs', 'T1')).toMatchObject({
      status: 'at_risk',
      period: 'FY2023',
      actual: 57,
      expected: { value: 58 },
      ruleVersion: 1,
      tolerance: 2,
      toleranceKind: 'absolute',
      targetMet: false,
    });
    expect(await statusOf('trafford-laa', 'N2')).toMatchObject({ status: 'on_track', targetMet: true });
    // the gap between the most and least deprived wards stays at 6 points against an expected 4.2
    const gap = await statusOf('trafford-laa', 'G1');
    expect(gap).toMatchObject({ status: 'off_track', actual: 6, toleranceKind: 'percent', tolerance: 5 });
    expect(gap?.expected && 'value' in gap.expected ? gap.expected.value : null).toBeCloseTo(4.2, 9);
    expect((await auditForSubject(db, { kind: 'plan', id: 'trafford-laa' }, { action: 'target.assess' })).total).toBe(1);
    expect((await auditForBody(db, PLAN_BODIES.lsp, { action: 'target.assess' })).total).toBe(2);

    expect(await assessTargets(db, system, {}, { clock })).toMatchObject({ assessed: 4, changed: 0 });
    expect((await targetDetail(db, null, { planId: 'trafford-scs', key: 'T1' }, {}, { clock })).assessments).toHaveLength(1);
  });

  it('follows new figures: a new period published changes the status and adds a row', async () => {
    await assessTargets(db, system, {}, { clock });
    await seedObservations(db, 'REC', 'FY2024', [{ area: TRAFFORD, value: 61 }]);
    const run = await assessTargets(db, system, { planId: 'trafford-scs' }, { clock });
    expect(run).toMatchObject({ assessed: 1, changed: 1 });
    const history = (await targetDetail(db, null, { planId: 'trafford-scs', key: 'T1' }, {}, { clock })).assessments;
    expect(history.map((a) => [a.period, a.status])).toEqual([
      ['FY2024', 'on_track'],
      ['FY2023', 'at_risk'],
    ]);
  });

  it('keeps past statuses with the rule they were judged by when the tolerance changes, and judges anew with the new rule', async () => {
    await assessTargets(db, system, {}, { clock });
    const officer = actorFor('performance_officer', { bodyId: PLAN_BODIES.council });
    clock.advance(24 * 3600 * 1000);
    const rule = await changeStatusRule(
      db,
      officer,
      { planId: 'trafford-scs', key: 'T1' },
      { tolerance: 0.5, reason: 'The partnership wants early warning' },
      { clock },
    );
    expect(rule).toMatchObject({
      version: 2,
      tolerance: 0.5,
      toleranceKind: 'absolute',
      inForceFrom: '2025-06-02',
      createdBy: 'A performance officer',
    });
    await assessTargets(db, system, {}, { clock });
    const detail = await targetDetail(db, null, { planId: 'trafford-scs', key: 'T1' }, {}, { clock });
    expect(detail.assessments.map((a) => [a.status, a.ruleVersion, a.tolerance])).toEqual([
      ['off_track', 2, 0.5],
      ['at_risk', 1, 2],
    ]);
    expect(detail.rules.map((r) => [r.version, r.tolerance, r.reason])).toEqual([
      [2, 0.5, 'The partnership wants early warning'],
      [1, 2, null],
    ]);
    expect(detail.rule?.version).toBe(2);
    await expect(
      changeStatusRule(db, officer, { planId: 'trafford-scs', key: 'T1' }, { tolerance: 0.5, reason: 'Again' }, { clock }),
    ).rejects.toThrow(ValidationError);
    await expect(
      changeStatusRule(db, officer, { planId: 'trafford-scs', key: 'T1' }, { tolerance: 1, reason: '' }, { clock }),
    ).rejects.toThrow('cannot be changed');
    await expect(
      changeStatusRule(
        db,
        actorFor('councillor_scrutiny', { bodyId: PLAN_BODIES.council }),
        { planId: 'trafford-scs', key: 'T1' },
        { tolerance: 1, reason: 'x' },
        { clock },
      ),
    ).rejects.toThrow(ForbiddenError);
    const events = await auditForSubject(db, { kind: 'plan_item', id: 'trafford-scs#T1' }, { action: 'status_rule' });
    expect(events.items.map((e) => e.summary)).toEqual([
      expect.stringContaining('because: The partnership wants early warning') as string,
    ]);
  });

  it('feeds the golden thread and the LAA report: statuses rolled up, the stretch reward still at stake', async () => {
    await assessTargets(db, system, {}, { clock });
    const thread = await goldenThread(db, null, 'trafford-scs', {}, { clock });
    expect(thread.status).toBe('off_track');
    expect(thread.counts).toEqual({ on_track: 2, at_risk: 2, off_track: 1, no_data: 0 });
    const report = await laaReport(db, null, 'trafford-laa', {}, { clock });
    expect(report.stretch).toEqual({ targets: 1, met: 0, rewardTotal: 500_000, rewardAtStake: 500_000 });
    expect(report.rows.map((r) => [r.target.key, r.status])).toEqual([
      ['N1', 'at_risk'],
      ['N2', 'on_track'],
      ['G1', 'off_track'],
    ]);
  });

  it('refuses to judge a plan for someone who may not edit it', async () => {
    await expect(
      assessTargets(
        db,
        actorFor('performance_officer', { bodyId: PLAN_BODIES.otherCouncil }),
        { planId: 'trafford-scs' },
        { clock },
      ),
    ).rejects.toThrow(ForbiddenError);
  });
});
