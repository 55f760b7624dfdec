import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../platform/errors.ts';
import { periodFromKey as p } from '../../periods/index.ts';
import type { TargetValue } from '../plans.types.ts';
import { expectedAt, trajectoryPoints, type TrajectoryInput } from './trajectory.ts';

// Financial years start on 1 April: FY2020 is at 2020.25 years, FY2021 at 2021.25, and so on, a year apart.

/** Higher is better: baseline 50 in 2020/21, milestone 54 in 2022/23, target 60 in 2024/25. */
const climbing: TrajectoryInput = {
  direction: 'higher',
  baseline: { period: p('FY2020'), value: 50 },
  milestones: [{ period: p('FY2022'), value: { value: 54 } }],
  target: { period: p('FY2024'), value: { value: 60 } },
};

const withoutBaseline: TrajectoryInput = { ...climbing, baseline: null };
const targetOnly: TrajectoryInput = { ...climbing, baseline: null, milestones: [] };
const placeholder: TrajectoryInput = { ...climbing, target: { period: p('FY2024'), value: null } };
const placeholderBaselineOnly: TrajectoryInput = { ...placeholder, milestones: [] };

/** A range target: baseline 30 in 2020/21, 20 to 24 by 2024/25. */
const narrowing: TrajectoryInput = {
  direction: 'range',
  baseline: { period: p('FY2020'), value: 30 },
  milestones: [],
  target: { period: p('FY2024'), value: { low: 20, high: 24 } },
};
const narrowingWithRangeMilestone: TrajectoryInput = {
  ...narrowing,
  milestones: [{ period: p('FY2022'), value: { low: 24, high: 28 } }],
};

describe('expectedAt', () => {
  it.each<[string, TrajectoryInput, string, TargetValue | null]>([
    ['on the baseline period: the baseline', climbing, 'FY2020', { value: 50 }],
    // 2021.25 is half way from 2020.25 to 2022.25: 50 + (54 − 50) × 1/2 = 52
    ['between baseline and milestone: the straight line', climbing, 'FY2021', { value: 52 }],
    ['exactly on a milestone: its value', climbing, 'FY2022', { value: 54 }],
    // half way from 54 (2022.25) to 60 (2024.25): 54 + 6 × 1/2 = 57
    ['between milestone and target', climbing, 'FY2023', { value: 57 }],
    ['on the target period: the target', climbing, 'FY2024', { value: 60 }],
    ['after the target period: the target', climbing, 'FY2026', { value: 60 }],
    ['before the baseline: nothing expected', climbing, 'FY2019', null],
    // a quarter starting 1 October 2021 is at 2021.75: 50 + 4 × (1.5 / 2) = 53
    ['a quarter between points, by its start date', climbing, 'FY2021Q3', { value: 53 }],
    // July 2020 is at 2020.5: 50 + 4 × (0.25 / 2) = 50.5
    ['a month between points, by its start date', climbing, 'M2020-07', { value: 50.5 }],
    ['no baseline: nothing expected before the first milestone', withoutBaseline, 'FY2021', null],
    ['no baseline: the first milestone starts the trajectory', withoutBaseline, 'FY2022', { value: 54 }],
    ['no baseline: the line from the first milestone', withoutBaseline, 'FY2023', { value: 57 }],
    ['no baseline, no milestones: nothing before the target', targetOnly, 'FY2023', null],
    ['no baseline, no milestones: the target on its period', targetOnly, 'FY2024', { value: 60 }],
    ['no baseline, no milestones: the target after it', targetOnly, 'FY2025', { value: 60 }],
    ['placeholder: the line to the last milestone', placeholder, 'FY2021', { value: 52 }],
    ['placeholder: the last milestone on its period', placeholder, 'FY2022', { value: 54 }],
    ['placeholder: nothing after the last milestone', placeholder, 'FY2023', null],
    ['placeholder with a baseline only: the baseline on its period', placeholderBaselineOnly, 'FY2020', { value: 50 }],
    ['placeholder with a baseline only: nothing after it', placeholderBaselineOnly, 'FY2021', null],
    // half way: low 30 + (20 − 30) / 2 = 25, high 30 + (24 − 30) / 2 = 27
    ['range from a single baseline: each end on its own line', narrowing, 'FY2022', { low: 25, high: 27 }],
    // a quarter of the way: low 30 − 10 / 4 = 27.5, high 30 − 6 / 4 = 28.5
    ['range a quarter of the way', narrowing, 'FY2021', { low: 27.5, high: 28.5 }],
    ['range after the target: the target range', narrowing, 'FY2025', { low: 20, high: 24 }],
    // half way from [24, 28] to [20, 24]: low 22, high 26
    ['range milestone to range target', narrowingWithRangeMilestone, 'FY2023', { low: 22, high: 26 }],
    ['range milestone on its period', narrowingWithRangeMilestone, 'FY2022', { low: 24, high: 28 }],
  ])('%s', (_name, input, period, expected) => {
    const got = expectedAt(input, p(period));
    if (expected === null) return expect(got).toBeNull();
    expect(got).not.toBeNull();
    if ('value' in expected) {
      expect(got).toHaveProperty('value');
      expect((got as { value: number }).value).toBeCloseTo(expected.value, 9);
    } else {
      const range = got as { low: number; high: number };
      expect(range.low).toBeCloseTo(expected.low, 9);
      expect(range.high).toBeCloseTo(expected.high, 9);
    }
  });
});

describe('trajectoryPoints', () => {
  it.each<[string, TrajectoryInput, [string, string, TargetValue][]]>([
    [
      'baseline, milestones and target in period order',
      climbing,
      [
        ['baseline', 'FY2020', { value: 50 }],
        ['milestone', 'FY2022', { value: 54 }],
        ['target', 'FY2024', { value: 60 }],
      ],
    ],
    [
      'no baseline: starts at the first milestone',
      withoutBaseline,
      [
        ['milestone', 'FY2022', { value: 54 }],
        ['target', 'FY2024', { value: 60 }],
      ],
    ],
    ['no baseline, no milestones: the target alone', targetOnly, [['target', 'FY2024', { value: 60 }]]],
    [
      'placeholder: no point for the target',
      placeholder,
      [
        ['baseline', 'FY2020', { value: 50 }],
        ['milestone', 'FY2022', { value: 54 }],
      ],
    ],
    [
      'range target',
      narrowing,
      [
        ['baseline', 'FY2020', { value: 30 }],
        ['target', 'FY2024', { low: 20, high: 24 }],
      ],
    ],
  ])('%s', (_name, input, expected) => {
    const points = trajectoryPoints(input).map((pt) => [pt.role, pt.period.key, pt.value]);
    expect(points).toEqual(expected);
  });
});

describe('a trajectory that makes no sense is refused, naming the field', () => {
  it.each<[string, TrajectoryInput, string, string]>([
    [
      'milestones out of order',
      {
        ...climbing,
        milestones: [
          { period: p('FY2022'), value: { value: 54 } },
          { period: p('FY2021'), value: { value: 52 } },
        ],
      },
      'milestones[1].period',
      'must be in period order',
    ],
    [
      'a milestone period twice',
      {
        ...climbing,
        milestones: [
          { period: p('FY2022'), value: { value: 54 } },
          { period: p('FY2022'), value: { value: 55 } },
        ],
      },
      'milestones[1].period',
      '2022/23 appears twice',
    ],
    [
      'a milestone on the baseline period',
      { ...climbing, milestones: [{ period: p('FY2020'), value: { value: 51 } }] },
      'milestones[0].period',
      'appears twice (also the baseline)',
    ],
    [
      'a milestone before the baseline',
      { ...climbing, milestones: [{ period: p('FY2019'), value: { value: 51 } }] },
      'milestones[0].period',
      'does not come after the baseline (2020/21)',
    ],
    [
      'a milestone on the target period',
      { ...climbing, milestones: [{ period: p('FY2024'), value: { value: 59 } }] },
      'milestones[0].period',
      'is the target period',
    ],
    [
      'a milestone after the target period',
      { ...climbing, milestones: [{ period: p('FY2025'), value: { value: 61 } }] },
      'milestones[0].period',
      'must come before the target period',
    ],
    [
      'the target before the baseline',
      { ...climbing, milestones: [], target: { period: p('FY2019'), value: { value: 60 } } },
      'target.period',
      'must come after the baseline period',
    ],
    [
      'a target range with its low end above its high end',
      { ...narrowing, target: { period: p('FY2024'), value: { low: 24, high: 20 } } },
      'target.value',
      'the low end (24) is above the high end (20)',
    ],
    [
      'a milestone range with its low end above its high end',
      { ...narrowing, milestones: [{ period: p('FY2022'), value: { low: 28, high: 24 } }] },
      'milestones[0].value',
      'the low end (28) is above the high end (24)',
    ],
    [
      'a range on a higher-is-better target',
      { ...climbing, target: { period: p('FY2024'), value: { low: 58, high: 62 } } },
      'target.value',
      "this target's direction is higher",
    ],
    [
      'a baseline that is not a number',
      { ...climbing, baseline: { period: p('FY2020'), value: Number.NaN } },
      'baseline.value',
      'finite number',
    ],
    [
      'a target value that is not a number',
      { ...climbing, target: { period: p('FY2024'), value: { value: Number.POSITIVE_INFINITY } } },
      'target.value.value',
      'finite number',
    ],
    ['an unknown direction', { ...climbing, direction: 'sideways' as never }, 'direction', 'higher, lower, range'],
  ])('%s', (_name, input, field, reason) => {
    let thrown: unknown;
    try {
      trajectoryPoints(input);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    const error = thrown as ValidationError;
    expect(error.message).toContain(field);
    expect(error.details).toContainEqual(expect.objectContaining({ field, reason: expect.stringContaining(reason) }));
    expect(() => expectedAt(input, p('FY2021'))).toThrow(ValidationError);
  });
});
