/**
 * How the rules word what they find: values in the indicator's own units and decimal places, differences
 * between percentages in percentage points, periods by their labels ("2023/24") and dates as people
 * write them ("12 March 2027").
 */
import { formatValue } from '../../indicators/index.ts';
import { MONTH_NAMES, tryPeriodFromKey } from '../../periods/index.ts';
import type { IndicatorFacts } from '../improvement.types.ts';

/** What the wording of a value needs to know about its indicator. */
export type ValueUnits = Pick<IndicatorFacts, 'unit' | 'decimalPlaces' | 'unitMultiplier'>;

function formattable(units: ValueUnits) {
  return { unit: units.unit, decimalPlaces: units.decimalPlaces, unitMultiplier: units.unitMultiplier ?? null };
}

/** "29.4%", "£1,204.50", "12 days", "3.2 per 1,000", "57". */
export function valueWords(units: ValueUnits, value: number): string {
  return formatValue(formattable(units), value);
}

/** A size of difference (never signed): "1.2 percentage points" for percentages, else as a value. */
export function differenceWords(units: ValueUnits, difference: number): string {
  const size = Math.abs(difference);
  if (units.unit !== 'percentage') return valueWords(units, size);
  const n = formatValue({ unit: 'count', decimalPlaces: units.decimalPlaces, unitMultiplier: null }, size);
  return `${n} ${n === '1' ? 'percentage point' : 'percentage points'}`;
}

/** A period key by its label ("FY2023" → "2023/24"); a key that is not one reads as itself. */
export function periodWords(key: string): string {
  return tryPeriodFromKey(key)?.label ?? key;
}

/** An ISO date or instant as a date in words, in UTC: "12 March 2027". */
export function dateWords(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]!} ${d.getUTCFullYear()}`;
}

/** "1 period", "2 periods". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "for 2 years running" for yearly periods, "for 3 quarters running", else "for 2 periods running". */
export function runningWords(n: number, periodKey: string): string {
  const type = tryPeriodFromKey(periodKey)?.type;
  const yearly = type === 'financial_year' || type === 'calendar_year' || type === 'academic_year';
  const unit = yearly ? 'year' : type === 'financial_quarter' ? 'quarter' : type === 'month' ? 'month' : 'period';
  return `for ${plural(n, unit)} running`;
}
