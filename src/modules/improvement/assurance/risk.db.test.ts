import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { ForbiddenError, ValidationError } from '../../../platform/errors.ts';
import { freshDatabase } from '../../../../test/support/database.ts';
import { actorFor, personWithRole } from '../../../../test/support/accounts-factories.ts';
import {
  assuranceClock,
  COUNCILS,
  exampleCouncilFacts,
  seedAssuranceWorld,
  seedCase,
} from '../../../../test/support/assurance-factories.ts';
import { type Actor, cliActor } from '../../accounts/index.ts';
import { listAuditEvents } from '../../audit/index.ts';
import { triggersAfterWrites } from '../cases/index.ts';
import {
  currentRiskModel,
  DEFAULT_MODEL_AUTHOR,
  latestRiskModelVersion,
  getRiskProfile,
  inspectionSchedule,
  listRiskProfiles,
  refreshRiskProfiles,
  riskModelVersions,
  setRiskModel,
} from './index.ts';

let handle: DatabaseHandle;
let db: Executor;
let clock: ReturnType<typeof assuranceClock>;
let assessor: Actor;
const { trafford, stockport, bury } = COUNCILS;

beforeEach(async () => {
  clock = assuranceClock();
  handle = await freshDatabase();
  db = handle.db;
  await seedAssuranceWorld(db);
  assessor = (await personWithRole(db, 'assessor')).actor;
  await seedCase(db, { bodyId: trafford.id, areaCode: trafford.area, rung: 2 });
  await seedCase(db, { bodyId: trafford.id, areaCode: trafford.area, rung: 3, state: 'closed' });
});
afterEach(async () => handle.close());

async function rejection(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('risk profiles', () => {
  it('score each council from its counts and open cases, highest first, and a second refresh stores nothing', async () => {
    expect(await refreshRiskProfiles(db, { clock, facts: exampleCouncilFacts() })).toEqual({ changed: 3 });
    const listed = await listRiskProfiles(db);
    expect(listed.map((p) => [p.bodyId, p.score, p.band, p.modelVersion, p.areaName])).toEqual([
      [trafford.id, 45.8, 'high', 1, 'Trafford'],
      [bury.id, 25, 'medium', 1, 'Bury'],
      [stockport.id, 0, 'low', 1, 'Stockport'],
    ]);
    const t = listed[0]!;
    expect(t.inputs).toEqual({
      targetsJudged: 2,
      targetsOffTrack: 1,
      indicatorsCompared: 2,
      indicatorsBottomQuartile: 1,
      indicatorsWithTrend: 2,
      indicatorsWorsening: 1,
      figuresDue: 2,
      figuresLateOrMissing: 1,
      openCasesByRung: { 1: 0, 2: 1, 3: 0 },
      callsForAction: null,
    });
    expect(t.components.map((c) => [c.key, c.points])).toEqual([
      ['off_target', 12.5],
      ['bottom_quartile', 10],
      ['worsening', 7.5],
      ['data_quality', 7.5],
      ['open_cases', 8.3],
      ['calls_for_action', 0],
    ]);
    expect(t.flaggedThemes).toEqual(['local_services', 'adult_social_care_health']);

    clock.advance(24 * 3600 * 1000);
    expect(await refreshRiskProfiles(db, { clock, facts: exampleCouncilFacts() })).toEqual({ changed: 0 });
    expect((await getRiskProfile(db, trafford.id))?.history).toHaveLength(1);
  });

  it('store a new profile when a council’s counts change, keeping the history', async () => {
    await refreshRiskProfiles(db, { clock, facts: exampleCouncilFacts() });
    clock.advance(24 * 3600 * 1000);
    await seedCase(db, { bodyId: stockport.id, areaCode: stockport.area, rung: 1 });
    expect(await refreshRiskProfiles(db, { clock, facts: exampleCouncilFacts() })).toEqual({ changed: 1 });
    const profile = await getRiskProfile(db, stockport.id);
    expect(profile?.score).toBe(4.2);
    expect(profile?.history.map((h) => [h.computedAt.slice(0, 10), h.score])).toEqual([
      ['2025-06-02', 4.2],
      ['2025-06-01', 0],
    ]);
    expect(await getRiskProfile(db, 'nowhere-council')).toBeUndefined();
  });
  it('on a full refresh, score again a council that now has nothing to judge but its open cases', async () => {
    await refreshRiskProfiles(db, { clock, facts: exampleCouncilFacts() });
    clock.advance(24 * 3600 * 1000);
    // the world has no figures, targets or deadlines: only Trafford's open case on rung 2 is left to count
    await refreshRiskProfiles(db, { clock });
    const profile = await getRiskProfile(db, trafford.id);
    expect([profile?.score, profile?.band, profile?.components[0]?.share]).toEqual([8.3, 'low', null]);
    expect(profile?.history.map((h) => h.score)).toEqual([8.3, 45.8]);
  });
});

describe('the risk model', () => {
  it('starts as the default model, stored as version 1', async () => {
    const model = await currentRiskModel(db, { clock });
    expect(model).toMatchObject({ version: 1, createdBy: DEFAULT_MODEL_AUTHOR, bands: { high: 40, medium: 20 } });
    expect(await currentRiskModel(db, { clock })).toEqual(model);
    expect(await riskModelVersions(db)).toHaveLength(1);
  });

  it('changes as a new version with its reason, audited, and every council is scored again under it', async () => {
    await refreshRiskProfiles(db, { clock, facts: exampleCouncilFacts() });
    clock.advance(3600 * 1000);
    const v2 = await setRiskModel(
      db,
      assessor,
      { weights: { open_cases: 0 }, bands: { high: 50 }, reason: 'Cases counted once, in the triggers' },
      { clock },
    );
    expect(v2).toMatchObject({ version: 2, reason: 'Cases counted once, in the triggers', bands: { high: 50, medium: 20 } });
    expect(v2.weights).toMatchObject({ off_target: 25, open_cases: 0 });
    expect((await riskModelVersions(db)).map((m) => m.version)).toEqual([1, 2]);
    expect((await listRiskProfiles(db)).map((p) => p.modelVersion)).toEqual([1, 1, 1]);
    expect(await refreshRiskProfiles(db, { clock, facts: exampleCouncilFacts() })).toEqual({ changed: 3 });
    // 0.5 × (25 + 20 + 15 + 15) × 100 ÷ 75 = 50: high again under the new threshold
    expect((await listRiskProfiles(db)).map((p) => [p.bodyId, p.score, p.band, p.modelVersion])).toEqual([
      [trafford.id, 50, 'high', 2],
      [bury.id, 33.3, 'medium', 2],
      [stockport.id, 0, 'low', 2],
    ]);
    const events = await listAuditEvents(db, { action: 'risk_model' }, { limit: 10, offset: 0 });
    expect(events.items.map((e) => e.subjectId)).toEqual(['2']);
  });

  it('is noticed by the triggers run after writes, which skip a run while nothing they read has changed', async () => {
    const job = triggersAfterWrites({ db, clock, dataVersion: async () => 'unchanged' });
    expect(await latestRiskModelVersion(db)).toBe(0);
    expect(await job()).not.toBeNull();
    expect(await job()).toBeNull();
    await setRiskModel(db, assessor, { weights: { worsening: 10 }, reason: 'Trends are noisy' }, { clock });
    expect(await latestRiskModelVersion(db)).toBe(2);
    expect(await job()).not.toBeNull();
    expect(await job()).toBeNull();
  });

  it.each([
    [
      'every weight 0',
      { weights: { off_target: 0, bottom_quartile: 0, worsening: 0, data_quality: 0, open_cases: 0 } },
      'weights',
      'must not all be 0',
    ],
    ['a negative weight', { weights: { worsening: -5 } }, 'weights.worsening', 'must be 0 or more'],
    ['a weight that is not a number', { weights: { worsening: 'heavy' } }, 'weights.worsening', 'must be a number'],
    ['an unknown component', { weights: { parking: 10 } }, 'weights.parking', 'is not a component'],
    ['bands the wrong way round', { bands: { high: 15 } }, 'bands.high', 'must be above the medium band'],
    ['a band above 100', { bands: { high: 120 } }, 'bands.high', 'must be at most 100'],
    ['an unknown rung', { casePoints: { 4: 5 } }, 'casePoints.4', 'is not a rung'],
    ['no full share', { casePointsForFullShare: 0 }, 'casePointsForFullShare', 'must be more than 0'],
    ['no reason', { weights: { worsening: 10 }, reason: '' }, 'reason', 'is required'],
    ['nothing changed', { weights: { worsening: 15 } }, 'weights', 'nothing would change'],
  ])('refuses a change with %s, saying where, and adds no version', async (_name, change, field, reason) => {
    const e = await rejection(setRiskModel(db, cliActor(), { reason: 'Testing', ...change }, { clock }));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).details.find((d) => d.field === field)?.reason).toContain(reason);
    expect(await riskModelVersions(db)).toHaveLength(1);
  });

  it('is changed only by administrators and assessors, not by a council', async () => {
    const officer = actorFor('performance_officer', { bodyId: trafford.id });
    expect(
      await rejection(setRiskModel(db, officer, { weights: { worsening: 5 }, reason: 'Lighter' }, { clock })),
    ).toBeInstanceOf(ForbiddenError);
  });
});

describe('the inspection schedule', () => {
  it('comes from the newest profiles: high risk soonest on every theme, medium on its flagged themes, low on self-assessment', async () => {
    await refreshRiskProfiles(db, { clock, facts: exampleCouncilFacts() });
    const schedule = await inspectionSchedule(db, { clock });
    expect(schedule.map((s) => [s.bodyId, s.dueBy, s.coverage, s.themes])).toEqual([
      [
        trafford.id,
        '2025-12-01',
        'all_themes',
        ['local_services', 'justice_community_safety', 'adult_social_care_health', 'children_education_skills'],
      ],
      [bury.id, '2026-06-01', 'flagged_themes', ['local_services']],
      [stockport.id, '2028-06-01', 'self_assessment_only', []],
    ]);
    expect(schedule[0]?.reason).toContain('High risk (score 45.8)');
  });
});
