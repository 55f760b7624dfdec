/**
 * The line chart's value axis. By default it is a "nice" range around the data (plus any interval
 * and target), not forced to start at zero: performance figures such as a recycling rate that moves
 * between 55% and 61% would otherwise look flat. It never goes below zero when no value does, and
 * `includeZero` gives a zero baseline where the size of a count matters more than its change.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';

const PADDING = 0.05;

export function valueDomain(values: readonly number[], includeZero: boolean): [number, number] {
  if (values.length === 0) return [0, 1];
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (includeZero) {
    min = Math.min(min, 0);
    max = Math.max(max, 0);
  }
  if (min === max) {
    const spread = min === 0 ? 1 : Math.abs(min) * 0.1;
    return nonNegative(values, [min - spread, max + spread]);
  }
  const pad = (max - min) * PADDING;
  return nonNegative(values, [includeZero && min === 0 ? 0 : min - pad, includeZero && max === 0 ? 0 : max + pad]);
}

function nonNegative(values: readonly number[], [lo, hi]: [number, number]): [number, number] {
  return values.every((v) => v >= 0) ? [Math.max(0, lo), hi] : [lo, hi];
}

/** A linear scale over the domain, extended to round tick values. */
export function valueScale(
  values: readonly number[],
  includeZero: boolean,
  range: [number, number],
): ScaleLinear<number, number> {
  return scaleLinear().domain(valueDomain(values, includeZero)).range(range).nice(5);
}
