import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../platform/errors.ts';
import { periodFromKey as p } from '../../periods/index.ts';
import type { Status, StatusInput, TargetValue } from '../plans.types.ts';
import { judgeStatus } from './status.ts';

// Financial years start on 1 April and are a year apart, so a figure half way between two points of
// the trajectory is expected to be half way between their values.

type Figures = [string, number | null][];
const actuals = (figures: Figures): StatusInput['actuals'] => figures.map(([key, value]) => ({ period: p(key), value }));
const absolute = (tolerance: number) => ({ tolerance, toleranceKind: 'absolute' as const });
const percent = (tolerance: number) => ({ tolerance, toleranceKind: 'percent' as const });

/** Higher is better: baseline 50 in 2020/21, milestone 54 in 2022/23, target 60 in 2024/25, tolerance 1. */
const climbing: StatusInput = {
  direction: 'higher',
  baseline: { period: p('FY2020'), value: 50 },
  milestones: [{ period: p('FY2022'), value: { value: 54 } }],
  target: { period: p('FY2024'), value: { value: 60 } },
  actuals: [],
  rule: absolute(1),
};
/** Lower is better: baseline 20 in 2020/21, target 12 in 2024/25, no milestones, tolerance 1. */
const falling: StatusInput = {
  direction: 'lower',
  baseline: { period: p('FY2020'), value: 20 },
  milestones: [],
  target: { period: p('FY2024'), value: { value: 12 } },
  actuals: [],
  rule: absolute(1),
};
/** A range: baseline 30 in 2020/21, 20 to 24 by 2024/25, tolerance 1. */
const narrowing: StatusInput = {
  direction: 'range',
  baseline: { period: p('FY2020'), value: 30 },
  milestones: [],
  target: { period: p('FY2024'), value: { low: 20, high: 24 } },
  actuals: [],
  rule: absolute(1),
};
const withoutBaseline: StatusInput = { ...climbing, baseline: null };
const targetOnly: StatusInput = { ...climbing, baseline: null, milestones: [] };
const placeholder: StatusInput = { ...climbing, milestones: [], target: { period: p('FY2024'), value: null } };
const placeholderWithMilestone: StatusInput = { ...climbing, target: { period: p('FY2024'), value: null } };

interface Row {
  input: StatusInput;
  figures: Figures;
  rule?: StatusInput['rule'];
  status: Status;
  period: string | null;
  expected: TargetValue | null;
  targetMet?: boolean;
}

const rows: Record<string, Row> = {
  // climbing: expected 54 in FY2022 (milestone), 52 in FY2021, 57 in FY2023, 60 from FY2024
  'exactly on a milestone': {
    input: climbing,
    figures: [['FY2022', 54]],
    status: 'on_track',
    period: 'FY2022',
    expected: { value: 54 },
  },
  'ahead of the line between baseline and milestone (53 ≥ 52)': {
    input: climbing,
    figures: [['FY2021', 53]],
    status: 'on_track',
    period: 'FY2021',
    expected: { value: 52 },
  },
  'between milestones, 0.5 short of 57: at risk': {
    input: climbing,
    figures: [['FY2023', 56.5]],
    status: 'at_risk',
    period: 'FY2023',
    expected: { value: 57 },
  },
  'short by exactly the tolerance (57 − 56 = 1): at risk': {
    input: climbing,
    figures: [['FY2023', 56]],
    status: 'at_risk',
    period: 'FY2023',
    expected: { value: 57 },
  },
  'short by more than the tolerance (57 − 55.5 = 1.5): off track': {
    input: climbing,
    figures: [['FY2023', 55.5]],
    status: 'off_track',
    period: 'FY2023',
    expected: { value: 57 },
  },
  'target already met, well ahead of the trajectory (61 ≥ 60)': {
    input: climbing,
    figures: [['FY2021', 61]],
    status: 'on_track',
    period: 'FY2021',
    expected: { value: 52 },
    targetMet: true,
  },
  'target met exactly (60)': {
    input: climbing,
    figures: [['FY2023', 60]],
    status: 'on_track',
    period: 'FY2023',
    expected: { value: 57 },
    targetMet: true,
  },
  'after the target date, 0.5 short of 60: at risk': {
    input: climbing,
    figures: [['FY2025', 59.5]],
    status: 'at_risk',
    period: 'FY2025',
    expected: { value: 60 },
  },
  'after the target date, 2 short of 60: off track': {
    input: climbing,
    figures: [['FY2025', 58]],
    status: 'off_track',
    period: 'FY2025',
    expected: { value: 60 },
  },
  'the latest figure is judged, not an earlier one': {
    input: climbing,
    figures: [
      ['FY2021', 40],
      ['FY2022', 54],
    ],
    status: 'on_track',
    period: 'FY2022',
    expected: { value: 54 },
  },
  'figures in any order: the latest by period (57 − 55 = 2 short)': {
    input: climbing,
    figures: [
      ['FY2023', 55],
      ['FY2021', 53],
    ],
    status: 'off_track',
    period: 'FY2023',
    expected: { value: 57 },
  },
  'a gap (null) in the latest period: the latest with a figure': {
    input: climbing,
    figures: [
      ['FY2022', 54],
      ['FY2023', null],
    ],
    status: 'on_track',
    period: 'FY2022',
    expected: { value: 54 },
  },
  'figures before the baseline are not judged, even one that meets the target': {
    input: climbing,
    figures: [
      ['FY2019', 70],
      ['FY2020', 49],
    ],
    status: 'at_risk',
    period: 'FY2020',
    expected: { value: 50 },
  },
  'only figures before the baseline: no data': {
    input: climbing,
    figures: [['FY2019', 70]],
    status: 'no_data',
    period: null,
    expected: null,
  },
  'no figures: no data': { input: climbing, figures: [], status: 'no_data', period: null, expected: null },
  'only gaps: no data': { input: climbing, figures: [['FY2022', null]], status: 'no_data', period: null, expected: null },
  'tolerance 0: any shortfall is off track (57 − 56.9 = 0.1)': {
    input: climbing,
    figures: [['FY2023', 56.9]],
    rule: absolute(0),
    status: 'off_track',
    period: 'FY2023',
    expected: { value: 57 },
  },
  'tolerance 0: exactly on the trajectory is on track': {
    input: climbing,
    figures: [['FY2023', 57]],
    rule: absolute(0),
    status: 'on_track',
    period: 'FY2023',
    expected: { value: 57 },
  },
  'percent tolerance: 2% of 57 is 1.14, a shortfall of 1 is at risk': {
    input: climbing,
    figures: [['FY2023', 56]],
    rule: percent(2),
    status: 'at_risk',
    period: 'FY2023',
    expected: { value: 57 },
  },
  'percent tolerance: 2% of 57 is 1.14, a shortfall of 1.2 is off track': {
    input: climbing,
    figures: [['FY2023', 55.8]],
    rule: percent(2),
    status: 'off_track',
    period: 'FY2023',
    expected: { value: 57 },
  },
  'percent tolerance of 100: anything short of 57 by up to 57 is at risk': {
    input: climbing,
    figures: [['FY2023', 0.5]],
    rule: percent(100),
    status: 'at_risk',
    period: 'FY2023',
    expected: { value: 57 },
  },
  // falling: expected 16 in FY2022 (half way from 20 to 12)
  'lower is better: below the trajectory (15 ≤ 16) is on track': {
    input: falling,
    figures: [['FY2022', 15]],
    status: 'on_track',
    period: 'FY2022',
    expected: { value: 16 },
  },
  'lower is better: 0.8 above 16 is at risk': {
    input: falling,
    figures: [['FY2022', 16.8]],
    status: 'at_risk',
    period: 'FY2022',
    expected: { value: 16 },
  },
  'lower is better: 1.5 above 16 is off track': {
    input: falling,
    figures: [['FY2022', 17.5]],
    status: 'off_track',
    period: 'FY2022',
    expected: { value: 16 },
  },
  'lower is better: 5% of 16 is 0.8, exactly 0.8 above is at risk': {
    input: falling,
    figures: [['FY2022', 16.8]],
    rule: percent(5),
    status: 'at_risk',
    period: 'FY2022',
    expected: { value: 16 },
  },
  'lower is better: target already met (11 ≤ 12)': {
    input: falling,
    figures: [['FY2022', 11]],
    status: 'on_track',
    period: 'FY2022',
    expected: { value: 16 },
    targetMet: true,
  },
  'lower is better: target met exactly after the target date': {
    input: falling,
    figures: [['FY2025', 12]],
    status: 'on_track',
    period: 'FY2025',
    expected: { value: 12 },
    targetMet: true,
  },
  // narrowing: expected [25, 27] in FY2022 (each end half way), [20, 24] from FY2024
  'range: inside the expected range': {
    input: narrowing,
    figures: [['FY2022', 26]],
    status: 'on_track',
    period: 'FY2022',
    expected: { low: 25, high: 27 },
  },
  'range: 0.5 above the expected range is at risk': {
    input: narrowing,
    figures: [['FY2022', 27.5]],
    status: 'at_risk',
    period: 'FY2022',
    expected: { low: 25, high: 27 },
  },
  'range: 0.5 below the expected range is at risk': {
    input: narrowing,
    figures: [['FY2022', 24.5]],
    status: 'at_risk',
    period: 'FY2022',
    expected: { low: 25, high: 27 },
  },
  'range: 1.5 above the expected range is off track': {
    input: narrowing,
    figures: [['FY2022', 28.5]],
    status: 'off_track',
    period: 'FY2022',
    expected: { low: 25, high: 27 },
  },
  'range: inside the final target range already': {
    input: narrowing,
    figures: [['FY2022', 22]],
    status: 'on_track',
    period: 'FY2022',
    expected: { low: 25, high: 27 },
    targetMet: true,
  },
  'range: after the target date, 1 above the target range is at risk': {
    input: narrowing,
    figures: [['FY2025', 25]],
    status: 'at_risk',
    period: 'FY2025',
    expected: { low: 20, high: 24 },
  },
  'range: after the target date, 2 below the target range is off track': {
    input: narrowing,
    figures: [['FY2025', 18]],
    status: 'off_track',
    period: 'FY2025',
    expected: { low: 20, high: 24 },
  },
  'range: 10% of the middle of [25, 27] is 2.6, 2.5 outside is at risk': {
    input: narrowing,
    figures: [['FY2022', 29.5]],
    rule: percent(10),
    status: 'at_risk',
    period: 'FY2022',
    expected: { low: 25, high: 27 },
  },
  'range: 10% of the middle of [25, 27] is 2.6, 2.7 outside is off track': {
    input: narrowing,
    figures: [['FY2022', 29.7]],
    rule: percent(10),
    status: 'off_track',
    period: 'FY2022',
    expected: { low: 25, high: 27 },
  },
  // the range target 22 exactly: expected 26 in FY2022 (half way from 30)
  'range with a single target value: 0.5 from the expected 26 is at risk': {
    input: { ...narrowing, target: { period: p('FY2024'), value: { value: 22 } } },
    figures: [['FY2022', 26.5]],
    status: 'at_risk',
    period: 'FY2022',
    expected: { value: 26 },
  },
  'no baseline: nothing expected before the first milestone': {
    input: withoutBaseline,
    figures: [['FY2021', 50]],
    status: 'no_data',
    period: 'FY2021',
    expected: null,
  },
  'no baseline: target already met before the trajectory starts': {
    input: withoutBaseline,
    figures: [['FY2021', 61]],
    status: 'on_track',
    period: 'FY2021',
    expected: null,
    targetMet: true,
  },
  'no baseline: judged against the line from the first milestone': {
    input: withoutBaseline,
    figures: [['FY2023', 56.5]],
    status: 'at_risk',
    period: 'FY2023',
    expected: { value: 57 },
  },
  'no baseline, no milestones: nothing expected before the target period': {
    input: targetOnly,
    figures: [['FY2023', 55]],
    status: 'no_data',
    period: 'FY2023',
    expected: null,
  },
  'no baseline, no milestones: judged against the target on its period': {
    input: targetOnly,
    figures: [['FY2024', 59]],
    status: 'at_risk',
    period: 'FY2024',
    expected: { value: 60 },
  },
  'placeholder with no milestones: no data': {
    input: placeholder,
    figures: [['FY2022', 52]],
    status: 'no_data',
    period: 'FY2022',
    expected: null,
  },
  'placeholder with no milestones, figure on the baseline period: no data': {
    input: placeholder,
    figures: [['FY2020', 50]],
    status: 'no_data',
    period: 'FY2020',
    expected: null,
  },
  'placeholder with a milestone: judged on the line to it (52 − 51 = 1)': {
    input: placeholderWithMilestone,
    figures: [['FY2021', 51]],
    status: 'at_risk',
    period: 'FY2021',
    expected: { value: 52 },
  },
  'placeholder after its last milestone: no data': {
    input: placeholderWithMilestone,
    figures: [['FY2023', 58]],
    status: 'no_data',
    period: 'FY2023',
    expected: null,
  },
};

describe('judgeStatus', () => {
  it.each(Object.entries(rows))('%s', (_name, row) => {
    const input = { ...row.input, actuals: actuals(row.figures), rule: row.rule ?? row.input.rule };
    const judged = judgeStatus(input);
    expect(judged.status).toBe(row.status);
    expect(judged.period).toBe(row.period);
    const figure = row.figures.find(([key]) => key === row.period)?.[1] ?? null;
    expect(judged.actual).toBe(figure);
    expect(judged.targetMet).toBe(row.targetMet ?? false);
    if (row.expected === null) expect(judged.expected).toBeNull();
    else if ('value' in row.expected) expect((judged.expected as { value: number }).value).toBeCloseTo(row.expected.value, 9);
    else {
      expect((judged.expected as { low: number }).low).toBeCloseTo(row.expected.low, 9);
      expect((judged.expected as { high: number }).high).toBeCloseTo(row.expected.high, 9);
    }
    expect(judged.reason).toMatch(/^[A-Z0-9][^.]*(\.\d[^.]*)*\.$/);
    if (judged.period) expect(judged.reason).toContain(p(judged.period).label);
    if (judged.status !== 'no_data') expect(judged.reason).toContain('tolerance');
  });
});

describe('the reason, in one sentence', () => {
  const pct = (v: number) => `${v.toFixed(1)}%`;
  it.each<[string, StatusInput, Figures, ((v: number) => string) | undefined, string]>([
    [
      'at risk, with the indicator format',
      climbing,
      [['FY2023', 56.5]],
      pct,
      '56.5% in 2023/24 against an expected 57.0%: 0.5% behind the trajectory, within a tolerance of 1.0%.',
    ],
    [
      'off track, plain numbers',
      climbing,
      [['FY2023', 55.5]],
      undefined,
      '55.5 in 2023/24 against an expected 57: 1.5 behind the trajectory, beyond a tolerance of 1.',
    ],
    [
      'on track',
      climbing,
      [['FY2021', 53]],
      pct,
      '53.0% in 2021/22 against an expected 52.0%: on or ahead of the trajectory, with a tolerance of 1.0%.',
    ],
    [
      'percent tolerance',
      { ...climbing, rule: percent(2) },
      [['FY2023', 56]],
      pct,
      // 2% of 57 = 1.14, shown as 1.1%
      '56.0% in 2023/24 against an expected 57.0%: 1.0% behind the trajectory, within a tolerance of 2% of the expected value (1.1%).',
    ],
    [
      'target met',
      climbing,
      [['FY2021', 61]],
      pct,
      '61.0% in 2021/22 has met the final target of 60.0% for 2024/25; the trajectory expected 52.0%, with a tolerance of 1.0%.',
    ],
    [
      'range',
      narrowing,
      [['FY2022', 27.5]],
      undefined,
      '27.5 in 2022/23 against an expected range of 25 to 27: 0.5 outside the expected range, within a tolerance of 1.',
    ],
    ['no figures', climbing, [], undefined, 'No figure has been published for this target yet.'],
    [
      'only figures before the baseline',
      climbing,
      [['FY2019', 70]],
      undefined,
      'No figure has been published since the baseline in 2020/21; the latest, 70 in 2019/20, is from before it.',
    ],
    [
      'placeholder target',
      placeholder,
      [['FY2022', 52]],
      pct,
      '52.0% in 2022/23: no target value set yet, so there is nothing to judge it against.',
    ],
    [
      'nothing expected yet',
      withoutBaseline,
      [['FY2021', 50]],
      pct,
      '50.0% in 2021/22: nothing expected before 2022/23, where the trajectory starts.',
    ],
    [
      'placeholder after its last milestone',
      placeholderWithMilestone,
      [['FY2023', 58]],
      undefined,
      '58 in 2023/24: no target value set yet beyond the milestone of 54 for 2022/23.',
    ],
  ])('%s', (_name, input, figures, format, reason) => {
    expect(judgeStatus({ ...input, actuals: actuals(figures), format }).reason).toBe(reason);
  });

  const points = (v: number) => `${v.toFixed(1)} percentage points`;
  it.each<[string, StatusInput, Figures, string]>([
    [
      'a shortfall and tolerance in percentage points',
      climbing,
      [['FY2023', 56.5]],
      '56.5% in 2023/24 against an expected 57.0%: 0.5 percentage points behind the trajectory, within a tolerance of 1.0 percentage points.',
    ],
    [
      'a percent tolerance worked out in percentage points',
      { ...climbing, rule: percent(2) },
      [['FY2023', 56]],
      '56.0% in 2023/24 against an expected 57.0%: 1.0 percentage points behind the trajectory, within a tolerance of 2% of the expected value (1.1 percentage points).',
    ],
  ])('%s', (_name, input, figures, reason) => {
    expect(judgeStatus({ ...input, actuals: actuals(figures), format: pct, differenceFormat: points }).reason).toBe(reason);
  });
});

describe('input that makes no sense is refused, naming the field', () => {
  it.each<[string, StatusInput, string]>([
    ['a negative tolerance', { ...climbing, rule: absolute(-1) }, 'rule.tolerance'],
    ['a percentage tolerance over 100', { ...climbing, rule: percent(101) }, 'rule.tolerance'],
    ['a tolerance that is not a number', { ...climbing, rule: absolute(Number.NaN) }, 'rule.tolerance'],
    [
      'an unknown tolerance kind',
      { ...climbing, rule: { tolerance: 1, toleranceKind: 'points' as never } },
      'rule.toleranceKind',
    ],
    [
      'a range with its low end above its high end',
      { ...narrowing, target: { period: p('FY2024'), value: { low: 24, high: 20 } } },
      'target.value',
    ],
    [
      'milestones out of order',
      {
        ...climbing,
        milestones: [
          { period: p('FY2023'), value: { value: 57 } },
          { period: p('FY2022'), value: { value: 54 } },
        ],
      },
      'milestones[1].period',
    ],
    [
      'a milestone period twice',
      {
        ...climbing,
        milestones: [
          { period: p('FY2022'), value: { value: 54 } },
          { period: p('FY2022'), value: { value: 54 } },
        ],
      },
      'milestones[1].period',
    ],
    [
      'a published period twice',
      {
        ...climbing,
        actuals: actuals([
          ['FY2022', 54],
          ['FY2022', 55],
        ]),
      },
      'actuals[1].period',
    ],
    ['a figure that is not a number', { ...climbing, actuals: actuals([['FY2022', Number.NaN]]) }, 'actuals[0].value'],
  ])('%s', (_name, input, field) => {
    let thrown: unknown;
    try {
      judgeStatus(input);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).message).toContain(field);
    expect((thrown as ValidationError).details.map((d) => d.field)).toContain(field);
  });
});
