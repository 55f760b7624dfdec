/**
 * A small world for the improvement API: eight Greater Manchester councils governing their districts,
 * a recycling rate (higher is better) where Trafford is the worst and falling, and delayed transfers
 * of care (lower is better) where Bury is the worst and rising. Running the triggers over it opens a
 * case for each, with the firings that are its evidence, and scores every council's risk.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { seedAreas, seedIndicator, seedObservations } from './analysis-factories.ts';

type Db = Kysely<Database>;

export const GM_COUNCILS = [
  { id: 'bolton-council', name: 'Bolton Council', area: 'E08000001', areaName: 'Bolton' },
  { id: 'bury-council', name: 'Bury Council', area: 'E08000002', areaName: 'Bury' },
  { id: 'manchester-council', name: 'Manchester City Council', area: 'E08000003', areaName: 'Manchester' },
  { id: 'oldham-council', name: 'Oldham Council', area: 'E08000004', areaName: 'Oldham' },
  { id: 'rochdale-council', name: 'Rochdale Council', area: 'E08000005', areaName: 'Rochdale' },
  { id: 'salford-council', name: 'Salford City Council', area: 'E08000006', areaName: 'Salford' },
  { id: 'stockport-council', name: 'Stockport Council', area: 'E08000007', areaName: 'Stockport' },
  { id: 'trafford-council', name: 'Trafford Council', area: 'E08000009', areaName: 'Trafford' },
] as const;

export const WORLD = {
  trafford: GM_COUNCILS[7],
  bury: GM_COUNCILS[1],
  recycling: 'REC',
  delays: 'DELAY',
  periods: ['FY2020', 'FY2021', 'FY2022'],
} as const;

/** Each council's figures by period: the others steady or improving. */
const RECYCLING: Record<string, readonly number[]> = {
  E08000001: [44, 45, 46],
  E08000002: [47, 48, 48],
  E08000003: [40, 41, 42],
  E08000004: [43, 43, 44],
  E08000005: [45, 46, 47],
  E08000006: [42, 43, 45],
  E08000007: [50, 51, 52],
  E08000009: [38, 35, 31],
};
const DELAYS: Record<string, readonly number[]> = {
  E08000001: [10, 9.5, 9],
  E08000002: [14, 16, 19],
  E08000003: [11, 11, 10.5],
  E08000004: [9, 9, 8.5],
  E08000005: [10, 10, 9.5],
  E08000006: [12, 11.5, 11],
  E08000007: [8, 8, 7.5],
  E08000009: [9, 9, 9],
};

export async function seedImprovementWorld(db: Db): Promise<void> {
  await seedAreas(db, [
    { code: 'E92000001', name: 'England', type: 'country', countryCode: 'E92000001' },
    { code: 'E12000002', name: 'North West', type: 'region', parents: ['E92000001'] },
    ...GM_COUNCILS.map((c) => ({ code: c.area, name: c.areaName, type: 'metropolitan_district', parents: ['E12000002'] })),
  ]);
  for (const c of GM_COUNCILS) {
    await db
      .insertInto('body')
      .values({
        id: c.id,
        name: c.name,
        kind: 'council',
        council_type: 'metropolitan_district',
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
      .values({ body_id: c.id, area_code: c.area, role: 'governs', tier: null, valid_from: null, valid_to: null })
      .execute();
  }
  await seedIndicator(db, { code: WORLD.recycling, title: 'Household waste recycled', polarity: 'higher_is_better' });
  await seedIndicator(db, { code: WORLD.delays, title: 'Delayed transfers of care', polarity: 'lower_is_better', unit: 'rate' });
  for (const [indicator, figures] of [
    [WORLD.recycling, RECYCLING],
    [WORLD.delays, DELAYS],
  ] as const) {
    for (const [i, period] of WORLD.periods.entries())
      await seedObservations(
        db,
        indicator,
        period,
        Object.entries(figures).map(([area, values]) => ({ area, value: values[i]! })),
      );
  }
}
