import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import {
  analysisClock,
  seedAreas,
  seedIndicator,
  seedObservations,
  SMALL_WORLD,
} from '../../../test/support/analysis-factories.ts';
import { importComparatorGroups } from './comparator-group-import.service.ts';
import { areaProfile } from './profile.service.ts';
import { timeSeries } from './time-series.service.ts';

const COUNCILS = ['metropolitan_district', 'london_borough', 'unitary'];

describe('areaProfile and timeSeries', () => {
  let h: DatabaseHandle;
  beforeEach(async () => {
    h = await freshDatabase();
    await seedAreas(h.db, SMALL_WORLD);
    await seedIndicator(h.db, {
      code: 'SAT',
      title: 'Satisfied residents',
      description: 'Share of residents satisfied. Survey based.',
      areaTypes: COUNCILS,
      theme: 'people',
    });
    await seedIndicator(h.db, {
      code: 'CLAIMS',
      title: 'Open claims',
      unit: 'count',
      decimalPlaces: 0,
      polarity: 'lower_is_better',
      areaAggregation: 'sum',
      areaTypes: COUNCILS,
      theme: 'benefits',
    });
    await seedIndicator(h.db, { code: 'ELSEWHERE', areaTypes: COUNCILS });
    await seedIndicator(h.db, {
      code: 'WARDRATE',
      title: 'Ward rate',
      areaAggregation: 'ratio',
      areaTypes: ['ward'],
      theme: 'wards',
    });
    await seedObservations(h.db, 'SAT', 'FY2021', [
      { area: 'E08000009', value: 50 },
      { area: 'E08000007', value: 58 },
    ]);
    await seedObservations(h.db, 'SAT', 'FY2022', [
      {
        area: 'E08000009',
        value: 52,
        revision: 1,
        publishedAt: '2025-01-01T00:00:00.000Z',
        supersededAt: '2025-03-01T00:00:00.000Z',
      },
      { area: 'E08000009', value: 55, revision: 2, publishedAt: '2025-03-01T00:00:00.000Z', status: 'provisional' },
      { area: 'E08000007', value: 60 },
      { area: 'E08000002', value: 40 },
    ]);
    await seedObservations(h.db, 'CLAIMS', 'FY2022', [
      { area: 'E08000009', value: 3 },
      { area: 'E08000007', value: 3 },
      { area: 'E08000002', value: 9 },
    ]);
    await seedObservations(h.db, 'ELSEWHERE', 'FY2022', [{ area: 'E08000007', value: 1 }]);
    await seedObservations(h.db, 'WARDRATE', 'FY2022', [
      { area: 'E05000001', value: 10, numerator: 1, denominator: 10 },
      { area: 'E05000002', value: 30, numerator: 30, denominator: 100 },
    ]);
  });
  afterEach(async () => {
    await h.close();
  });

  it('returns every indicator with figures for the area, and only those', async () => {
    const p = await areaProfile(h.db, { area: 'E08000009' });
    expect(p.items.map((i) => i.indicator.code)).toEqual(['CLAIMS', 'SAT']);
    expect(p.group).toMatchObject({ id: 'type-metropolitan_district', name: 'All metropolitan districts' });
  });

  it('gives the latest and previous values, direction, rank, sparkline and flags', async () => {
    const sat = (await areaProfile(h.db, { area: 'E08000009' })).items.find((i) => i.indicator.code === 'SAT')!;
    expect(sat.indicator).toMatchObject({
      title: 'Satisfied residents',
      summary: 'Share of residents satisfied.',
      theme: 'people',
    });
    expect(sat.latest).toMatchObject({
      value: 55,
      formatted: '55.0%',
      status: 'provisional',
      period: { key: 'FY2022', label: '2022/23' },
    });
    expect(sat.previous).toMatchObject({ value: 50, period: { key: 'FY2021' } });
    expect(sat.direction?.direction).toBe('improving');
    expect(sat.comparison).toEqual({ rank: 2, rankLabel: '2', quartile: 2, of: 3, judged: true });
    expect(sat.sparkline).toEqual([
      { period: 'FY2021', label: '2021/22', value: 50 },
      { period: 'FY2022', label: '2022/23', value: 55 },
    ]);
    expect(sat.flags).toEqual({ provisional: true, suppressed: false, derived: false, coverage: null });
    const claims = (await areaProfile(h.db, { area: 'E08000009' })).items.find((i) => i.indicator.code === 'CLAIMS')!;
    expect(claims.comparison).toMatchObject({ rankLabel: '1=', quartile: 1 });
    expect(claims.direction).toBeNull();
  });

  it('ranks among the stored nearest neighbours when there are some', async () => {
    await importComparatorGroups(
      h.db,
      { name: 'nn.json', content: JSON.stringify({ E08000009: ['E08000009', 'E08000002'] }) },
      { clock: analysisClock() },
    );
    const p = await areaProfile(h.db, { area: 'E08000009' });
    expect(p.group.id).toBe('oflog-nn-E08000009');
    expect(p.items.find((i) => i.indicator.code === 'SAT')!.comparison).toMatchObject({ rank: 1, of: 2 });
  });

  it('shows the figures as they stood at an earlier instant', async () => {
    const p = await areaProfile(h.db, { area: 'E08000009', asOf: '2025-02-01T00:00:00.000Z' });
    expect(p.items.find((i) => i.indicator.code === 'SAT')!.latest).toMatchObject({ value: 52, status: 'final' });
  });

  it('adds figures derived from the area\u2019s wards when asked', async () => {
    const p = await areaProfile(h.db, { area: 'E08000009', includeDerived: true });
    const ward = p.items.find((i) => i.indicator.code === 'WARDRATE')!;
    expect(ward.latest?.value).toBeCloseTo((31 / 110) * 100, 9);
    expect(ward.flags).toMatchObject({ derived: true, coverage: '2 of 3 wards' });
    expect(p.items.map((i) => i.indicator.code)).not.toContain('ELSEWHERE');
  });

  it('refuses an unknown area', async () => {
    await expect(areaProfile(h.db, { area: 'E08000098' })).rejects.toThrow(NotFoundError);
  });

  it('gives a time series with the direction between points, deriving where nothing is published', async () => {
    const t = await timeSeries(h.db, { indicator: 'SAT', area: 'E08000009' });
    expect(t.points.map((p) => [p.period.key, p.figure.value, p.formatted, p.direction?.direction ?? null])).toEqual([
      ['FY2021', 50, '50.0%', null],
      ['FY2022', 55, '55.0%', 'improving'],
    ]);
    const derived = await timeSeries(h.db, { indicator: 'WARDRATE', area: 'E08000009' });
    expect(derived.points).toHaveLength(1);
    expect(derived.points[0]!.figure).toMatchObject({ source: 'derived', coverage: { text: '2 of 3 wards' } });
  });
});
