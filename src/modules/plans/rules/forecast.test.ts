import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../platform/errors.ts';
import { periodFromKey as p } from '../../periods/index.ts';
import type { TargetDirection, TargetValue } from '../plans.types.ts';
import { forecastTo, type ForecastInput } from './forecast.ts';

// Financial years start on 1 April and are a year apart, so x counts years from any one of them.

type Figures = [string, number | null][];
const actuals = (figures: Figures): ForecastInput['actuals'] => figures.map(([key, value]) => ({ period: p(key), value }));

interface Row {
  figures: Figures;
  targetPeriod: string;
  direction?: TargetDirection;
  target?: TargetValue | null;
  method: 'linear_trend' | 'none';
  pointsUsed: number;
  value: number | null;
  /** the interval's half-width; null when there is none */
  half: number | null;
  uncertain: boolean;
  meetsTarget: boolean | null;
}

const line: Figures = [
  ['FY2019', 50],
  ['FY2020', 52],
  ['FY2021', 54],
  ['FY2022', 56],
  ['FY2023', 58],
];

const rows: Record<string, Row> = {
  // slope 2 a year; FY2025 is 4 years after the middle (FY2021, mean 54): 54 + 2 × 4 = 62; residuals all 0
  // so the interval is 62 to 62; its half-width 0 is no larger than the change 2 × 2 = 4 from FY2023.
  'a perfect line: a narrow interval, not uncertain': {
    figures: line,
    targetPeriod: 'FY2025',
    target: { value: 60 },
    method: 'linear_trend',
    pointsUsed: 5,
    value: 62,
    half: 0,
    uncertain: false,
    meetsTarget: true,
  },
  // every residual is 0 and the line is flat: a half-width of 0 is no larger than a change of 0
  'a flat perfect line: not uncertain, and meets a target it holds': {
    figures: [
      ['FY2020', 50],
      ['FY2021', 50],
      ['FY2022', 50],
      ['FY2023', 50],
    ],
    targetPeriod: 'FY2025',
    target: { value: 50 },
    method: 'linear_trend',
    pointsUsed: 4,
    value: 50,
    half: 0,
    uncertain: false,
    meetsTarget: true,
  },
  'more than five figures: only the latest five are used': {
    figures: [['FY2015', 100], ['FY2016', 0], ['FY2017', 100], ['FY2018', 0], ...line],
    targetPeriod: 'FY2025',
    target: { value: 60 },
    method: 'linear_trend',
    pointsUsed: 5,
    value: 62,
    half: 0,
    uncertain: false,
    meetsTarget: true,
  },
  // gaps keep their place in time: 50, 54, 58 at x = 0, 2, 4 is slope 2, so 62 at x = 6 (not slope 4 and 66
  // as if the three figures were a year apart); three figures, so uncertain
  'gaps (nulls) are skipped, and time still counts them': {
    figures: [
      ['FY2019', 50],
      ['FY2020', null],
      ['FY2021', 54],
      ['FY2022', null],
      ['FY2023', 58],
    ],
    targetPeriod: 'FY2025',
    target: { value: 60 },
    method: 'linear_trend',
    pointsUsed: 3,
    value: 62,
    half: 0,
    uncertain: true,
    meetsTarget: true,
  },
  // slope (53 − 50) / 1 = 3; FY2025 is 2 years after FY2023: 53 + 3 × 2 = 59 < 60
  'two figures: the line through them, no interval, uncertain': {
    figures: [
      ['FY2022', 50],
      ['FY2023', 53],
    ],
    targetPeriod: 'FY2025',
    target: { value: 60 },
    method: 'linear_trend',
    pointsUsed: 2,
    value: 59,
    half: null,
    uncertain: true,
    meetsTarget: false,
  },
  // x = −1, 0, 1; mean y 52; Sxx = 2; Sxy = (−1)(−2) + 0 + (1)(1) = 3; slope 1.5.
  // fitted 50.5, 52, 53.5; residuals −0.5, 1, −0.5; SSR 1.5; s = √(1.5 / 1) = 1.2247.
  // FY2025 at x = 3: 52 + 1.5 × 3 = 56.5; half-width 3.078 × 1.2247 × √(1 + 1/3 + 9/2) = 3.078 × 1.2247 × 2.4152 = 9.1048
  'three figures: an interval from t with 1 degree of freedom, uncertain': {
    figures: [
      ['FY2021', 50],
      ['FY2022', 53],
      ['FY2023', 53],
    ],
    targetPeriod: 'FY2025',
    target: { value: 60 },
    method: 'linear_trend',
    pointsUsed: 3,
    value: 56.5,
    half: 9.1048,
    uncertain: true,
    meetsTarget: false,
  },
  // x = −1.5, −0.5, 0.5, 1.5; mean y 43; Sxx 5; Sxy = 4.5 + 0.4 + 0.4 + 4.5 = 9.8; slope 1.96.
  // fitted 40.06, 42.02, 43.98, 45.94; residuals −0.06, 0.18, −0.18, 0.06; SSR 0.072; s = √(0.072 / 2) = 0.18974.
  // FY2026 at x = 4.5: 43 + 1.96 × 4.5 = 51.82; half-width 1.886 × 0.18974 × √(1 + 1/4 + 20.25/5) = 0.82382.
  // the line's change from FY2023 to FY2026 is 1.96 × 3 = 5.88, larger than 0.82: not uncertain
  'four figures close to a line: not uncertain': {
    figures: [
      ['FY2020', 40],
      ['FY2021', 42.2],
      ['FY2022', 43.8],
      ['FY2023', 46],
    ],
    targetPeriod: 'FY2026',
    target: { value: 50 },
    method: 'linear_trend',
    pointsUsed: 4,
    value: 51.82,
    half: 0.82382,
    uncertain: false,
    meetsTarget: true,
  },
  // x = −2 … 2; mean y 266 / 5 = 53.2; Sxx 10; Sxy = 6.4 − 4.8 + 0 + 3.8 − 2.4 = 3; slope 0.3.
  // fitted 52.6, 52.9, 53.2, 53.5, 53.8; residuals −2.6, 5.1, −4.2, 3.5, −1.8; SSR 65.9; s = √(65.9 / 3) = 4.6869.
  // FY2025 at x = 4: 53.2 + 0.3 × 4 = 54.4; half-width 1.638 × 4.6869 × √(1 + 1/5 + 16/10) = 12.846,
  // larger than the line's change 0.3 × 2 = 0.6 from FY2023: uncertain
  'a noisy series: flagged uncertain': {
    figures: [
      ['FY2019', 50],
      ['FY2020', 58],
      ['FY2021', 49],
      ['FY2022', 57],
      ['FY2023', 52],
    ],
    targetPeriod: 'FY2025',
    target: { value: 60 },
    method: 'linear_trend',
    pointsUsed: 5,
    value: 54.4,
    half: 12.846,
    uncertain: true,
    meetsTarget: false,
  },
  // 20, 19, 18: slope −1; FY2025 is 3 years after the middle FY2022 (19): 19 − 3 = 16
  'lower is better: 16 does not meet 15': {
    figures: [
      ['FY2021', 20],
      ['FY2022', 19],
      ['FY2023', 18],
    ],
    targetPeriod: 'FY2025',
    direction: 'lower',
    target: { value: 15 },
    method: 'linear_trend',
    pointsUsed: 3,
    value: 16,
    half: 0,
    uncertain: true,
    meetsTarget: false,
  },
  'lower is better: 16 meets 16 exactly': {
    figures: [
      ['FY2021', 20],
      ['FY2022', 19],
      ['FY2023', 18],
    ],
    targetPeriod: 'FY2025',
    direction: 'lower',
    target: { value: 16 },
    method: 'linear_trend',
    pointsUsed: 3,
    value: 16,
    half: 0,
    uncertain: true,
    meetsTarget: true,
  },
  'range: 16 is inside 15 to 17': {
    figures: [
      ['FY2021', 20],
      ['FY2022', 19],
      ['FY2023', 18],
    ],
    targetPeriod: 'FY2025',
    direction: 'range',
    target: { low: 15, high: 17 },
    method: 'linear_trend',
    pointsUsed: 3,
    value: 16,
    half: 0,
    uncertain: true,
    meetsTarget: true,
  },
  'range: 16 is outside 10 to 12': {
    figures: [
      ['FY2021', 20],
      ['FY2022', 19],
      ['FY2023', 18],
    ],
    targetPeriod: 'FY2025',
    direction: 'range',
    target: { low: 10, high: 12 },
    method: 'linear_trend',
    pointsUsed: 3,
    value: 16,
    half: 0,
    uncertain: true,
    meetsTarget: false,
  },
  'a placeholder target: the forecast, but no answer to whether it meets it': {
    figures: line,
    targetPeriod: 'FY2025',
    target: null,
    method: 'linear_trend',
    pointsUsed: 5,
    value: 62,
    half: 0,
    uncertain: false,
    meetsTarget: null,
  },
  // the latest figure is a financial year, so the month is not part of the series: 50, 52, 54 → 58 in FY2025
  "only the series' own period type is used": {
    figures: [
      ['M2021-06', 999],
      ['FY2021', 50],
      ['FY2022', 52],
      ['FY2023', 54],
    ],
    targetPeriod: 'FY2025',
    target: { value: 60 },
    method: 'linear_trend',
    pointsUsed: 3,
    value: 58,
    half: 0,
    uncertain: true,
    meetsTarget: false,
  },
  'a single figure: no forecast': {
    figures: [['FY2023', 50]],
    targetPeriod: 'FY2025',
    target: { value: 60 },
    method: 'none',
    pointsUsed: 1,
    value: null,
    half: null,
    uncertain: true,
    meetsTarget: null,
  },
  'no figures: no forecast': {
    figures: [],
    targetPeriod: 'FY2025',
    method: 'none',
    pointsUsed: 0,
    value: null,
    half: null,
    uncertain: true,
    meetsTarget: null,
  },
  'only gaps: no forecast': {
    figures: [['FY2023', null]],
    targetPeriod: 'FY2025',
    method: 'none',
    pointsUsed: 0,
    value: null,
    half: null,
    uncertain: true,
    meetsTarget: null,
  },
  'the target period is the latest figure’s: nothing to forecast': {
    figures: line,
    targetPeriod: 'FY2023',
    target: { value: 60 },
    method: 'none',
    pointsUsed: 0,
    value: null,
    half: null,
    uncertain: true,
    meetsTarget: null,
  },
  'the target period has passed: nothing to forecast': {
    figures: line,
    targetPeriod: 'FY2021',
    target: { value: 60 },
    method: 'none',
    pointsUsed: 0,
    value: null,
    half: null,
    uncertain: true,
    meetsTarget: null,
  },
};

describe('forecastTo', () => {
  it.each(Object.entries(rows))('%s', (_name, row) => {
    const forecast = forecastTo({
      actuals: actuals(row.figures),
      targetPeriod: p(row.targetPeriod),
      direction: row.direction ?? 'higher',
      target: row.target ?? null,
    });
    expect(forecast.method).toBe(row.method);
    expect(forecast.period).toBe(row.targetPeriod);
    expect(forecast.pointsUsed).toBe(row.pointsUsed);
    expect(forecast.uncertain).toBe(row.uncertain);
    expect(forecast.meetsTarget).toBe(row.meetsTarget);
    if (row.value === null) expect(forecast.value).toBeNull();
    else expect(forecast.value).toBeCloseTo(row.value, 6);
    if (row.half === null) {
      expect(forecast.low).toBeNull();
      expect(forecast.high).toBeNull();
    } else {
      expect(forecast.low).toBeCloseTo(row.value! - row.half, 3);
      expect(forecast.high).toBeCloseTo(row.value! + row.half, 3);
    }
    expect(forecast.explanation).toMatch(/\.$/);
  });
});

describe('the explanation names the method, the periods used and the uncertainty', () => {
  const pct = (v: number) => `${v.toFixed(1)}%`;
  it.each<[string, Figures, string, string[]]>([
    [
      'firm',
      [
        ['FY2020', 40],
        ['FY2021', 42.2],
        ['FY2022', 43.8],
        ['FY2023', 46],
      ],
      'FY2026',
      [
        // 51.82 ± 0.82382 is 50.99618 to 52.64382
        'A least-squares straight line through the 4 latest figures (2020/21, 2021/22, 2022/23 and 2023/24) reaches 51.8% in 2026/27',
        'with an 80% prediction interval of 51.0% to 52.6%',
        "it is not marked uncertain: the interval's half-width (0.8%) is no larger than the change the line predicts from 2023/24 to 2026/27 (5.9%).",
      ],
    ],
    [
      'noisy',
      [
        ['FY2019', 50],
        ['FY2020', 58],
        ['FY2021', 49],
        ['FY2022', 57],
        ['FY2023', 52],
      ],
      'FY2025',
      [
        'through the 5 latest figures (2019/20, 2020/21, 2021/22, 2022/23 and 2023/24) reaches 54.4% in 2025/26',
        "it is uncertain because the interval's half-width (12.8%) is larger than the change the line predicts from 2023/24 to 2025/26 (0.6%).",
      ],
    ],
    [
      'three figures',
      [
        ['FY2021', 50],
        ['FY2022', 53],
        ['FY2023', 53],
      ],
      'FY2025',
      ['it is uncertain because it rests on fewer than four figures.'],
    ],
    [
      'two figures',
      [
        ['FY2022', 50],
        ['FY2023', 53],
      ],
      'FY2025',
      [
        'A straight line through the two latest figures (2022/23 and 2023/24) reaches 59.0% in 2025/26; with only two figures there is no interval, and the forecast is uncertain.',
      ],
    ],
    [
      'one figure',
      [['FY2023', 50]],
      'FY2025',
      ['Only one figure has been published (50.0% for 2023/24); a trend needs at least two.'],
    ],
    ['none', [], 'FY2025', ['No figure has been published yet, so there is no trend to forecast from.']],
    ['passed', line, 'FY2022', ['The target date has passed; the latest figure is 58.0% for 2023/24.']],
  ])('%s', (_name, figures, targetPeriod, parts) => {
    const { explanation } = forecastTo({
      actuals: actuals(figures),
      targetPeriod: p(targetPeriod),
      direction: 'higher',
      target: null,
      format: pct,
    });
    for (const part of parts) expect(explanation).toContain(part);
  });
});

describe('input that makes no sense is refused, naming the field', () => {
  it.each<[string, Partial<ForecastInput>, string]>([
    ['a figure that is not a number', { actuals: actuals([['FY2023', Number.NaN]]) }, 'actuals[0].value'],
    [
      'a period twice',
      {
        actuals: actuals([
          ['FY2023', 50],
          ['FY2023', 51],
        ]),
      },
      'actuals[1].period',
    ],
    ['a range with its low end above its high end', { direction: 'range', target: { low: 5, high: 4 } }, 'target'],
    ['a range on a higher-is-better target', { direction: 'higher', target: { low: 4, high: 5 } }, 'target'],
    ['an unknown direction', { direction: 'up' as never }, 'direction'],
  ])('%s', (_name, change, field) => {
    const input: ForecastInput = {
      actuals: actuals(line),
      targetPeriod: p('FY2025'),
      direction: 'higher',
      target: null,
      ...change,
    };
    let thrown: unknown;
    try {
      forecastTo(input);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect((thrown as ValidationError).details.map((d) => d.field)).toContain(field);
  });
});
