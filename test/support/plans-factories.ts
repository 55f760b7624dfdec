/**
 * Test data for plans: a small world of areas (SMALL_WORLD, wards with IMD ranks for gap targets),
 * bodies (Trafford Council, the Trafford Partnership whose accountable body it is, the police),
 * indicators of each polarity and a few years of figures, written straight into their tables.
 */
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
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
