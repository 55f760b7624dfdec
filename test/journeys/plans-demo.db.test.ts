/**
 * The demo's example plans (src/modules/plans/demo/trafford-plans.json) on the real figures shipped in
 * data/: imported, judged, and the statuses checked against the ones worked out by hand from the
 * files (the arithmetic is beside each). Then a newly published figure turns a target from off track
 * to on track, and a stricter tolerance makes a new rule version, each adding a row while the rows
 * already recorded keep the figure and the rule they were judged by.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/platform/clock.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import type { SubmittedFile } from '../../src/platform/files.ts';
import { systemActor } from '../../src/modules/accounts/index.ts';
import { importBodyFile } from '../../src/modules/bodies/index.ts';
import { importObservations } from '../../src/modules/data/index.ts';
import {
  actionDetail,
  assessTargets,
  changeStatusRule,
  getPlan,
  goldenThread,
  importPlans,
  laaReport,
  listNationalPriorities,
  targetDetail,
  threadUpFrom,
  type Status,
} from '../../src/modules/plans/index.ts';
import { freshDatabase } from '../support/database.ts';
import { dataFile, importDemoIndicators, OFLOG_FILE, RECYCLING_FILE, tidyCsv } from '../support/data-factories.ts';
import { demoPartnershipFile, importRealAreas, seedCouncils } from '../support/places-factories.ts';

const DEMO_PLANS = resolve(import.meta.dirname, '../../src/modules/plans/demo/trafford-plans.json');
const demoPlansFile = (): SubmittedFile => ({ name: 'trafford-plans.json', content: readFileSync(DEMO_PLANS) });

const LAA = 'trafford-laa';
const PLAN_IDS = [
  'trafford-community-strategy',
  LAA,
  'trafford-waste-service-plan',
  'trafford-adult-social-care-service-plan',
] as const;
const actor = systemActor('demo loader');
/** The day the demo is judged on: every plan is in force, the bulky-waste action is past its due date. */
const clock = fixedClock('2026-11-25T09:00:00.000Z');
const later = fixedClock('2026-12-07T09:00:00.000Z');

let handle: DatabaseHandle;
const db = () => handle.db;

/** What the plans need of the demo: councils (areas, deprivation, bodies), the partnership, indicators, figures. */
async function loadWhatThePlansNeed(): Promise<void> {
  await seedCouncils(db());
  await importRealAreas(db(), ['councilDeprivation']);
  await importBodyFile(db(), demoPartnershipFile(), { clock });
  await importDemoIndicators(db());
  for (const file of [RECYCLING_FILE, OFLOG_FILE]) await importObservations(db(), dataFile(file), { clock, actor });
}

beforeEach(async () => {
  handle = await freshDatabase();
  await loadWhatThePlansNeed();
  await importPlans(db(), actor, demoPlansFile(), { clock });
  await assessTargets(db(), actor, {}, { clock });
}, 120_000);
afterEach(async () => handle.close());

async function statuses(deps = { clock }) {
  const report = await laaReport(db(), null, LAA, {}, deps);
  return new Map(report.rows.map((r) => [r.target.key, r]));
}

async function history(key: string, deps = { clock }) {
  return (await targetDetail(db(), null, { planId: LAA, key }, {}, deps)).assessments;
}

describe('the demo plans on the real figures', () => {
  it('judge the Local Area Agreement’s targets as worked out by hand from the files', async () => {
    const rows = await statuses();
    const judged = (key: string) => {
      const a = rows.get(key)!.assessment!;
      return { status: a.status, period: a.period, actual: a.actual, expected: a.expected, targetMet: a.targetMet };
    };

    // NI192, Trafford: 58.4% in 2023/24 (the latest); the milestone for 2023/24 is 59.6.
    // 59.6 − 58.4 = 1.2 short, within the tolerance of 1.5 points → at risk.
    expect(judged('recycling')).toEqual({
      status: 'at_risk',
      period: 'FY2023',
      actual: 58.4,
      expected: { value: 59.6 },
      targetMet: false,
    });

    // The gap across Greater Manchester's ten districts, by mySociety's deprivation score: most deprived
    // fifth Manchester and Rochdale, least deprived Stockport and Trafford. 2023/24:
    // (39.6 + 48.8) / 2 − (60.0 + 58.4) / 2 = 44.2 − 59.2 = −15.0, a gap of 15.0 points; the milestone
    // for 2023/24 is 12.8: 15.0 − 12.8 = 2.2 wider, beyond the tolerance of 1 point → off track.
    const gap = judged('recycling-gap');
    expect(gap).toMatchObject({ status: 'off_track', period: 'FY2023', expected: { value: 12.8 }, targetMet: false });
    expect(gap.actual).toBeCloseTo(15.0, 9);
    // …and its baseline is the gap the same way in 2021/22: (39.7 + 50.6) / 2 − (60.3 + 58.8) / 2 = −14.4.
    const gapFigures = (await targetDetail(db(), null, { planId: LAA, key: 'recycling-gap' }, {}, { clock })).actuals;
    expect(gapFigures.find((f) => f.period.key === 'FY2021')?.value).toBeCloseTo(14.4, 9);

    // ASC5, Trafford: 48.3% in 2022/23 against the milestone of 45.0 → on track (the stretch target of 65.0 not met).
    expect(judged('reablement')).toEqual({
      status: 'on_track',
      period: 'FY2022',
      actual: 48.3,
      expected: { value: 45 },
      targetMet: false,
    });

    // ASC6, Trafford: 2,173.73 per 100,000 in 2022/23, inside the final target range 1,500–2,200 → met, on track.
    expect(judged('requests-in-range')).toEqual({
      status: 'on_track',
      period: 'FY2022',
      actual: 2173.732680660416,
      expected: { low: 1500, high: 2400 },
      targetMet: true,
    });

    // ASC1, Trafford: 6.8 in 2021/22. The trajectory runs from 7.3 (2018/19) to 7.5 (2023/24), so three of
    // its five years in it expects 7.3 + 0.2 × 3/5 = 7.42: 0.62 short, within the tolerance of 0.7 → at risk.
    const carers = judged('carers-quality-of-life');
    expect(carers).toMatchObject({ status: 'at_risk', period: 'FY2021', actual: 6.8, targetMet: false });
    expect((carers.expected as { value: number }).value).toBeCloseTo(7.42, 9);

    // ASC3, Trafford: 58.7% in 2022/23 against the milestone of 64.5: 5.8 short; the tolerance is 5% of the
    // expected value, 3.225 → off track.
    expect(judged('information')).toEqual({
      status: 'off_track',
      period: 'FY2022',
      actual: 58.7,
      expected: { value: 64.5 },
      targetMet: false,
    });

    // ASC7, Trafford: a placeholder with no baseline or target value yet; the one figure (22.4% in 2022/23) is not judged.
    const workforce = rows.get('care-workforce-turnover')!.assessment!;
    expect(workforce).toMatchObject({ status: 'no_data', period: 'FY2022', expected: null });
    expect(workforce.reason).toContain('no target value set yet');

    const report = await laaReport(db(), null, LAA, {}, { clock });
    expect(report.counts).toEqual({ on_track: 2, at_risk: 2, off_track: 2, no_data: 1 });
    // The stretch target is not met yet, so its whole reward is still at stake.
    expect(report.stretch).toEqual({ targets: 1, met: 0, rewardTotal: 250_000, rewardAtStake: 250_000 });
    expect(rows.get('recycling')!.nationalPriority).toMatchObject({
      code: 'PSA 27',
      wording: 'Lead the global effort to avoid dangerous climate change',
    });
    expect(rows.get('recycling-gap')!.area.code).toBe('E47000001');
  });

  it('forecast the recycling rate for 2024/25 from the last five figures', async () => {
    const forecast = (await statuses()).get('recycling')!.forecast!;
    // 2019/20–2023/24: 56.9, 53.3, 58.8, 58.4, 58.4 at years 0–4; mean 57.16, slope Σ(x − 2)(y − 57.16) / 10 =
    // (0.52 + 3.86 + 0 + 1.24 + 2.48) / 10 = 0.81; at year 5: 57.16 + 0.81 × 3 = 59.59, short of the 60.0 target.
    expect(forecast).toMatchObject({ method: 'linear_trend', period: 'FY2024', pointsUsed: 5, meetsTarget: false });
    expect(forecast.value).toBeCloseTo(59.59, 9);
    // The interval (about 54.4 to 64.7) is wider than the 0.81 the line climbs in a year: uncertain.
    expect(forecast.uncertain).toBe(true);
    expect(forecast.low!).toBeLessThan(58.4);
    expect(forecast.high!).toBeGreaterThan(60);
  });

  it('record each tolerance and the rule version beside the status', async () => {
    const [recycling] = await history('recycling');
    expect(recycling).toMatchObject({ ruleVersion: 1, tolerance: 1.5, toleranceKind: 'absolute' });
    const [information] = await history('information');
    expect(information).toMatchObject({ ruleVersion: 1, tolerance: 5, toleranceKind: 'percent' });
  });

  it('carry the disclaimer on every plan, and the real PSAs they link to', async () => {
    for (const id of PLAN_IDS) {
      const plan = await getPlan(db(), null, id, {}, { clock });
      expect(plan.version.state).toBe('published');
      expect(plan.version.disclaimer).toContain('illustrative example built on real published figures');
    }
    const priorities = await listNationalPriorities(db());
    expect(priorities.map((p) => `${p.code}: ${p.wording}`)).toEqual([
      'PSA 18: Promote better health and wellbeing for all',
      'PSA 19: Ensure better care for all',
      'PSA 27: Lead the global effort to avoid dangerous climate change',
    ]);
  });

  it('change nothing when imported and judged again', async () => {
    const again = await importPlans(db(), actor, demoPlansFile(), { clock });
    expect(again.changed).toBe(false);
    expect(again.plans.map((p) => p.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    const run = await assessTargets(db(), actor, {}, { clock });
    expect(run).toMatchObject({ assessed: 7, changed: 0 });
  });

  it('show one overdue action, one delayed, and the rest on track', async () => {
    const actions = {
      'trafford-waste-service-plan': ['food-waste-flats', 'contamination-campaign', 'bulky-waste-reuse', 'gm-peer-review'],
      'trafford-adult-social-care-service-plan': [
        'reablement-on-discharge',
        'early-help-front-door',
        'care-directory',
        'carers-offer',
        'workforce-survey',
      ],
    };
    const found: Record<string, Status> = {};
    for (const [planId, keys] of Object.entries(actions))
      for (const key of keys) found[key] = (await actionDetail(db(), null, { planId, key }, {}, { clock })).status;
    // Due 30 September 2025 and reported delayed in August 2025: overdue.
    expect(found['bulky-waste-reuse']).toBe('off_track');
    // Due in March 2027 and reported delayed.
    expect(found['carers-offer']).toBe('at_risk');
    const rest = Object.entries(found).filter(([key]) => key !== 'bulky-waste-reuse' && key !== 'carers-offer');
    expect(rest.every(([, status]) => status === 'on_track')).toBe(true);
    expect(rest).toHaveLength(7);
  });

  it('roll up the strategy’s thread: each theme counts the targets and the actions serving them once', async () => {
    const thread = await goldenThread(db(), null, 'trafford-community-strategy', {}, { clock });
    const counts = (on_track: number, at_risk: number, off_track: number, no_data: number) => ({
      on_track,
      at_risk,
      off_track,
      no_data,
    });
    // Seven targets (2 on track, 2 at risk, 2 off track, 1 no data) and nine actions (7, 1, 1, 0).
    expect(thread.counts).toEqual(counts(9, 3, 3, 1));
    expect(thread.status).toBe('off_track');
    expect(thread.nodes.map((n) => [n.ref.key, n.status, n.counts])).toEqual([
      // recycling (at risk) and its three actions: food waste (done), contamination (in progress), bulky waste (overdue)
      ['climate', 'off_track', counts(2, 1, 1, 0)],
      // five targets (reablement, requests, carers, information, workforce) and five actions
      ['health', 'off_track', counts(6, 2, 1, 1)],
      // the gap (off track) and the peer review (in progress)
      ['fairness', 'off_track', counts(1, 0, 1, 0)],
    ]);
  });

  it('lead up from the overdue action to the strategy’s vision', async () => {
    const up = await threadUpFrom(db(), null, { planId: 'trafford-waste-service-plan', key: 'bulky-waste-reuse' }, {}, { clock });
    const chain = up.chains.find((c) => c.steps.some((s) => s.ref.key === 'recycling'))!;
    expect(chain.steps.map((s) => `${s.ref.planId}#${s.ref.key}`)).toEqual([
      'trafford-waste-service-plan#bulky-waste-reuse',
      'trafford-laa#recycling',
      'trafford-laa#cleaner-greener',
      'trafford-community-strategy#waste',
      'trafford-community-strategy#climate',
    ]);
    expect(chain.top.vision).toContain('By 2031 Trafford is a place');
  });
});

describe('after the plans are judged', () => {
  it('a newly published figure turns the information target from off track to on track; the old row stays', async () => {
    // A 2023/24 figure of 67.3% for ASC3, against the milestone of 67.0 for 2023/24: 0.3 ahead → on track.
    await importObservations(
      db(),
      tidyCsv('asc3-2023-24.csv', [
        ['indicator', 'area', 'period', 'value'],
        ['ASC3', 'E08000009', '2023/24', 67.3],
      ]),
      { clock: later, actor },
    );
    const run = await assessTargets(db(), actor, {}, { clock: later });
    expect(run.changed).toBe(1);
    const rows = await history('information', { clock: later });
    expect(rows.map((r) => [r.status, r.period, r.actual, r.expected])).toEqual([
      ['on_track', 'FY2023', 67.3, { value: 67 }],
      ['off_track', 'FY2022', 58.7, { value: 64.5 }],
    ]);
    expect((await statuses({ clock: later })).get('information')!.status).toBe('on_track');
  });

  it('a stricter tolerance makes a new rule version; the status recorded before keeps the rule it was judged by', async () => {
    await changeStatusRule(
      db(),
      actor,
      { planId: LAA, key: 'recycling' },
      { tolerance: 1, reason: 'The partners asked for an earlier warning on recycling.' },
      { clock: later },
    );
    await assessTargets(db(), actor, {}, { clock: later });
    // The same 1.2 short of 59.6, now beyond the tolerance of 1 point → off track.
    const rows = await history('recycling', { clock: later });
    expect(rows.map((r) => [r.status, r.ruleVersion, r.tolerance, r.period, r.actual])).toEqual([
      ['off_track', 2, 1, 'FY2023', 58.4],
      ['at_risk', 1, 1.5, 'FY2023', 58.4],
    ]);
  });
});
