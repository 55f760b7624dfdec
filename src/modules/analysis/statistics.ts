/**
 * Summary statistics of a comparator group's values. Conventions (see README.md):
 * - median: the middle value, or the mean of the two middle values when the count is even;
 * - MAD: the median of absolute deviations from the median, NOT scaled by 1.4826 (Oflog's convention);
 * - quartiles: linear interpolation between order statistics (R type 7, Excel QUARTILE.INC).
 */

function sorted(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

export function median(values: readonly number[]): number | null {
  const s = sorted(values);
  if (s.length === 0) return null;
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median absolute deviation from the median (unscaled). */
export function medianAbsoluteDeviation(values: readonly number[]): number | null {
  const m = median(values);
  if (m === null) return null;
  return median(values.filter((v) => Number.isFinite(v)).map((v) => Math.abs(v - m)));
}

/** The p-quantile (0 ≤ p ≤ 1) by linear interpolation between order statistics (R type 7). */
export function quantile(values: readonly number[], p: number): number | null {
  const s = sorted(values);
  if (s.length === 0) return null;
  const h = (s.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

export interface Quartiles {
  /** 25th percentile */
  q1: number;
  /** the median */
  q2: number;
  /** 75th percentile */
  q3: number;
}

export function quartiles(values: readonly number[]): Quartiles | null {
  const q1 = quantile(values, 0.25);
  const q2 = quantile(values, 0.5);
  const q3 = quantile(values, 0.75);
  return q1 === null || q2 === null || q3 === null ? null : { q1, q2, q3 };
}

export interface GroupSummary {
  count: number;
  median: number | null;
  mad: number | null;
  quartiles: Quartiles | null;
}

export function summarise(values: readonly number[]): GroupSummary {
  return {
    count: values.filter((v) => Number.isFinite(v)).length,
    median: median(values),
    mad: medianAbsoluteDeviation(values),
    quartiles: quartiles(values),
  };
}
