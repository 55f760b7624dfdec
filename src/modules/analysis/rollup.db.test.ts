import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { seedAreas, seedIndicator, seedObservations, SMALL_WORLD } from '../../../test/support/analysis-factories.ts';
import { rollUp } from './rollup.service.ts';

describe('rollUp', () => {
  let h: DatabaseHandle;
  beforeEach(async () => {
    h = await freshDatabase();
    await seedAreas(h.db, SMALL_WORLD);
    await seedIndicator(h.db, {
      code: 'RATE',
      unit: 'percentage',
      areaAggregation: 'ratio',
      areaTypes: ['ward', 'metropolitan_district'],
    });
    // Trafford: 1/10 (10%) and 30/100 (30%), Sale Central has no figure.
    // Σnum ÷ Σden = 31/110 = 28.18%, while the mean of the rates would be 20%.
    await seedObservations(h.db, 'RATE', 'FY2022', [
      { area: 'E05000001', value: 10, numerator: 1, denominator: 10 },
      { area: 'E05000002', value: 30, numerator: 30, denominator: 100 },
      { area: 'E05000004', value: 50, numerator: 50, denominator: 100, status: 'provisional' },
      { area: 'E05000005', value: 25, numerator: 25, denominator: 100 },
      { area: 'E05000006', value: 40, numerator: 4, denominator: 10 },
      { area: 'E05000007', value: 20, numerator: 2, denominator: 10 },
      // Stockport publishes its own figure, which wins over the 37.5% its wards give.
      { area: 'E08000007', value: 36.9, numerator: 369, denominator: 1000 },
    ]);
  });
  afterEach(async () => {
    await h.close();
  });

  const figure = async (to: Parameters<typeof rollUp>[1]['to'], code: string) =>
    (await rollUp(h.db, { indicator: 'RATE', period: 'FY2022', to })).figures.find((f) => f.areaCode === code)!;

  it('derives a ratio as Σ numerators ÷ Σ denominators, not the mean of the parts\u2019 rates', async () => {
    const f = await figure('metropolitan_district', 'E08000009');
    expect(f.source).toBe('derived');
    expect(f.value).toBeCloseTo((31 / 110) * 100, 9);
    expect(f.value).not.toBeCloseTo(20, 1);
    expect(f).toMatchObject({ numerator: 31, denominator: 110, status: 'final' });
  });

  it('states the coverage of a derived figure', async () => {
    expect((await figure('metropolitan_district', 'E08000009')).coverage).toMatchObject({
      withData: 2,
      expected: 3,
      text: '2 of 3 wards',
    });
    expect((await figure('metropolitan_district', 'E08000002')).coverage?.text).toBe('2 of 2 wards');
  });

  it('lets a published figure win over a derived one', async () => {
    expect(await figure('metropolitan_district', 'E08000007')).toMatchObject({
      source: 'published',
      value: 36.9,
      coverage: null,
    });
  });

  it('derives regions and England from the finest parts, by default every coarser area', async () => {
    const r = await rollUp(h.db, { indicator: 'RATE', period: 'FY2022' });
    const byCode = new Map(r.figures.map((f) => [f.areaCode, f]));
    expect([...byCode.keys()].sort()).toEqual(
      ['E08000002', 'E08000007', 'E08000009', 'E09000001', 'E12000002', 'E12000007', 'E92000001'].sort(),
    );
    const nw = byCode.get('E12000002')!;
    expect(nw.value).toBeCloseTo((112 / 330) * 100, 9);
    expect(nw).toMatchObject({ source: 'derived', status: 'provisional', coverage: { text: '6 of 7 wards' } });
    expect(byCode.get('E92000001')!.value).toBeCloseTo((112 / 330) * 100, 9);
    expect(byCode.get('E09000001')).toMatchObject({ source: 'none', value: null });
  });

  it('rolls up to named areas', async () => {
    const r = await rollUp(h.db, { indicator: 'RATE', period: 'FY2022', to: ['E08000009', 'E12000002'] });
    expect(r.figures.map((f) => [f.areaCode, f.source, f.coverage?.text])).toEqual([
      ['E08000009', 'derived', '2 of 3 wards'],
      ['E12000002', 'derived', '6 of 7 wards'],
    ]);
  });

  it('says why a figure cannot be derived', async () => {
    await seedIndicator(h.db, { code: 'NOAGG', areaAggregation: 'none' });
    await seedObservations(h.db, 'NOAGG', 'FY2022', [{ area: 'E05000001', value: 1 }]);
    const none = (await rollUp(h.db, { indicator: 'NOAGG', period: 'FY2022', to: ['E08000009'] })).figures[0]!;
    expect(none).toMatchObject({ source: 'none', value: null });
    expect(none.reason).toMatch(/cannot be combined/);

    await seedIndicator(h.db, { code: 'NONUM', areaAggregation: 'ratio' });
    await seedObservations(h.db, 'NONUM', 'FY2022', [
      { area: 'E05000001', value: 10 },
      { area: 'E05000002', value: 30, numerator: 3, denominator: 10 },
    ]);
    const missing = (await rollUp(h.db, { indicator: 'NONUM', period: 'FY2022', to: 'metropolitan_district' })).figures.find(
      (f) => f.areaCode === 'E08000009',
    )!;
    expect(missing.reason).toMatch(/2 of 3 wards: .*1 of 2 parts \(E05000001\)/);
  });

  it('sums counts and weights means by population', async () => {
    await seedIndicator(h.db, { code: 'COUNT', unit: 'count', areaAggregation: 'sum' });
    await seedObservations(h.db, 'COUNT', 'FY2022', [
      { area: 'E05000001', value: 5 },
      { area: 'E05000002', value: 7 },
      { area: 'E05000003', value: 1 },
    ]);
    expect((await rollUp(h.db, { indicator: 'COUNT', period: 'FY2022', to: ['E08000009'] })).figures[0]).toMatchObject({
      value: 13,
      coverage: { text: '3 of 3 wards' },
    });

    await seedIndicator(h.db, { code: 'SCORE', unit: 'score', areaAggregation: 'population_weighted_mean' });
    await seedObservations(h.db, 'SCORE', 'FY2022', [
      { area: 'E05000001', value: 10 },
      { area: 'E05000002', value: 21 },
    ]);
    expect((await rollUp(h.db, { indicator: 'SCORE', period: 'FY2022', to: ['E08000009'] })).figures[0]!.value).toBeCloseTo(
      (10 * 12_000 + 21 * 10_000) / 22_000,
      9,
    );
  });

  it('keeps a suppressed published figure suppressed', async () => {
    await seedObservations(h.db, 'RATE', 'FY2022', [{ area: 'E08000009', value: null, status: 'suppressed' }]);
    expect(await figure(['E08000009'], 'E08000009')).toMatchObject({ source: 'published', status: 'suppressed', value: null });
  });

  it('refuses an unknown indicator, period, type or area', async () => {
    await expect(rollUp(h.db, { indicator: 'NOPE', period: 'FY2022' })).rejects.toThrow(NotFoundError);
    await expect(rollUp(h.db, { indicator: 'RATE', period: 'next year' })).rejects.toThrow(ValidationError);
    await expect(rollUp(h.db, { indicator: 'RATE', period: 'FY2022', to: 'parish' as never })).rejects.toThrow(ValidationError);
    await expect(rollUp(h.db, { indicator: 'RATE', period: 'FY2022', to: ['E08000098'] })).rejects.toThrow(NotFoundError);
  });
});
