/**
 * Test data for plans: a small world of areas (SMALL_WORLD, wards with IMD ranks for gap targets),
 * bodies (Trafford Council, the Trafford Partnership whose accountable body it is, the police),
 * indicators of each polarity and a few years of figures, written straight into their tables.
 */
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import type { SubmittedFile } from '../../src/platform/files.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { SMALL_WORLD, seedAreas, seedIndicator, seedObservations } from './analysis-factories.ts';
import { seedAccountsBodies, TEST_BODIES } from './accounts-factories.ts';

type Db = Kysely<Database>;

export const plansClock = () => fixedClock('2025-06-01T09:00:00.000Z');

export const PLAN_BODIES = {
  council: TEST_BODIES.council.id,
  lsp: 'trafford-partnership',
  police: TEST_BODIES.partner.id,
  otherCouncil: TEST_BODIES.otherCouncil.id,
} as const;

export const TRAFFORD = 'E08000009';
export const STOCKPORT = 'E08000007';
export const TRAFFORD_WARDS = ['E05000001', 'E05000002', 'E05000003'] as const;

/** REC: higher is better; DELAY: lower is better; FLAT: no polarity; RANGE: a target range. */
export const PLAN_INDICATORS = { higher: 'REC', lower: 'DELAY', none: 'FLAT', range: 'RANGE' } as const;

/** Trafford's recycling rate, FY2019–FY2023: a rising series. */
export const RECYCLING = { FY2019: 50, FY2020: 52, FY2021: 54, FY2022: 55, FY2023: 57 } as const;

export async function seedPlansWorld(db: Db): Promise<void> {
  await seedAreas(
    db,
    SMALL_WORLD.map((a) => (a.type === 'ward' ? { ...a, imdRank: Number(a.code.slice(-1)) * 1000 } : a)),
  );
  await seedAccountsBodies(db);
  await db
    .insertInto('body')
    .values({
      id: PLAN_BODIES.lsp,
      name: 'Trafford Partnership',
      kind: 'lsp',
      council_type: null,
      short_name: null,
      valid_from: null,
      valid_to: null,
      replaced_by: null,
      website: null,
      source: 'test',
    })
    .execute();
  await db
    .insertInto('body_membership')
    .values([
      {
        body_id: PLAN_BODIES.lsp,
        member_body_id: PLAN_BODIES.council,
        role: 'accountable body',
        valid_from: null,
        valid_to: null,
      },
      { body_id: PLAN_BODIES.lsp, member_body_id: PLAN_BODIES.police, role: 'partner', valid_from: null, valid_to: null },
    ])
    .execute();
  await seedIndicator(db, { code: 'REC', title: 'Household waste recycled', polarity: 'higher_is_better' });
  await seedIndicator(db, { code: 'DELAY', title: 'Delayed transfers of care', polarity: 'lower_is_better', unit: 'rate' });
  await seedIndicator(db, { code: 'FLAT', title: 'Contacts handled', polarity: 'none', unit: 'count', decimalPlaces: 0 });
  await seedIndicator(db, { code: 'RANGE', title: 'Occupancy', polarity: 'target_range', targetRange: { low: 85, high: 95 } });
  for (const [period, value] of Object.entries(RECYCLING)) {
    await seedObservations(db, 'REC', period, [
      { area: TRAFFORD, value },
      { area: STOCKPORT, value: value - 5 },
      // the wards: the most deprived (lowest rank) recycles least
      ...TRAFFORD_WARDS.map((code, i) => ({ area: code, value: value - 6 + i * 3 })),
    ]);
  }
  for (const [period, value] of Object.entries({ FY2021: 12, FY2022: 11, FY2023: 10.5 })) {
    await seedObservations(db, 'DELAY', period, [{ area: TRAFFORD, value }]);
  }
}

/** A plan file (JSON) as the import reads it. */
export function planJson(content: unknown, name = 'plans.json'): SubmittedFile {
  return { name, content: JSON.stringify(content, null, 2) };
}

/**
 * The example the plans tests share: a strategy (theme → priority → target on REC), an LAA whose
 * outcome serves the strategy's priority (a stretch target, a national target on PSA 27, a gap target),
 * and a service plan whose action serves the stretch target.
 */
export function examplePlans(overrides: { publish?: boolean; tolerance?: number } = {}) {
  const publish = overrides.publish ?? true;
  return {
    nationalPriorities: [
      {
        code: 'PSA 27',
        wording: 'Lead the global effort to avoid dangerous climate change',
        department: 'Defra',
        kind: 'psa_target',
      },
    ],
    plans: [
      {
        id: 'trafford-scs',
        kind: 'community_strategy',
        owner: PLAN_BODIES.lsp,
        area: TRAFFORD,
        title: 'Trafford Sustainable Community Strategy',
        vision: 'A thriving, greener Trafford.',
        coversFrom: '2021/22',
        coversTo: '2030/31',
        inForceFrom: '2024-04-01',
        publish,
        disclaimer: 'The targets are illustrative.',
        items: [
          { kind: 'theme', key: 'green', title: 'A greener Trafford' },
          { kind: 'priority', key: 'waste', parent: 'green', title: 'Less waste, more recycling' },
          {
            kind: 'target',
            key: 'T1',
            parent: 'waste',
            title: 'Recycle 62% of household waste by 2025/26',
            indicator: 'REC',
            baseline: { period: '2020/21', value: 52 },
            target: { period: '2025/26', value: 62 },
            milestones: [{ period: '2023/24', value: 58 }],
            tolerance: overrides.tolerance ?? 2,
            toleranceKind: 'absolute',
            owner: PLAN_BODIES.council,
            lead: 'Head of Waste',
          },
        ],
      },
      {
        id: 'trafford-laa',
        kind: 'laa',
        owner: PLAN_BODIES.lsp,
        area: TRAFFORD,
        title: 'Trafford Local Area Agreement',
        inForceFrom: '2024-04-01',
        publish,
        partners: [PLAN_BODIES.council, PLAN_BODIES.police],
        items: [
          { kind: 'theme', key: 'env', title: 'Environment' },
          { kind: 'priority', key: 'O1', parent: 'env', title: 'Recycle more', serves: 'trafford-scs#waste' },
          {
            kind: 'target',
            key: 'N1',
            parent: 'O1',
            title: 'Stretch: 60% recycled by 2024/25',
            targetKind: 'stretch',
            indicator: 'REC',
            baseline: { period: '2020/21', value: 52 },
            target: { period: '2024/25', value: 60 },
            tolerance: 1,
            stretch: { amountGbp: 500000, description: 'Performance reward grant' },
          },
          {
            kind: 'target',
            key: 'N2',
            parent: 'O1',
            title: 'Recycling (national indicator)',
            targetKind: 'national',
            nationalPriority: 'PSA 27',
            indicator: 'REC',
            baseline: { period: '2020/21', value: 52 },
            target: { period: '2023/24', value: 55 },
            coverage: ['E05000001', 'E05000002'],
          },
          {
            kind: 'target',
            key: 'G1',
            parent: 'O1',
            title: 'Narrow the recycling gap between wards',
            indicator: 'REC',
            area: TRAFFORD,
            measure: 'gap',
            gapParts: 'ward',
            baseline: { period: '2020/21', value: 6 },
            target: { period: '2025/26', value: 3 },
          },
        ],
      },
      {
        id: 'waste-service',
        kind: 'service_plan',
        owner: PLAN_BODIES.council,
        area: TRAFFORD,
        title: 'Waste service plan',
        inForceFrom: '2024-04-01',
        publish,
        items: [
          { kind: 'priority', key: 'P1', title: 'Collections' },
          {
            kind: 'action',
            key: 'A1',
            parent: 'P1',
            title: 'Food waste caddies for flats',
            serves: ['trafford-laa#N1'],
            lead: 'Waste manager',
            due: '2030-03-31',
            milestones: [{ due: '2025-09-30', title: 'Survey the blocks', done: true }],
            progress: { progress: 40, state: 'in_progress', asOf: '2025-05-20', note: 'Half the blocks done' },
          },
        ],
      },
    ],
  };
}
