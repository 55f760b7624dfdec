/** The period vocabulary (docs/module-contracts.md, "periods"). */

export type PeriodType =
  'financial_year' | 'financial_quarter' | 'month' | 'calendar_year' | 'academic_year' | 'multi_year' | 'day';

export const PERIOD_TYPES: readonly PeriodType[] = [
  'financial_year',
  'financial_quarter',
  'month',
  'calendar_year',
  'academic_year',
  'multi_year',
  'day',
];

/**
 * A period as stored: canonical key (FY2015, FY2022Q3, M2022-05, CY2021, AY2021, CY2014-2016,
 * D2022-06-30), type, first and last day (YYYY-MM-DD, inclusive) and the label people read.
 */
export interface Period {
  key: string;
  type: PeriodType;
  start: string;
  end: string;
  label: string;
}

export type PeriodParse = { ok: true; period: Period } | { ok: false; reason: string };

/** How a type reads in a sentence: "a financial year". */
export const PERIOD_TYPE_NAMES: Record<PeriodType, string> = {
  financial_year: 'a financial year',
  financial_quarter: 'a financial quarter',
  month: 'a month',
  calendar_year: 'a calendar year',
  academic_year: 'an academic year',
  multi_year: 'a span of years',
  day: 'a single day',
};
