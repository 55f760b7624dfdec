/**
 * What the plan rules share: a target value read as a range, how far a figure falls short of a value
 * in a target's direction, time measured in years, and plain wording of values.
 *
 * - A single value v counts as the range [v, v]. Higher is better: the shortfall is low − figure;
 *   lower is better: figure − high; a range: the distance outside [low, high] (0 inside). A shortfall
 *   of 0 or less is on or ahead of the value.
 * - Time runs in months: a date is its year plus (month − 1) / 12 plus the part of its month gone, so
 *   every financial year, quarter and month is the same length and yearly figures are evenly spaced.
 */
import type { TargetDirection, TargetValue } from '../plans.types.ts';

/** How values read in sentences; pages pass the indicator's own formatting ("58.4%"). */
export type ValueFormat = (value: number) => string;

export interface ValueRange {
  low: number;
  high: number;
}

export function asRange(value: TargetValue): ValueRange {
  return 'value' in value ? { low: value.value, high: value.value } : { low: value.low, high: value.high };
}

/** Differences this small (against the size of the numbers) are rounding, not a shortfall. */
const ROUNDING = 1e-9;

/** A difference settled to 0 when it is only the rounding of the arithmetic that produced it. */
export function settle(difference: number, ...scale: number[]): number {
  const size = Math.max(1, ...scale.map(Math.abs));
  return Math.abs(difference) <= ROUNDING * size ? 0 : difference;
}

/** How far `figure` is on the wrong side of `value` in `direction`; 0 or less means on or ahead. */
export function shortfallOf(figure: number, value: TargetValue, direction: TargetDirection): number {
  const { low, high } = asRange(value);
  let shortfall: number;
  if (direction === 'higher') shortfall = low - figure;
  else if (direction === 'lower') shortfall = figure - high;
  else shortfall = figure < low ? low - figure : figure > high ? figure - high : 0;
  return settle(shortfall, figure, low, high);
}

/** Has `figure` met or beaten `value` (inside it, for a range)? */
export function meets(figure: number, value: TargetValue, direction: TargetDirection): boolean {
  return shortfallOf(figure, value, direction) <= 0;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A YYYY-MM-DD date as years: 2021-04-01 → 2021.25, 2021-07-01 → 2021.5. */
export function yearsOf(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return year + (month - 1) / 12 + (day - 1) / (12 * daysInMonth(year, month));
}

/** Plain numbers when no format is given: up to four decimal places, no trailing zeros. */
export const plainNumber: ValueFormat = (value) => String(Number(value.toFixed(4)));

/** "58.4%", or "40% to 45%" for a range. */
export function describeValue(value: TargetValue, format: ValueFormat): string {
  const { low, high } = asRange(value);
  return low === high ? format(low) : `${format(low)} to ${format(high)}`;
}
