import { describe, expect, it } from 'vitest';
import { median, medianAbsoluteDeviation, quantile, quartiles, summarise } from './statistics.ts';

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[1, Number.NaN, 3], 2],
  ])('%j → %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('medianAbsoluteDeviation (unscaled)', () => {
  it.each([
    [[], null],
    [[7], 0],
    [[1, 2, 3, 4, 100], 1], // median 3, deviations 2,1,0,1,97 → 1
    [[7.6, 7.6, 7.7, 7.3, 8.0], 0.1], // median 7.6, deviations 0,0,0.1,0.3,0.4
  ])('%j → %s', (values, expected) => {
    const mad = medianAbsoluteDeviation(values);
    if (expected === null) expect(mad).toBeNull();
    else expect(mad).toBeCloseTo(expected, 12);
  });
});

describe('quantile / quartiles (R type 7)', () => {
  it.each([
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[1, 2, 3, 4, 5], 0.25, 2],
    [[10], 0.75, 10],
    [[], 0.5, null],
  ])('%j at %s → %s', (values, p, expected) => {
    expect(quantile(values, p)).toBe(expected);
  });

  it('gives q1, median and q3', () => {
    expect(quartiles([7, 1, 3, 5, 9])).toEqual({ q1: 3, q2: 5, q3: 7 });
    expect(quartiles([])).toBeNull();
  });

  it('summarises a group', () => {
    expect(summarise([1, 2, 3, 4, 100])).toEqual({ count: 5, median: 3, mad: 1, quartiles: { q1: 2, q2: 3, q3: 4 } });
  });
});
