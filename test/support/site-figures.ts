/**
 * Figures for the public site's page tests: every council (areas and bodies, from the real file),
 * Greater Manchester's wards, and a recycling-rate indicator with a Trafford series and one year
 * for six metropolitan districts.
 */
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { importBoundaryFile } from '../../src/modules/places/index.ts';
import { seedIndicator, seedObservations, type IndicatorSeed } from './analysis-factories.ts';
import { importRealAreas, seedCouncils } from './places-factories.ts';

export const TRAFFORD = 'E08000009';
export const RECYCLING = 'RECYCLING';

/** Trafford's recycling rate, 2015/16 to 2023/24. */
export const TRAFFORD_RECYCLING: readonly [string, number][] = [
  ['FY2015', 60.4],
  ['FY2016', 62.1],
  ['FY2017', 61.3],
  ['FY2018', 60.2],
  ['FY2019', 57.9],
  ['FY2020', 56.5],
  ['FY2021', 58.9],
  ['FY2022', 57.1],
  ['FY2023', 58.4],
];

/** 2023/24 for five other metropolitan districts (Trafford ranks 2nd of 6). */
export const OTHER_DISTRICTS_2023: readonly { area: string; name: string; value: number }[] = [
  { area: 'E08000007', name: 'Stockport', value: 62.0 },
  { area: 'E08000002', name: 'Bury', value: 55.1 },
  { area: 'E08000003', name: 'Manchester', value: 40.2 },
  { area: 'E08000010', name: 'Wigan', value: 50.3 },
  { area: 'E08000006', name: 'Salford', value: 44.7 },
];

export const RECYCLING_INDICATOR: IndicatorSeed = {
  code: RECYCLING,
  title: 'Household waste recycled',
  description: 'The share of household waste sent for reuse, recycling or composting. Measured by tonnage.',
  unit: 'percentage',
  decimalPlaces: 1,
  polarity: 'higher_is_better',
  areaAggregation: 'ratio',
  areaTypes: ['metropolitan_district', 'unitary', 'london_borough', 'district'],
  theme: 'environment',
};

export async function seedCouncilPlaces(db: Kysely<Database>): Promise<void> {
  await seedCouncils(db);
  await importRealAreas(db, ['gmWards2023']);
}

export async function seedRecycling(db: Kysely<Database>): Promise<void> {
  await seedIndicator(db, RECYCLING_INDICATOR);
  for (const [period, value] of TRAFFORD_RECYCLING) await seedObservations(db, RECYCLING, period, [{ area: TRAFFORD, value }]);
  await seedObservations(
    db,
    RECYCLING,
    'FY2023',
    OTHER_DISTRICTS_2023.map((d) => ({ area: d.area, value: d.value })),
  );
}

/** Councils, wards and the recycling figures. */
export async function seedTraffordFigures(db: Kysely<Database>): Promise<void> {
  await seedCouncilPlaces(db);
  await seedRecycling(db);
}

/** A small GeoJSON boundary set: a square for Trafford and each of the five other districts, side by side. */
export const DISTRICT_SQUARES_ID = 'gm-district-squares';

export function districtSquaresGeoJson(): string {
  const districts = [{ area: TRAFFORD, name: 'Trafford' }, ...OTHER_DISTRICTS_2023];
  const square = (i: number) => {
    const x = -2.8 + (i % 3) * 0.2;
    const y = 53.3 + Math.floor(i / 3) * 0.15;
    return [
      [
        [x, y],
        [x + 0.2, y],
        [x + 0.2, y + 0.15],
        [x, y + 0.15],
        [x, y],
      ],
    ];
  };
  return JSON.stringify({
    type: 'FeatureCollection',
    name: 'Greater Manchester districts (squares)',
    features: districts.map((d, i) => ({
      type: 'Feature',
      properties: { area_code: d.area, area_name: d.name },
      geometry: { type: 'Polygon', coordinates: square(i) },
    })),
  });
}

export async function seedDistrictBoundaries(db: Kysely<Database>): Promise<void> {
  await importBoundaryFile(
    db,
    { name: 'gm-district-squares.geojson', content: districtSquaresGeoJson() },
    { clock: fixedClock('2025-06-01T09:00:00.000Z'), id: DISTRICT_SQUARES_ID },
  );
}
