import { describe, expect, it } from 'vitest';
import { daysBetween, findBreaks, findOutliers, median, robustZScores } from './quality.ts';

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[-1, -1, 7], -1],
  ])('%j → %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('robustZScores', () => {
  it('scores by the median absolute deviation', () => {
    // median 3, absolute deviations 2,1,0,1,2 → MAD 1
    expect(robustZScores([1, 2, 3, 4, 5])).toEqual([-1.349, -0.6745, 0, 0.6745, 1.349]);
  });

  it('uses the mean absolute deviation when most values are equal', () => {
    const z = robustZScores([10, 10, 10, 10, 20]);
    expect(z.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(z[4]).toBeCloseTo(10 / (1.253314 * 2), 6);
  });

  it('scores all-equal values 0', () => {
    expect(robustZScores([7, 7, 7])).toEqual([0, 0, 0]);
  });
});

describe('findOutliers', () => {
  const area = (values: number[]) => values.map((value, i) => ({ areaCode: `A${i}`, value }));

  it.each([
    ['none in a tight group', [50, 51, 52, 53, 54, 55], []],
    ['a far high value', [50, 51, 52, 53, 54, 95], ['A5']],
    ['a far low value', [50, 51, 52, 53, 54, 2], ['A5']],
    ['both, the most extreme first', [50, 51, 52, 53, 54, 55, 80, 0], ['A7', 'A6']],
    ['nothing in a flat group', [5, 5, 5, 5], []],
  ])('%s', (_what, values, expected) => {
    expect(findOutliers(area(values)).map((o) => o.areaCode)).toEqual(expected);
  });

  it('reports the value and the score', () => {
    const [o] = findOutliers(area([50, 51, 52, 53, 54, 95]));
    expect(o).toMatchObject({ areaCode: 'A5', value: 95 });
    expect(o!.score).toBeGreaterThan(3.5);
  });
});

describe('findBreaks', () => {
  const steady = (code: string, start: number, step: number, last?: number) => ({
    areaCode: code,
    values: [start, start + step, start + 2 * step, last ?? start + 3 * step],
  });

  it('finds a jump extreme for the group and for the area', () => {
    const series = [
      steady('A', 50, 1),
      steady('B', 40, 1.2),
      steady('C', 60, 0.8),
      steady('D', 55, 1.1),
      steady('E', 45, 0.9, 45 + 1.8 + 30),
    ];
    const breaks = findBreaks(series);
    expect(breaks.map((b) => b.areaCode)).toEqual(['E']);
    expect(breaks[0]).toMatchObject({ previousValue: 46.8, value: 76.8 });
    expect(breaks[0]!.change).toBeCloseTo(30, 9);
  });

  it('does not flag an area whose own changes are always large', () => {
    const volatile = { areaCode: 'V', values: [10, 40, 5, 35] };
    const series = [steady('A', 50, 1), steady('B', 40, 1.2), steady('C', 60, 0.8), steady('D', 55, 1.1), volatile];
    expect(findBreaks(series)).toEqual([]);
  });

  it('skips areas missing either period', () => {
    const series = [steady('A', 50, 1), { areaCode: 'M', values: [1, 2, null, 90] }, { areaCode: 'N', values: [1, 2, 3, null] }];
    expect(findBreaks(series)).toEqual([]);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2024-06-30', '2024-06-30', 0],
    ['2024-06-30', '2024-07-02T09:00:00.000Z', 2],
    ['2024-03-01', '2024-02-28', -2],
  ])('%s → %s: %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});
