/**
 * Comparing two figures of one indicator in its direction. A change counts only when it is more than
 * the rounding of the published figures (half a unit of the last decimal place), or, when both figures
 * carry a confidence interval, only when the intervals do not overlap: a change inside the noise is no
 * change.
 */
import type { Polarity, SeriesPoint } from '../improvement.types.ts';

/** How much worse `to` is than `from` in the indicator's direction (negative: better); null without polarity. */
export function worseBy(polarity: Polarity, from: number, to: number): number | null {
  if (polarity === 'higher_is_better') return from - to;
  if (polarity === 'lower_is_better') return to - from;
  return null;
}

/** Half a unit of the last published decimal place: differences up to this are rounding. */
export function roundingOf(decimalPlaces: number): number {
  return 0.5 * 10 ** -decimalPlaces;
}

/** Float noise below this fraction of the numbers compared is no difference. */
const NOISE = 1e-9;

function beyond(difference: number, threshold: number, ...scale: number[]): boolean {
  return difference - threshold > NOISE * Math.max(1, ...scale.map(Math.abs));
}

export type ChangeTest = 'intervals' | 'rounding' | 'margin';

export interface Change {
  /** latest − previous */
  change: number;
  /** how much worse (negative: better); null without polarity */
  worseBy: number | null;
  /** the test the change was judged by */
  test: ChangeTest;
  /** worse beyond the test */
  worse: boolean;
  /** better beyond the test */
  better: boolean;
}

function hasInterval(p: SeriesPoint): p is SeriesPoint & { ciLower: number; ciUpper: number } {
  return p.ciLower !== null && p.ciUpper !== null;
}

/**
 * Whether `latest` is worse (or better) than `previous` beyond the noise: the intervals when both have
 * them (worse when they do not overlap), else beyond `margin` when one is given, else beyond rounding.
 */
export function judgeChange(
  polarity: Polarity,
  previous: SeriesPoint,
  latest: SeriesPoint,
  decimalPlaces: number,
  margin?: number,
): Change {
  const change = latest.value - previous.value;
  const worse = worseBy(polarity, previous.value, latest.value);
  if (worse === null) return { change, worseBy: null, test: 'rounding', worse: false, better: false };
  if (hasInterval(previous) && hasInterval(latest)) {
    const apart = latest.ciUpper < previous.ciLower || latest.ciLower > previous.ciUpper;
    return { change, worseBy: worse, test: 'intervals', worse: apart && worse > 0, better: apart && worse < 0 };
  }
  const threshold = margin ?? roundingOf(decimalPlaces);
  return {
    change,
    worseBy: worse,
    test: margin === undefined ? 'rounding' : 'margin',
    worse: beyond(worse, threshold, previous.value, latest.value),
    better: beyond(-worse, threshold, previous.value, latest.value),
  };
}

/** Is `value` worse than `reference` beyond rounding, in the indicator's direction? */
export function worseThan(polarity: Polarity, value: number, reference: number, decimalPlaces: number): boolean {
  const worse = worseBy(polarity, reference, value);
  return worse !== null && beyond(worse, roundingOf(decimalPlaces), value, reference);
}

/** The median of some numbers (null for none). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
