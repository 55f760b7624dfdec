import { describe, expect, it } from 'vitest';
import { positionOf, rankGroup } from './comparators.ts';

const group = { id: 'g', name: 'Group', memberCodes: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] };
const values = (xs: number[]) => xs.map((value, i) => ({ code: group.memberCodes[i]!, value }));

describe('rankGroup and positionOf', () => {
  it.each([
    // higher is better: A is the lowest, so last and in the worst quarter; the bound is the lower quartile
    ['higher_is_better', [10, 20, 30, 40, 50, 60, 70, 80], 'A', { rank: 8, quartile: 4, median: 45, worstQuartileBound: 27.5 }],
    ['higher_is_better', [10, 20, 30, 40, 50, 60, 70, 80], 'H', { rank: 1, quartile: 1 }],
    // lower is better: A is the lowest, so first; the bound is the upper quartile
    ['lower_is_better', [10, 20, 30, 40, 50, 60, 70, 80], 'A', { rank: 1, quartile: 1, worstQuartileBound: 62.5 }],
    // figures equal as published share a rank (and a quarter)
    ['higher_is_better', [10.04, 10.01, 30, 40, 50, 60, 70, 80], 'A', { rank: 7, quartile: 4 }],
    ['higher_is_better', [10.04, 10.01, 30, 40, 50, 60, 70, 80], 'B', { rank: 7, quartile: 4 }],
  ] as const)('%s %j: %s', (polarity, xs, code, expected) => {
    const ranking = rankGroup(values([...xs]), polarity, 1)!;
    expect(positionOf(ranking, group, 'FY2023', code)).toMatchObject({ size: 8, groupId: 'g', period: 'FY2023', ...expected });
  });

  it('gives nothing for an indicator without a direction, a group of fewer than four, or an area without a figure', () => {
    expect(rankGroup(values([1, 2, 3, 4]), 'none', 1)).toBeNull();
    expect(rankGroup(values([1, 2, 3]), 'higher_is_better', 1)).toBeNull();
    expect(positionOf(rankGroup(values([1, 2, 3, 4]), 'higher_is_better', 1)!, group, 'FY2023', 'H')).toBeNull();
  });
});
