import { describe, expect, it } from 'vitest';
import { indicatorDefinition } from '../../../test/support/indicator-factories.ts';
import type { Observation } from '../data/index.ts';
import { rankFigures } from './comparison.ts';
import { noFigure } from './figures.ts';
import { profileItem, seriesFromObservations, summariseDefinition } from './profile.ts';

describe('summariseDefinition', () => {
  it.each([
    ['The share of waste recycled. Counted by weight.', 'The share of waste recycled.'],
    ['No full stop', 'No full stop'],
    ['Is it good? Yes.', 'Is it good?'],
    ['x'.repeat(250), `${'x'.repeat(199)}…`],
  ])('%s', (text, expected) => {
    expect(summariseDefinition(text)).toBe(expected);
  });
});

const o = (period: string, value: number | null, extra: Partial<Observation> = {}): Observation => ({
  indicatorCode: 'TEST1',
  indicatorVersion: 1,
  areaCode: 'A',
  period,
  periodLabel: '',
  periodType: 'financial_year',
  periodStart: '',
  periodEnd: '',
  value,
  numerator: null,
  denominator: null,
  sampleSize: null,
  ciLower: null,
  ciUpper: null,
  status: 'final',
  sourceBodyId: null,
  revision: 1,
  publishedAt: '',
  ...extra,
});

describe('seriesFromObservations', () => {
  it('orders by period and keeps the latest revision', () => {
    const s = seriesFromObservations([o('FY2022', 2), o('FY2020', 1), o('FY2022', 3, { revision: 2 })]);
    expect(s.map((p) => [p.period.key, p.figure.value])).toEqual([
      ['FY2020', 1],
      ['FY2022', 3],
    ]);
  });
});

describe('profileItem', () => {
  const def = indicatorDefinition({ code: 'TEST1', decimalPlaces: 1, unit: 'percentage' });

  it.each([
    ['two periods', [o('FY2021', 40), o('FY2022', 45)], { latest: 45, previous: 40, direction: 'improving' }],
    [
      'a gap year is skipped',
      [o('FY2019', 50), o('FY2021', null), o('FY2022', 45)],
      { latest: 45, previous: 50, direction: 'worsening' },
    ],
    ['one period', [o('FY2022', 45)], { latest: 45, previous: null, direction: null }],
    ['nothing', [], { latest: null, previous: null, direction: null }],
  ] as const)('%s', (_name, observations, expected) => {
    const item = profileItem(def, seriesFromObservations(observations), null, 'A');
    expect({
      latest: item.latest?.value ?? null,
      previous: item.previous?.value ?? null,
      direction: item.direction?.direction ?? null,
    }).toEqual(expected);
  });

  it('formats, ranks and flags', () => {
    const ranking = rankFigures(def, [
      { ...noFigure('A', ''), value: 45, source: 'published', reason: null },
      { ...noFigure('B', ''), value: 50, source: 'published', reason: null },
    ]);
    const item = profileItem(def, seriesFromObservations([o('FY2022', 45, { status: 'provisional' })]), ranking, 'A');
    expect(item.latest).toMatchObject({ formatted: '45.0%', status: 'provisional' });
    expect(item.comparison).toEqual({ rank: 2, rankLabel: '2', quartile: 3, of: 2, judged: true });
    expect(item.flags).toEqual({ provisional: true, suppressed: false, derived: false, coverage: null });
    expect(item.sparkline).toEqual([{ period: 'FY2022', label: '2022/23', value: 45 }]);
  });
});
