import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { insertAreas, saveTestIndicators, TIDY_HEADER, tidyCsv } from '../../../test/support/data-factories.ts';
import {
  getSeries,
  getValuesForPeriod,
  importObservations,
  latestPeriodWithData,
  listIndicatorCodesForArea,
  listPeriodsWithData,
  queryObservations,
} from './index.ts';

let handle: DatabaseHandle;
const clock = fixedClock('2024-05-01T09:00:00.000Z');

beforeAll(async () => {
  handle = await freshDatabase();
  await saveTestIndicators(
    handle.db,
    { code: 'REC' },
    { code: 'ACAD', periodType: 'academic_year' },
    { code: 'QTR', periodType: 'financial_quarter' },
  );
  await insertAreas(handle.db, ['E08000009', 'E08000003', 'E08000002']);
  const row = (i: string, a: string, p: string, v: string, status = '') => [i, a, p, v, '', '', '', '', '', status];
  await importObservations(
    handle.db,
    tidyCsv('all.csv', [
      TIDY_HEADER,
      row('REC', 'E08000009', '2016/17', '61.3'),
      row('REC', 'E08000009', '2015/16', '60.4'),
      row('REC', 'E08000003', '2015/16', '40'),
      row('REC', 'E08000002', '2017/18', '', 'not_available'),
      row('ACAD', 'E08000009', '2021/22', '90'),
      row('QTR', 'E08000009', 'Q3 2022/23', '5'),
      row('QTR', 'E08000009', '2022/23 Q4', '6'),
    ]),
    { clock },
  );
  clock.set('2024-07-01T00:00:00.000Z');
  await importObservations(handle.db, tidyCsv('rev.csv', [TIDY_HEADER, row('REC', 'E08000003', '2015/16', '41')]), { clock });
});
afterAll(async () => {
  await handle.close();
});

describe('queryObservations', () => {
  it('orders by indicator, area and period start, and pages', async () => {
    const all = await queryObservations(handle.db, { limit: 100, offset: 0 });
    expect(all.total).toBe(7);
    expect(all.items.map((o) => `${o.indicatorCode} ${o.areaCode} ${o.period}`)).toEqual([
      'ACAD E08000009 AY2021',
      'QTR E08000009 FY2022Q3',
      'QTR E08000009 FY2022Q4',
      'REC E08000002 FY2017',
      'REC E08000003 FY2015',
      'REC E08000009 FY2015',
      'REC E08000009 FY2016',
    ]);
    const page = await queryObservations(handle.db, { limit: 2, offset: 3 });
    expect(page.total).toBe(7);
    expect(page.items.map((o) => o.period)).toEqual(['FY2017', 'FY2015']);
  });

  it.each([
    [{ indicator: 'REC', period: '2015/16' }, ['E08000003', 'E08000009']],
    [{ indicator: 'REC', period: '2015-16' }, ['E08000003', 'E08000009']],
    [{ indicator: 'REC', period: 'FY2015' }, ['E08000003', 'E08000009']],
    [{ period: 'FY2015' }, ['E08000003', 'E08000009']],
    [{ indicator: 'ACAD', period: '2021/22' }, ['E08000009']],
    [{ area: 'E08000002' }, ['E08000002']],
  ])('filters %j', async (filter, areas) => {
    const r = await queryObservations(handle.db, { ...filter, limit: 10, offset: 0 });
    expect(r.items.map((o) => o.areaCode)).toEqual(areas);
  });

  it('answers as published on a date', async () => {
    const r = await queryObservations(handle.db, {
      indicator: 'REC',
      area: 'E08000003',
      asOf: '2024-06-30',
      limit: 10,
      offset: 0,
    });
    expect(r.items.map((o) => [o.value, o.revision])).toEqual([[40, 1]]);
    const now = await queryObservations(handle.db, { indicator: 'REC', area: 'E08000003', limit: 10, offset: 0 });
    expect(now.items.map((o) => [o.value, o.revision])).toEqual([[41, 2]]);
  });

  it.each([
    [{ period: 'whenever' }, /'whenever' is not a period/],
    [{ asOf: 'yesterday' }, /'yesterday' is not a date or an instant/],
    [{ asOf: '2024-13-45' }, /not a date or an instant/],
  ])('refuses %j', async (filter, message) => {
    await expect(queryObservations(handle.db, { ...filter, limit: 10, offset: 0 })).rejects.toThrow(ValidationError);
    await expect(queryObservations(handle.db, { ...filter, limit: 10, offset: 0 })).rejects.toThrow(message);
  });
});

describe('series, values and periods', () => {
  it('getSeries is ordered by period', async () => {
    expect((await getSeries(handle.db, 'QTR', 'E08000009')).map((o) => o.periodLabel)).toEqual(['2022/23 Q3', '2022/23 Q4']);
  });

  it('getValuesForPeriod takes a key or a spelling, and optionally areas', async () => {
    expect((await getValuesForPeriod(handle.db, 'REC', 'FY2015')).map((o) => o.areaCode)).toEqual(['E08000003', 'E08000009']);
    expect((await getValuesForPeriod(handle.db, 'REC', '2015/16', ['E08000009', 'E99999999'])).map((o) => o.value)).toEqual([
      60.4,
    ]);
    expect(await getValuesForPeriod(handle.db, 'REC', '2015/16', [])).toEqual([]);
  });

  it('listPeriodsWithData counts periods with a value, in order; latestPeriodWithData is the last', async () => {
    expect((await listPeriodsWithData(handle.db, 'REC')).map((p) => p.key)).toEqual(['FY2015', 'FY2016']);
    expect((await latestPeriodWithData(handle.db, 'REC'))?.label).toBe('2016/17');
    expect(await latestPeriodWithData(handle.db, 'NONE')).toBeUndefined();
  });

  it('listIndicatorCodesForArea', async () => {
    expect(await listIndicatorCodesForArea(handle.db, 'E08000009')).toEqual(['ACAD', 'QTR', 'REC']);
    expect(await listIndicatorCodesForArea(handle.db, 'E08000002')).toEqual(['REC']);
    expect(await listIndicatorCodesForArea(handle.db, 'E99999999')).toEqual([]);
  });
});
