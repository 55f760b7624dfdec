/** periods: reading, naming, ordering and rolling up reporting periods. Pure; no tables. */
export type { Period, PeriodParse, PeriodType } from './period.types.ts';
export { PERIOD_TYPES, PERIOD_TYPE_NAMES } from './period.types.ts';
export { parsePeriod } from './parse-period.ts';
export { MONTH_NAMES, periodFromKey, tryPeriodFromKey } from './period-builders.ts';
export { comparePeriods, nextPeriod, previousPeriod, rollUpPeriod } from './period-arithmetic.ts';
