import { describe, expect, it } from 'vitest';
import type { TargetDirection, TargetValue } from '../plans.types.ts';
import { describeValue, meets, plainNumber, shortfallOf, yearsOf } from './values.ts';

describe('yearsOf', () => {
  it.each([
    ['the first of January', '2021-01-01', 2021],
    ['the first of April (a financial year starts)', '2021-04-01', 2021.25],
    ['the first of July', '2021-07-01', 2021.5],
    // 2024 + 1/12 + 14 / (12 × 29): February 2024 has 29 days
    ['the middle of February in a leap year', '2024-02-15', 2024 + 1 / 12 + 14 / 348],
    ['the last of December', '2021-12-31', 2021 + 11 / 12 + 30 / 372],
  ])('%s: %s', (_name, date, years) => {
    expect(yearsOf(date)).toBeCloseTo(years, 12);
  });
});

describe('shortfallOf and meets', () => {
  it.each<[string, number, TargetValue, TargetDirection, number]>([
    ['higher: below the value falls short', 57, { value: 60 }, 'higher', 3],
    ['higher: above the value is ahead', 62, { value: 60 }, 'higher', -2],
    ['lower: above the value falls short', 14, { value: 12 }, 'lower', 2],
    ['lower: below the value is ahead', 11, { value: 12 }, 'lower', -1],
    ['range: inside is 0', 22, { low: 20, high: 24 }, 'range', 0],
    ['range: above by 1', 25, { low: 20, high: 24 }, 'range', 1],
    ['range: below by 2', 18, { low: 20, high: 24 }, 'range', 2],
    ['range: a single value counts as [v, v]', 21, { value: 22 }, 'range', 1],
    // 0.1 + 0.2 is 0.30000000000000004 in binary: rounding, not a shortfall
    ['rounding of the arithmetic is not a shortfall', 0.1 + 0.2, { value: 0.3 }, 'lower', 0],
  ])('%s', (_name, figure, value, direction, shortfall) => {
    expect(shortfallOf(figure, value, direction)).toBeCloseTo(shortfall, 12);
    expect(meets(figure, value, direction)).toBe(shortfall <= 0);
  });
});

describe('wording values', () => {
  it.each<[string, TargetValue, string]>([
    ['a whole number', { value: 60 }, '60'],
    ['rounded to four places', { value: 1 / 3 }, '0.3333'],
    ['rounding left over from arithmetic', { value: 0.1 + 0.2 }, '0.3'],
    ['a range', { low: 20, high: 24.5 }, '20 to 24.5'],
    ['a range of one value', { low: 20, high: 20 }, '20'],
  ])('%s', (_name, value, words) => {
    expect(describeValue(value, plainNumber)).toBe(words);
  });
});
