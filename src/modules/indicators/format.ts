/** Showing a value the way the indicator's definition says: its decimal places and its unit. */
import type { IndicatorDefinition } from './indicator.types.ts';

type Formattable = Pick<IndicatorDefinition, 'unit' | 'unitMultiplier' | 'decimalPlaces'>;

/** One formatter per number of decimal places: building an Intl.NumberFormat is costly. */
const formatters = new Map<number, Intl.NumberFormat>();

/** en-GB grouping at exactly `dp` places; rounds the shortest decimal form, so float noise vanishes. */
export function formatNumber(value: number, dp: number): string {
  let formatter = formatters.get(dp);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-GB', { minimumFractionDigits: dp, maximumFractionDigits: dp, signDisplay: 'negative' });
    formatters.set(dp, formatter);
  }
  return formatter.format(value);
}

export function formatValue(def: Formattable, value: number | null): string {
  if (value === null || !Number.isFinite(value)) return 'no data';
  const dp = def.decimalPlaces;
  const n = formatNumber(value, dp);
  switch (def.unit) {
    case 'percentage':
      return `${n}%`;
    case 'money':
      return n.startsWith('-') ? `-£${n.slice(1)}` : `£${n}`;
    case 'rate':
      return def.unitMultiplier ? `${n} per ${formatNumber(def.unitMultiplier, 0)}` : n;
    case 'days':
      return `${n} ${n === '1' ? 'day' : 'days'}`;
    default:
      return n;
  }
}

/**
 * A difference between two values: as `formatValue`, except that the difference between two
 * percentages is in percentage points ("1.2 percentage points", not "1.2%").
 */
export function formatDifference(def: Formattable, value: number | null): string {
  if (def.unit !== 'percentage' || value === null || !Number.isFinite(value)) return formatValue(def, value);
  const n = formatNumber(value, def.decimalPlaces);
  return `${n} ${n === '1' || n === '-1' ? 'percentage point' : 'percentage points'}`;
}
