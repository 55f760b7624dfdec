/**
 * A forecast of a target's figure at its target date, from the recent trend.
 *
 * - Method: a straight line fitted by least squares through the latest figures (up to five) of the
 *   series' period type, gaps skipped, with time as each period's start date in years; the forecast is
 *   the line's value at the start of the target period.
 * - No forecast with fewer than two figures, or when the target period is not after the latest figure
 *   (the target date has passed).
 * - With three or more figures, an 80% prediction interval: the forecast ± t × s × √(1 + 1/n + (x₀ −
 *   x̄)² / Σ(x − x̄)²), where s is the residual standard deviation (n − 2 degrees of freedom) and t the
 *   90th percentile of Student's t.
 * - Uncertain when it rests on fewer than four figures, or when the interval's half-width is larger than
 *   the change the line predicts from the latest figure's period to the target period (the noise is
 *   bigger than the trend).
 * - Whether it would meet the target: higher, at least the target; lower, at most it; range, inside it.
 */
import type { Period } from '../../periods/index.ts';
import { comparePeriods } from '../../periods/index.ts';
import type { Forecast, TargetDirection, TargetValue } from '../plans.types.ts';
import { actualsProblems, assertNoProblems, directionProblems, valueProblems } from './checks.ts';
import { plainNumber, settle, shortfallOf, yearsOf, type ValueFormat } from './values.ts';

export interface ForecastInput {
  /** the published figures of the target's measure, any order; null values are gaps */
  actuals: readonly { period: Period; value: number | null }[];
  targetPeriod: Period;
  direction: TargetDirection;
  /** null for a placeholder target: the forecast is made, whether it meets the target is not known */
  target: TargetValue | null;
  /** how the indicator's values read ("58.4%"); plain numbers when not given */
  format?: ValueFormat;
}

/** The most figures the line is fitted through: the recent trend, not the whole history. */
export const FORECAST_POINTS = 5;

/** Student's t, 90th percentile (a two-sided 80% interval), by degrees of freedom 1–3. */
const T_90: Record<number, number> = { 1: 3.078, 2: 1.886, 3: 1.638 };

interface Figure {
  period: Period;
  value: number;
}

interface Line {
  /** the line's value at `at` years */
  at: (years: number) => number;
  slope: number;
  /** the half-width of the 80% prediction interval at `at` years; null with fewer than 3 figures */
  halfWidth: (years: number) => number | null;
}

function fitLine(figures: Figure[]): Line {
  const xs = figures.map((f) => yearsOf(f.period.start));
  const ys = figures.map((f) => f.value);
  const n = figures.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  const sxy = xs.reduce((sum, x, i) => sum + (x - meanX) * (ys[i]! - meanY), 0);
  const slope = sxy / sxx;
  const at = (x: number) => meanY + slope * (x - meanX);
  const residuals = xs.reduce((sum, x, i) => sum + (ys[i]! - at(x)) ** 2, 0);
  const t = T_90[n - 2];
  const halfWidth = (x: number) =>
    t === undefined ? null : t * Math.sqrt(residuals / (n - 2)) * Math.sqrt(1 + 1 / n + (x - meanX) ** 2 / sxx);
  return { at, slope, halfWidth };
}

function noForecast(input: ForecastInput, explanation: string, pointsUsed: number): Forecast {
  return {
    method: 'none',
    explanation,
    period: input.targetPeriod.key,
    value: null,
    low: null,
    high: null,
    pointsUsed,
    uncertain: true,
    meetsTarget: null,
  };
}

/** The latest figures (up to five) of the latest figure's period type, oldest first. */
function recentFigures(actuals: ForecastInput['actuals']): Figure[] {
  const figures = actuals.filter((a): a is Figure => a.value !== null).sort((a, b) => comparePeriods(a.period, b.period));
  const type = figures[figures.length - 1]?.period.type;
  return figures.filter((f) => f.period.type === type).slice(-FORECAST_POINTS);
}

function listLabels(figures: Figure[]): string {
  const labels = figures.map((f) => f.period.label);
  return labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]!}`;
}

function uncertainty(n: number, half: number | null, change: number, from: string, to: string, format: ValueFormat) {
  const absChange = Math.abs(change);
  const larger = half !== null && settle(half - absChange, half, absChange) > 0;
  if (half === null)
    return { uncertain: true, words: 'with only two figures there is no interval, and the forecast is uncertain' };
  if (n < 4) return { uncertain: true, words: `it is uncertain because it rests on fewer than four figures` };
  const compared = `the interval's half-width (${format(half)}) is ${larger ? 'larger' : 'no larger'} than the change the line predicts from ${from} to ${to} (${format(absChange)})`;
  return larger
    ? { uncertain: true, words: `it is uncertain because ${compared}` }
    : { uncertain: false, words: `it is not marked uncertain: ${compared}` };
}

/** The forecast of the figure at the target period, with its method, interval and uncertainty in words. */
export function forecastTo(input: ForecastInput): Forecast {
  const problems = [...directionProblems(input.direction), ...actualsProblems(input.actuals)];
  if (input.target) problems.push(...valueProblems('target', input.target, input.direction));
  assertNoProblems('The forecast cannot be made', problems);
  const format = input.format ?? plainNumber;
  const figures = recentFigures(input.actuals);
  const latest = figures[figures.length - 1];
  if (!latest) return noForecast(input, 'No figure has been published yet, so there is no trend to forecast from.', 0);
  const latestWords = `${format(latest.value)} for ${latest.period.label}`;
  if (input.targetPeriod.start <= latest.period.start) {
    return noForecast(input, `The target date has passed; the latest figure is ${latestWords}.`, 0);
  }
  if (figures.length < 2) {
    return noForecast(input, `Only one figure has been published (${latestWords}); a trend needs at least two.`, 1);
  }
  const line = fitLine(figures);
  const x0 = yearsOf(input.targetPeriod.start);
  const value = line.at(x0);
  const half = line.halfWidth(x0);
  const change = line.slope * (x0 - yearsOf(latest.period.start));
  const n = figures.length;
  const target = input.targetPeriod.label;
  const { uncertain, words } = uncertainty(n, half, change, latest.period.label, target, format);
  const interval = half === null ? '' : `, with an 80% prediction interval of ${format(value - half)} to ${format(value + half)}`;
  const method =
    n === 2 ? 'A straight line through the two latest figures' : `A least-squares straight line through the ${n} latest figures`;
  return {
    method: 'linear_trend',
    explanation: `${method} (${listLabels(figures)}) reaches ${format(value)} in ${target}${interval}; ${words}.`,
    period: input.targetPeriod.key,
    value,
    low: half === null ? null : value - half,
    high: half === null ? null : value + half,
    pointsUsed: n,
    uncertain,
    meetsTarget: input.target ? shortfallOf(value, input.target, input.direction) <= 0 : null,
  };
}
