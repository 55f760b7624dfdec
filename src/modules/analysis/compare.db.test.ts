import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import {
  analysisClock,
  seedAreas,
  seedIndicator,
  seedObservations,
  SMALL_WORLD,
} from '../../../test/support/analysis-factories.ts';
import { compareAll } from './compare-all.service.ts';
import { compare } from './compare.service.ts';
import { importComparatorGroups } from './comparator-group-import.service.ts';

describe('compare', () => {
  let h: DatabaseHandle;
  beforeEach(async () => {
    h = await freshDatabase();
    await seedAreas(h.db, SMALL_WORLD);
    await seedIndicator(h.db, {
      code: 'DAYS',
      title: 'Days to process a claim',
      unit: 'days',
      decimalPlaces: 1,
      polarity: 'lower_is_better',
      areaAggregation: 'population_weighted_mean',
      areaTypes: ['metropolitan_district', 'london_borough', 'unitary'],
    });
    await seedObservations(h.db, 'DAYS', 'FY2021', [
      { area: 'E08000009', value: 14, ciLower: 13.5, ciUpper: 14.5 },
      { area: 'E08000007', value: 10.04 },
      { area: 'E08000002', value: 13 },
    ]);
    await seedObservations(h.db, 'DAYS', 'FY2022', [
      { area: 'E08000009', value: 12, ciLower: 11, ciUpper: 13 },
      { area: 'E08000007', value: 10 },
      { area: 'E08000002', value: 15 },
      { area: 'E09000001', value: 12 },
      { area: 'E92000001', value: 11.5 },
    ]);
  });
  afterEach(async () => {
    await h.close();
  });

  it('ranks lower-is-better figures with the lowest first, and gives quartiles, median and MAD', async () => {
    const c = await compare(h.db, { indicator: 'DAYS', period: 'FY2022', area: 'E08000009', group: 'type' });
    expect(c.rows.map((r) => [r.areaName, r.figure.value, r.rankLabel, r.quartile])).toEqual([
      ['Stockport', 10, '1', 1],
      ['Trafford', 12, '2', 2],
      ['Bury', 15, '3', 3],
    ]);
    expect(c.judged).toBe(true);
    expect(c.summary).toMatchObject({ count: 3, median: 12, mad: 2 });
    expect(c.area).toMatchObject({ areaName: 'Trafford', highlighted: true, madsFromMedian: 0 });
    expect(c.distance.words).toBe('similar to the median of all metropolitan districts');
  });

  it('gives each member its direction of travel since the previous period', async () => {
    const c = await compare(h.db, { indicator: 'DAYS', period: 'FY2022', area: 'E08000009', group: 'type' });
    const dir = Object.fromEntries(c.rows.map((r) => [r.areaName, r.direction?.direction ?? null]));
    expect(dir).toEqual({ Trafford: 'improving', Stockport: 'no_change', Bury: 'worsening' });
    expect(c.area.direction).toMatchObject({ significant: true, words: 'improving (statistically significant)' });
    expect(c.previousPeriod?.key).toBe('FY2021');
  });

  it('gives the England figure and the region\u2019s, derived when not published', async () => {
    const c = await compare(h.db, { indicator: 'DAYS', period: 'FY2022', area: 'E08000009', group: 'type' });
    expect(c.england).toMatchObject({ areaName: 'England', value: 11.5, source: 'published' });
    expect(c.region).toMatchObject({ areaName: 'North West', source: 'derived', coverage: { text: '3 of 3 councils' } });
    expect(c.region!.value).toBeCloseTo((12 * 235_000 + 10 * 295_000 + 15 * 193_000) / 723_000, 9);
  });

  it('puts the area far from the median in plain words', async () => {
    const c = await compare(h.db, { indicator: 'DAYS', period: 'FY2022', area: 'E08000002', group: 'type' });
    expect(c.area.madsFromMedian).toBeCloseTo(-1.5, 9);
    expect(c.distance).toEqual({ band: 'worse', words: 'worse than the median of all metropolitan districts' });
  });

  it('ties equal figures and uses the latest period by default', async () => {
    const c = await compare(h.db, { indicator: 'DAYS', area: 'E08000009', group: 'custom', codes: ['E09000001'] });
    expect(c.period.key).toBe('FY2022');
    expect(c.rows.map((r) => r.rankLabel)).toEqual(['1=', '1=']);
  });

  it('compares with a stored nearest-neighbour group', async () => {
    await importComparatorGroups(
      h.db,
      { name: 'nn.json', content: JSON.stringify({ E08000009: ['E08000009', 'E08000002', 'E09000001'] }) },
      { clock: analysisClock() },
    );
    const c = await compare(h.db, { indicator: 'DAYS', period: 'FY2022', area: 'E08000009', group: 'nearest' });
    expect(c.group.id).toBe('oflog-nn-E08000009');
    expect(c.rows.map((r) => [r.areaName, r.rankLabel])).toEqual([
      ['Trafford', '1='],
      ['City of London', '1='],
      ['Bury', '3'],
    ]);
    expect(c.distance.words).toMatch(/the median of similar councils$/);
  });
});

describe('compareAll', () => {
  let h: DatabaseHandle;
  beforeEach(async () => {
    h = await freshDatabase();
    await seedAreas(h.db, SMALL_WORLD);
    await seedIndicator(h.db, { code: 'RATE', areaAggregation: 'ratio', polarity: 'higher_is_better', areaTypes: ['ward'] });
    await seedObservations(h.db, 'RATE', 'FY2022', [
      { area: 'E05000001', value: 10, numerator: 1, denominator: 10 },
      { area: 'E05000004', value: 50, numerator: 50, denominator: 100 },
      { area: 'E05000006', value: 40, numerator: 4, denominator: 10 },
      { area: 'E08000002', value: 41 },
    ]);
  });
  afterEach(async () => {
    await h.close();
  });

  it('ranks every area of a type, deriving those without a published figure', async () => {
    const c = await compareAll(h.db, { indicator: 'RATE', period: 'FY2022', areaType: 'metropolitan_district' });
    expect(c.rows.map((r) => [r.areaName, r.figure.source, r.rank, r.quartile])).toEqual([
      ['Stockport', 'derived', 1, 1],
      ['Bury', 'published', 2, 2],
      ['Trafford', 'derived', 3, 3],
    ]);
    expect(c.summary.median).toBe(41);
  });
});
