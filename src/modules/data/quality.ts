/**
 * Data-quality arithmetic. Pure.
 *
 * Outliers: the robust (modified) z-score of Iglewicz and Hoaglin, 0.6745 × (x − median) ÷ MAD, where
 * MAD is the median absolute deviation; |z| > 3.5 is an outlier. When more than half the values are
 * equal the MAD is 0, and the mean absolute deviation × 1.2533 stands in (as IBM SPSS does); when that
 * is 0 too, nothing is an outlier.
 *
 * Breaks in series: an area's change from the previous period is a break when it is extreme both
 * among every area's changes for the same step (robust z > 3.5) and for the area itself (more than
 * 3 × the median size of its own earlier changes; any change at all after a flat history). An area
 * with no earlier changes is judged by the first test alone.
 */

export const OUTLIER_THRESHOLD = 3.5;
export const OWN_CHANGE_MULTIPLE = 3;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Robust z-scores, in the order of `values`. */
export function robustZScores(values: readonly number[]): number[] {
  const m = median(values);
  if (m === null) return [];
  const mad = median(values.map((v) => Math.abs(v - m)))!;
  if (mad > 0) return values.map((v) => (0.6745 * (v - m)) / mad);
  const meanAd = values.reduce((s, v) => s + Math.abs(v - m), 0) / values.length;
  if (meanAd === 0) return values.map(() => 0);
  return values.map((v) => (v - m) / (1.253314 * meanAd));
}

export interface AreaValue {
  areaCode: string;
  value: number;
}

export interface Outlier extends AreaValue {
  /** the robust z-score */
  score: number;
}

/** Values whose robust z-score is beyond ±3.5, the most extreme first. */
export function findOutliers(points: readonly AreaValue[], threshold = OUTLIER_THRESHOLD): Outlier[] {
  const scores = robustZScores(points.map((p) => p.value));
  return points
    .map((p, i) => ({ ...p, score: scores[i]! }))
    .filter((p) => Math.abs(p.score) > threshold)
    .sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || (a.areaCode < b.areaCode ? -1 : 1));
}

export interface AreaSeries {
  areaCode: string;
  /** values in consecutive periods, oldest first, the assessed period last; null where missing */
  values: readonly (number | null)[];
}

export interface SeriesBreak {
  areaCode: string;
  previousValue: number;
  value: number;
  change: number;
  /** robust z-score of the change among every area's changes */
  score: number;
}

/** Areas whose latest step is extreme for the group and for themselves (see the file comment). */
export function findBreaks(series: readonly AreaSeries[], threshold = OUTLIER_THRESHOLD): SeriesBreak[] {
  const steps = series.flatMap((s) => {
    const value = s.values.at(-1);
    const previousValue = s.values.at(-2);
    return value == null || previousValue == null ? [] : [{ s, value, previousValue, change: value - previousValue }];
  });
  const scores = robustZScores(steps.map((x) => x.change));
  return steps
    .map((x, i) => ({ ...x, score: scores[i]! }))
    .filter((x) => Math.abs(x.score) > threshold && extremeForArea(x.s.values.slice(0, -1), x.change))
    .map((x) => ({ areaCode: x.s.areaCode, previousValue: x.previousValue, value: x.value, change: x.change, score: x.score }))
    .sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || (a.areaCode < b.areaCode ? -1 : 1));
}

function extremeForArea(history: readonly (number | null)[], change: number): boolean {
  const own: number[] = [];
  for (let i = 1; i < history.length; i++) {
    const a = history[i - 1];
    const b = history[i];
    if (a != null && b != null) own.push(Math.abs(b - a));
  }
  if (own.length === 0) return true;
  const typical = median(own)!;
  return typical === 0 ? change !== 0 : Math.abs(change) > OWN_CHANGE_MULTIPLE * typical;
}

/** Whole days from one YYYY-MM-DD date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}
