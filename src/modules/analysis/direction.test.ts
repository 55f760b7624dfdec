import { describe, expect, it } from 'vitest';
import { directionOfTravel, intervalsOverlap, noChangeTolerance, type DirectionRule } from './direction.ts';

const higher: DirectionRule = { polarity: 'higher_is_better', decimalPlaces: 1 };
const lower: DirectionRule = { polarity: 'lower_is_better', decimalPlaces: 1 };
const none: DirectionRule = { polarity: 'none', decimalPlaces: 0 };
const range: DirectionRule = { polarity: 'target_range', decimalPlaces: 0, targetRange: { low: 10, high: 20 } };

describe('directionOfTravel', () => {
  it.each([
    ['higher is better, up', 11, 10, higher, 'improving'],
    ['higher is better, down', 9, 10, higher, 'worsening'],
    ['lower is better, up', 11, 10, lower, 'worsening'],
    ['lower is better, down', 9, 10, lower, 'improving'],
    ['within half a unit of the last place', 10.04, 10, higher, 'no_change'],
    ['exactly half a unit', 10.05, 10, higher, 'no_change'],
    ['just over half a unit', 10.06, 10, higher, 'improving'],
    ['no polarity, up', 12, 10, none, 'increasing'],
    ['no polarity, down', 8, 10, none, 'decreasing'],
    ['target range, moving into it', 18, 25, range, 'improving'],
    ['target range, moving out of it', 8, 12, range, 'worsening'],
    ['target range, moving within it', 18, 12, range, 'increasing'],
  ] as const)('%s', (_name, current, previous, rule, expected) => {
    expect(directionOfTravel({ value: current }, { value: previous }, rule).direction).toBe(expected);
  });

  it.each([
    [
      'non-overlapping intervals',
      { value: 60, ciLower: 57, ciUpper: 63 },
      { value: 50, ciLower: 47, ciUpper: 53 },
      true,
      'improving (statistically significant)',
    ],
    [
      'overlapping intervals',
      { value: 52, ciLower: 49, ciUpper: 55 },
      { value: 50, ciLower: 47, ciUpper: 53 },
      false,
      'improving (not statistically significant: the confidence intervals overlap)',
    ],
    ['one interval missing', { value: 52, ciLower: 49, ciUpper: 55 }, { value: 50 }, null, 'improving'],
    ['no change', { value: 50, ciLower: 40, ciUpper: 60 }, { value: 50, ciLower: 70, ciUpper: 80 }, null, 'no change'],
  ] as const)('significance: %s', (_name, current, previous, significant, words) => {
    const d = directionOfTravel(current, previous, { polarity: 'higher_is_better', decimalPlaces: 0 });
    expect(d.significant).toBe(significant);
    expect(d.words).toBe(words);
  });

  it('reports the change', () => {
    expect(directionOfTravel({ value: 7 }, { value: 10 }, none).change).toBe(-3);
  });
});

describe('noChangeTolerance', () => {
  it.each([
    [0, 0.5],
    [1, 0.05],
    [2, 0.005],
  ])('%s dp → %s', (dp, t) => {
    expect(noChangeTolerance(dp)).toBeCloseTo(t, 12);
  });
});

describe('intervalsOverlap', () => {
  it.each([
    [{ low: 1, high: 3 }, { low: 2, high: 4 }, true],
    [{ low: 1, high: 2 }, { low: 2, high: 4 }, true],
    [{ low: 1, high: 2 }, { low: 2.1, high: 4 }, false],
  ])('%j and %j → %s', (a, b, expected) => {
    expect(intervalsOverlap(a, b)).toBe(expected);
  });
});
