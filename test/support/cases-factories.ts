/**
 * Test data for cases and the trigger engine: eight metropolitan districts in the North West, each
 * governed by a council, and a recycling rate (higher is better) for 2020/21 to 2023/24 where the
 * answer is known:
 * - Ashford (E08000101) is the worst of the eight and falls every year (20, 19, 18, 17): bottom quartile
 *   two years running, and worse than the median and worsening ("red-red");
 * - Barton (E08000102) is next to worst but improving (25 … 26.5): bottom quartile only;
 * - the other six sit at 30 to 40, improving by half a point a year: nothing fires.
 * Ranking needs no stored nearest-neighbour group: the councils of the same type are the group.
 */
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { type ObservationSeed, seedAreas, seedIndicator, seedObservations } from './analysis-factories.ts';

type Db = Kysely<Database>;

export const casesClock = () => fixedClock('2025-06-01T09:00:00.000Z');

export const RECYCLING = 'RECY';
export const PERIODS = ['FY2020', 'FY2021', 'FY2022', 'FY2023'] as const;

const NAMES = ['Ashford', 'Barton', 'Carlow', 'Denby', 'Elton', 'Farley', 'Gorton', 'Hale'] as const;
export const DISTRICTS = NAMES.map((name, i) => ({
  name,
  area: `E08000${101 + i}`,
  bodyId: `${name.toLowerCase()}-council`,
  bodyName: `${name} Council`,
}));
export const ASHFORD = DISTRICTS[0]!;
export const BARTON = DISTRICTS[1]!;
export const CARLOW = DISTRICTS[2]!;

/** Each district's figure for each of PERIODS. */
export const RECYCLING_FIGURES: Record<string, number[]> = {
  [ASHFORD.area]: [20, 19, 18, 17],
  [BARTON.area]: [25, 25.5, 26, 26.5],
  ...Object.fromEntries(DISTRICTS.slice(2).map((d, i) => [d.area, PERIODS.map((_, p) => 30 + 2 * i + 0.5 * p)] as const)),
};

export async function seedCasesWorld(db: Db): Promise<void> {
  await seedAreas(db, [
    { code: 'E92000001', name: 'England', type: 'country', countryCode: 'E92000001' },
    { code: 'E12000002', name: 'North West', type: 'region', parents: ['E92000001'] },
    ...DISTRICTS.map((d) => ({ code: d.area, name: d.name, type: 'metropolitan_district', parents: ['E12000002'] })),
  ]);
  for (const d of DISTRICTS) {
    await db
      .insertInto('body')
      .values({
        id: d.bodyId,
        name: d.bodyName,
        kind: 'council',
        council_type: 'MD',
        short_name: null,
        valid_from: null,
        valid_to: null,
        replaced_by: null,
        website: null,
        source: 'test',
      })
      .execute();
    await db
      .insertInto('body_area')
      .values({ body_id: d.bodyId, area_code: d.area, role: 'governs', tier: 'unitary', valid_from: null, valid_to: null })
      .execute();
  }
  await seedIndicator(db, {
    code: RECYCLING,
    title: 'Household waste recycled and composted',
    unit: 'percentage',
    decimalPlaces: 1,
    polarity: 'higher_is_better',
    areaTypes: ['metropolitan_district'],
    theme: 'environment',
  });
  for (const [p, period] of PERIODS.entries())
    await seedObservations(
      db,
      RECYCLING,
      period,
      DISTRICTS.map((d) => ({ area: d.area, value: RECYCLING_FIGURES[d.area]![p]! })),
    );
}

/** Publishes one more period of figures (each district's value given, or the last plus half a point). */
export async function publishPeriod(db: Db, period: string, values: Record<string, number>, publishedAt?: string): Promise<void> {
  const rows: ObservationSeed[] = DISTRICTS.map((d) => ({
    area: d.area,
    value: values[d.area] ?? RECYCLING_FIGURES[d.area]![PERIODS.length - 1]! + 0.5,
    ...(publishedAt ? { publishedAt } : {}),
  }));
  await seedObservations(db, RECYCLING, period, rows);
}
