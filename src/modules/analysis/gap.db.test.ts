import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import {
  seedAreas,
  seedIndicator,
  seedObservations,
  SMALL_WORLD,
  type AreaSeed,
} from '../../../test/support/analysis-factories.ts';
import { gapFor } from './gap.service.ts';

/** Ten LSOAs in Trafford, IMD rank 100 (most deprived) … 1000. */
const LSOAS: AreaSeed[] = [...Array(10).keys()].map((i) => ({
  code: `E0100000${i}`,
  type: 'lsoa',
  parents: ['E08000009'],
  imdRank: (i + 1) * 100,
  population: 1500,
}));

describe('gapFor', () => {
  let h: DatabaseHandle;
  beforeEach(async () => {
    h = await freshDatabase();
    await seedAreas(h.db, [...SMALL_WORLD, ...LSOAS]);
    await seedIndicator(h.db, {
      code: 'EMP',
      unit: 'percentage',
      polarity: 'higher_is_better',
      areaAggregation: 'ratio',
      areaTypes: ['lsoa'],
    });
    // FY2021: 40% + 5 points per LSOA: most deprived fifth (LSOAs 0, 1) 42.5%, least deprived (8, 9) 82.5%.
    await seedObservations(
      h.db,
      'EMP',
      'FY2021',
      LSOAS.map((l, i) => ({ area: l.code, value: 40 + i * 5, numerator: 40 + i * 5, denominator: 100 })),
    );
    // FY2022: the most deprived fifth gains 10 points, the rest stay.
    await seedObservations(
      h.db,
      'EMP',
      'FY2022',
      LSOAS.map((l, i) => ({
        area: l.code,
        value: 40 + i * 5 + (i < 2 ? 10 : 0),
        numerator: 40 + i * 5 + (i < 2 ? 10 : 0),
        denominator: 100,
      })),
    );
  });
  afterEach(async () => {
    await h.close();
  });

  it('compares the most and least deprived fifths by IMD rank and says the gap narrows', async () => {
    const g = await gapFor(h.db, { area: 'E08000009', indicator: 'EMP', partType: 'lsoa' });
    expect(g.deprivation).toEqual({ source: 'imd_rank', period: null, mostDeprived: 'lowest' });
    expect(g.parts).toBe(10);
    const [first, second] = g.periods;
    expect(first!.result).toMatchObject({
      ok: true,
      method: 'quintiles',
      mostDeprived: { codes: ['E01000000', 'E01000001'], method: 'ratio' },
    });
    expect(first!.result.ok && first!.result.gap).toBeCloseTo(42.5 - 82.5, 9);
    expect(second!.result.ok && second!.result.gap).toBeCloseTo(52.5 - 82.5, 9);
    expect(second!.change).toBe('narrowing');
    expect(g.overall).toBe('narrowing');
  });

  it('uses a deprivation indicator for parts without an IMD rank', async () => {
    await seedIndicator(h.db, { code: 'INCDEP', polarity: 'lower_is_better', areaTypes: ['ward'] });
    await seedObservations(h.db, 'INCDEP', 'FY2020', [
      { area: 'E05000001', value: 30 },
      { area: 'E05000002', value: 5 },
      { area: 'E05000003', value: 15 },
    ]);
    await seedIndicator(h.db, { code: 'WEMP', areaTypes: ['ward'], areaAggregation: 'ratio' });
    await seedObservations(h.db, 'WEMP', 'FY2022', [
      { area: 'E05000001', value: 50 },
      { area: 'E05000002', value: 80 },
      { area: 'E05000003', value: 70 },
    ]);
    const g = await gapFor(h.db, { area: 'E08000009', indicator: 'WEMP', partType: 'ward', deprivationIndicator: 'INCDEP' });
    expect(g.deprivation).toEqual({ source: 'INCDEP', period: 'FY2020', mostDeprived: 'highest' });
    expect(g.periods[0]!.result).toMatchObject({
      ok: true,
      method: 'extremes',
      gap: -30,
      mostDeprived: { codes: ['E05000001'] },
      leastDeprived: { codes: ['E05000002'] },
    });
  });

  it('asks for a deprivation measure when the parts have none', async () => {
    await seedIndicator(h.db, { code: 'WEMP', areaTypes: ['ward'] });
    await expect(gapFor(h.db, { area: 'E08000009', indicator: 'WEMP', partType: 'ward' })).rejects.toThrow(ValidationError);
  });
});
