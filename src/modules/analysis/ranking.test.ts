import { describe, expect, it } from 'vitest';
import { badness, distanceFromRange, madsFromMedian, quartileOfRank, rankValues, type RankingRule } from './ranking.ts';

const values = (...vs: number[]) => vs.map((value, i) => ({ code: `A${i + 1}`, value }));
const labels = (rule: RankingRule, ...vs: number[]) =>
  Object.fromEntries(rankValues(values(...vs), rule).items.map((r) => [r.code, r.rankLabel]));

describe('rankValues (competition ranking with ties)', () => {
  it.each([
    ['higher is better', { polarity: 'higher_is_better' }, [9, 9, 5, 7], { A1: '1=', A2: '1=', A3: '4', A4: '3' }],
    ['lower is better', { polarity: 'lower_is_better' }, [9, 9, 5, 7], { A1: '3=', A2: '3=', A3: '1', A4: '2' }],
    ['none: highest first', { polarity: 'none' }, [1, 3, 2], { A1: '3', A2: '1', A3: '2' }],
    [
      'target range: distance from the range',
      { polarity: 'target_range', targetRange: { low: 10, high: 20 } },
      [15, 25, 5, 12, 30],
      { A1: '1=', A2: '3=', A3: '3=', A4: '1=', A5: '5' },
    ],
    [
      'ties at the shown decimal places',
      { polarity: 'higher_is_better', decimalPlaces: 1 },
      [5.04, 5.01, 4],
      { A1: '1=', A2: '1=', A3: '3' },
    ],
  ] as const)('%s', (_name, rule, vs, expected) => {
    expect(labels(rule, ...vs)).toEqual(expected);
  });

  it('says whether the order is a judgement', () => {
    expect(rankValues(values(1), { polarity: 'none' }).judged).toBe(false);
    expect(rankValues(values(1), { polarity: 'lower_is_better' }).judged).toBe(true);
    expect(rankValues(values(1), { polarity: 'target_range', targetRange: null }).judged).toBe(false);
  });

  it('gives quartile 1 to the best quarter', () => {
    const r = rankValues(values(1, 2, 3, 4, 5, 6, 7, 8), { polarity: 'lower_is_better' });
    expect(r.items.map((i) => [i.code, i.quartile])).toEqual([
      ['A1', 1],
      ['A2', 1],
      ['A3', 2],
      ['A4', 2],
      ['A5', 3],
      ['A6', 3],
      ['A7', 4],
      ['A8', 4],
    ]);
  });

  it('skips values that are not numbers', () => {
    expect(rankValues([{ code: 'X', value: Number.NaN }], { polarity: 'none' }).items).toEqual([]);
  });
});

describe('quartiles of a group', () => {
  const quartilesOf = (rule: RankingRule, ...vs: number[]) =>
    rankValues(values(...vs), rule).items.map((r) => [r.code, r.quartile]);

  it.each([
    ['one value', [5], [['A1', 1]]],
    [
      'two values',
      [5, 9],
      [
        ['A1', 1],
        ['A2', 3],
      ],
    ],
    [
      'three values',
      [10, 12, 15],
      [
        ['A1', 1],
        ['A2', 2],
        ['A3', 3],
      ],
    ],
    [
      'ties share a quartile',
      [1, 1, 1, 9],
      [
        ['A1', 1],
        ['A2', 1],
        ['A3', 1],
        ['A4', 4],
      ],
    ],
    [
      'fifteen values',
      [...Array(15).keys()].map((i) => i + 1),
      [...Array(15).keys()].map((i) => [`A${i + 1}`, i < 4 ? 1 : i < 8 ? 2 : i < 12 ? 3 : 4]),
    ],
  ] as const)('lower is better: %s', (_name, vs, expected) => {
    expect(quartilesOf({ polarity: 'lower_is_better' }, ...vs)).toEqual(expected);
  });

  it('puts the highest in quartile 1 when higher is better', () => {
    expect(quartilesOf({ polarity: 'higher_is_better' }, 10, 12, 15, 11)).toEqual([
      ['A3', 1],
      ['A2', 2],
      ['A4', 3],
      ['A1', 4],
    ]);
  });
});

describe('quartileOfRank', () => {
  it.each([
    [1, 15, 1],
    [4, 15, 1],
    [5, 15, 2],
    [8, 15, 2],
    [9, 15, 3],
    [12, 15, 3],
    [13, 15, 4],
    [15, 15, 4],
    [1, 1, 1],
    [2, 2, 3],
    [1, 4, 1],
    [4, 4, 4],
    [0, 0, 1],
  ])('rank %s of %s → quartile %s', (rank, n, q) => {
    expect(quartileOfRank(rank, n)).toBe(q);
  });
});

describe('madsFromMedian', () => {
  it.each([
    [12, 10, 2, 'higher_is_better', 1],
    [12, 10, 2, 'lower_is_better', -1],
    [8, 10, 2, 'lower_is_better', 1],
    [12, 10, 2, 'none', 1],
    [10, 10, 0, 'higher_is_better', 0],
    [11, 10, 0, 'higher_is_better', null],
  ] as const)('value %s, median %s, MAD %s, %s → %s', (v, m, mad, polarity, expected) => {
    expect(madsFromMedian(v, m, mad, polarity)).toBe(expected);
  });
});

describe('distanceFromRange and badness', () => {
  it.each([
    [15, 0],
    [10, 0],
    [20, 0],
    [8, 2],
    [23, 3],
  ])('%s is %s from [10, 20]', (v, d) => {
    expect(distanceFromRange(v, { low: 10, high: 20 })).toBe(d);
  });
  it('orders better first', () => {
    expect(badness(3, { polarity: 'higher_is_better' })).toBeLessThan(badness(2, { polarity: 'higher_is_better' }));
    expect(badness(2, { polarity: 'lower_is_better' })).toBeLessThan(badness(3, { polarity: 'lower_is_better' }));
  });
});
