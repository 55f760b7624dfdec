import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { insertAreas, saveTestIndicators, TIDY_HEADER, tidyCsv } from '../../../test/support/data-factories.ts';
import { getFiguresForArea, getFiguresForPeriods, getSeries, getValuesForPeriod, importObservations } from './index.ts';

let handle: DatabaseHandle;
const clock = fixedClock('2024-05-01T09:00:00.000Z');
const AREAS = ['E08000009', 'E08000003', 'E08000002'];

beforeAll(async () => {
  handle = await freshDatabase();
  await saveTestIndicators(handle.db, { code: 'REC' }, { code: 'OBE' });
  await insertAreas(handle.db, AREAS);
  const row = (i: string, a: string, p: string, v: string, n = '', d = '', status = '') => [i, a, p, v, n, d, '', '', '', status];
  await importObservations(
    handle.db,
    tidyCsv('all.csv', [
      TIDY_HEADER,
      row('REC', 'E08000009', '2016/17', '61.3', '613', '1000'),
      row('REC', 'E08000009', '2015/16', '60.4'),
      row('REC', 'E08000003', '2015/16', '40'),
      row('REC', 'E08000003', '2016/17', '', '', '', 'suppressed'),
      row('OBE', 'E08000009', '2016/17', '20'),
      row('OBE', 'E08000002', '2016/17', '22'),
      row('OBE', 'E08000002', '2015/16', '21'),
    ]),
    { clock },
  );
  clock.set('2024-07-01T00:00:00.000Z');
  await importObservations(handle.db, tidyCsv('rev.csv', [TIDY_HEADER, row('REC', 'E08000003', '2015/16', '41')]), { clock });
});
afterAll(async () => {
  await handle.close();
});

const brief = (o: { indicatorCode: string; areaCode: string; period: string; value: number | null; revision: number }) =>
  `${o.indicatorCode} ${o.areaCode} ${o.period} ${o.value} r${o.revision}`;

describe('getFiguresForArea', () => {
  it("gives the area's current figures for every indicator, by indicator then period, as getSeries does", async () => {
    const figures = await getFiguresForArea(handle.db, 'E08000009');
    expect(figures.map(brief)).toEqual([
      'OBE E08000009 FY2016 20 r1',
      'REC E08000009 FY2015 60.4 r1',
      'REC E08000009 FY2016 61.3 r1',
    ]);
    expect(figures[2]).toMatchObject({ numerator: 613, denominator: 1000, status: 'final', ciLower: null });
    for (const code of ['OBE', 'REC'])
      expect(figures.filter((f) => f.indicatorCode === code).map((f) => f.value)).toEqual(
        (await getSeries(handle.db, code, 'E08000009')).map((o) => o.value),
      );
  });

  it('gives the figures as published at an instant', async () => {
    expect((await getFiguresForArea(handle.db, 'E08000003')).map(brief)).toEqual([
      'REC E08000003 FY2015 41 r2',
      'REC E08000003 FY2016 null r1',
    ]);
    expect((await getFiguresForArea(handle.db, 'E08000003', '2024-06-01')).map(brief)).toEqual([
      'REC E08000003 FY2015 40 r1',
      'REC E08000003 FY2016 null r1',
    ]);
    expect(await getFiguresForArea(handle.db, 'E08000003', '2024-01-01')).toEqual([]);
  });
});

describe('getFiguresForPeriods', () => {
  const cases: {
    name: string;
    pairs: { indicator: string; period: string }[];
    areas?: string[];
    asOf?: string;
    expected: string[];
  }[] = [
    { name: 'nothing asked', pairs: [], expected: [] },
    {
      name: 'one pair, every area',
      pairs: [{ indicator: 'REC', period: 'FY2015' }],
      expected: ['REC E08000003 FY2015 41 r2', 'REC E08000009 FY2015 60.4 r1'],
    },
    {
      name: 'pairs of different periods, some areas, periods in any spelling',
      pairs: [
        { indicator: 'REC', period: '2016/17' },
        { indicator: 'OBE', period: 'FY2015' },
        { indicator: 'OBE', period: 'FY2016' },
      ],
      areas: ['E08000002', 'E08000003', 'E08000002'],
      expected: ['OBE E08000002 FY2015 21 r1', 'OBE E08000002 FY2016 22 r1', 'REC E08000003 FY2016 null r1'],
    },
    {
      name: 'as published at an instant',
      pairs: [{ indicator: 'REC', period: 'FY2015' }],
      areas: AREAS,
      asOf: '2024-06-01',
      expected: ['REC E08000003 FY2015 40 r1', 'REC E08000009 FY2015 60.4 r1'],
    },
    { name: 'no area given', pairs: [{ indicator: 'REC', period: 'FY2015' }], areas: [], expected: [] },
  ];
  it.each(cases)('$name', async ({ pairs, areas, asOf, expected }) => {
    expect((await getFiguresForPeriods(handle.db, pairs, areas, asOf)).map(brief)).toEqual(expected);
  });

  it('agrees with getValuesForPeriod', async () => {
    const lean = await getFiguresForPeriods(handle.db, [{ indicator: 'REC', period: 'FY2016' }]);
    const full = await getValuesForPeriod(handle.db, 'REC', 'FY2016');
    expect(lean).toEqual(
      full.map((o) => ({
        indicatorCode: o.indicatorCode,
        areaCode: o.areaCode,
        period: o.period,
        revision: o.revision,
        value: o.value,
        numerator: o.numerator,
        denominator: o.denominator,
        sampleSize: o.sampleSize,
        ciLower: o.ciLower,
        ciUpper: o.ciUpper,
        status: o.status,
      })),
    );
  });
});
