import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../platform/errors.ts';
import { comparePeriods, nextPeriod, previousPeriod, rollUpPeriod } from './period-arithmetic.ts';
import { periodFromKey } from './period-builders.ts';
import { PERIOD_TYPES } from './period.types.ts';

const p = periodFromKey;

describe('previousPeriod and nextPeriod', () => {
  it.each([
    ['FY2015', 'FY2014', 'FY2016'],
    ['FY2015Q1', 'FY2014Q4', 'FY2015Q2'],
    ['FY2015Q4', 'FY2015Q3', 'FY2016Q1'],
    ['M2022-01', 'M2021-12', 'M2022-02'],
    ['M2022-12', 'M2022-11', 'M2023-01'],
    ['CY2021', 'CY2020', 'CY2022'],
    ['AY2021', 'AY2020', 'AY2022'],
    ['CY2014-2016', 'CY2011-2013', 'CY2017-2019'],
    ['D2022-03-01', 'D2022-02-28', 'D2022-03-02'],
    ['D2024-12-31', 'D2024-12-30', 'D2025-01-01'],
    ['D2024-03-01', 'D2024-02-29', 'D2024-03-02'],
  ])('%s: previous %s, next %s', (key, previous, next) => {
    expect(previousPeriod(p(key)).key).toBe(previous);
    expect(nextPeriod(p(key)).key).toBe(next);
    expect(previousPeriod(nextPeriod(p(key)))).toEqual(p(key));
  });

  it('previous of 2015/16 Q1 is 2014/15 Q4, January to March 2015', () => {
    expect(previousPeriod(p('FY2015Q1'))).toEqual({
      key: 'FY2014Q4',
      type: 'financial_quarter',
      start: '2015-01-01',
      end: '2015-03-31',
      label: '2014/15 Q4',
    });
  });
});

describe('comparePeriods', () => {
  it('orders by start, then end, then key', () => {
    const keys = ['FY2016', 'CY2015', 'M2015-04', 'FY2015', 'FY2015Q1', 'CY2014-2016', 'D2015-04-01', 'AY2015', 'FY2014Q4'];
    const sorted = keys
      .map(p)
      .sort(comparePeriods)
      .map((x) => x.key);
    expect(sorted).toEqual([
      'CY2014-2016',
      'FY2014Q4',
      'CY2015',
      'D2015-04-01',
      'M2015-04',
      'FY2015Q1',
      'FY2015',
      'AY2015',
      'FY2016',
    ]);
  });

  it.each([
    ['FY2014', 'FY2015', -1],
    ['FY2015', 'FY2015', 0],
    ['M2022-05', 'M2022-04', 1],
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(Math.sign(comparePeriods(p(a), p(b)))).toBe(sign);
  });
});

describe('rollUpPeriod', () => {
  it.each([
    ['M2022-03', 'financial_year', 'FY2021'],
    ['M2022-04', 'financial_year', 'FY2022'],
    ['M2022-03', 'calendar_year', 'CY2022'],
    ['FY2022Q1', 'financial_year', 'FY2022'],
    ['FY2022Q4', 'financial_year', 'FY2022'],
    ['FY2022Q4', 'calendar_year', 'CY2023'],
    ['FY2022Q3', 'calendar_year', 'CY2022'],
    ['D2022-06-30', 'financial_year', 'FY2022'],
    ['D2022-01-31', 'financial_year', 'FY2021'],
    ['D2022-01-31', 'calendar_year', 'CY2022'],
    ['FY2015', 'financial_year', 'FY2015'],
    ['CY2015', 'calendar_year', 'CY2015'],
  ] as const)('%s → %s: %s', (key, to, expected) => {
    expect(rollUpPeriod(p(key), to).key).toBe(expected);
  });

  it.each([
    ['FY2015', 'calendar_year'],
    ['CY2015', 'financial_year'],
    ['AY2015', 'financial_year'],
    ['CY2014-2016', 'calendar_year'],
  ] as const)('refuses %s → %s: it straddles the years', (key, to) => {
    expect(() => rollUpPeriod(p(key), to)).toThrow(ValidationError);
  });
});

describe('periodFromKey', () => {
  it.each(['FY2015', 'FY2022Q3', 'M2022-05', 'CY2021', 'AY2021', 'CY2014-2016', 'D2022-06-30'])('%s round-trips', (key) => {
    expect(p(key).key).toBe(key);
  });

  it.each(['', 'FY15', 'fy2015', '2015/16', 'FY2022Q0', 'M2022-00', 'D2022-02-30', 'CY2016-2016', 'X2015'])(
    'refuses %j',
    (key) => {
      expect(() => p(key)).toThrow(ValidationError);
    },
  );

  it('covers every type', () => {
    const types = ['FY2015', 'FY2022Q3', 'M2022-05', 'CY2021', 'AY2021', 'CY2014-2016', 'D2022-06-30'].map((k) => p(k).type);
    expect([...types].sort()).toEqual([...PERIOD_TYPES].sort());
  });
});
