/**
 * Reading a period as real files spell it. Pure.
 *
 * Spellings: financial years 2015/16, 2016-17, 201617, 2015-2016, 2015/2016, FY2015, FY 2015/16;
 * financial quarters 2022/23 Q3, 2022-23 Q3, Q3 2022/23, FY2022Q3; months 2022-05, May 2022, 05/2022;
 * calendar years 2021, CY2021; academic years AY2021/22, 2021/22 academic (or any year pair when an
 * academic year is expected); spans of years 2014-17, 2014-2017, 2014 to 2017; days 2022-06-30,
 * 30/06/2022; and every canonical key.
 *
 * Where a spelling could mean two things the expected type decides; with no expected type a year pair
 * of consecutive years is a financial year, and a truly ambiguous text (2011-12: a financial year or
 * December 2011?) is refused rather than guessed. A text that names another type than the expected
 * one is refused with the reason (a single year is never taken for a financial year).
 */
import {
  academicYear,
  calendarYear,
  day,
  financialQuarter,
  financialYear,
  isValidDate,
  month,
  MONTH_NAMES,
  multiYear,
  tryPeriodFromKey,
  yearInRange,
  yearPairLabel,
} from './period-builders.ts';
import { PERIOD_TYPE_NAMES, type Period, type PeriodParse, type PeriodType } from './period.types.ts';

type Matcher = (text: string, original: string, expected?: PeriodType) => PeriodParse | undefined;

const ok = (period: Period): PeriodParse => ({ ok: true, period });
const fail = (reason: string): PeriodParse => ({ ok: false, reason });

export function parsePeriod(text: string, expected?: PeriodType): PeriodParse {
  const original = String(text ?? '').trim();
  if (original === '') return fail('the period is empty');
  const normal = normalise(original);
  for (const matcher of MATCHERS) {
    const result = matcher(normal, original, expected);
    if (result) return result.ok ? checkExpected(result.period, original, expected) : result;
  }
  return fail(
    `'${original}' is not a period we can read: write a financial year as 2015/16, a quarter as 2022/23 Q3, a month as 2022-05, a year as 2021 or a day as 2022-06-30`,
  );
}

/** Dashes of every kind become '-', spaces around separators go, case is upper. */
function normalise(text: string): string {
  return text
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\s*([/-])\s*/g, '$1')
    .toUpperCase();
}

function checkExpected(period: Period, original: string, expected?: PeriodType): PeriodParse {
  if (!expected || period.type === expected) return ok(period);
  const hint = EXPECTED_HINTS[expected];
  return fail(
    `'${original}' is ${PERIOD_TYPE_NAMES[period.type]} (${period.label}), not ${PERIOD_TYPE_NAMES[expected]}${hint ? `: ${hint}` : ''}`,
  );
}

const EXPECTED_HINTS: Partial<Record<PeriodType, string>> = {
  financial_year: 'write it as 2015/16 (April 2015 to March 2016)',
  financial_quarter: 'write it as 2022/23 Q3',
  month: 'write it as 2022-05 or May 2022',
  calendar_year: 'write it as 2021',
  academic_year: 'write it as 2021/22',
  multi_year: 'write it as 2014-17',
  day: 'write it as 2022-06-30',
};

/** A year pair's second year as a full year: "17" after 2014 → 2017; "00" after 1999 → 2000. */
function fullEndYear(start: number, end: string): number {
  if (end.length === 4) return Number(end);
  const candidate = Math.floor(start / 100) * 100 + Number(end);
  return candidate < start ? candidate + 100 : candidate;
}

function badYear(original: string, ...years: number[]): PeriodParse | undefined {
  const out = years.find((y) => !yearInRange(y));
  return out === undefined ? undefined : fail(`'${original}' has the year ${out}, outside 1900–2199`);
}

const notConsecutive = (original: string, kind: string): PeriodParse =>
  fail(`'${original}' is not ${kind}: the second year must follow the first`);

/** Canonical keys: FY2015, FY2022Q3, M2022-05, CY2021, AY2021, CY2014-2016, D2022-06-30. */
const matchKey: Matcher = (text) => {
  const period = tryPeriodFromKey(text);
  return period ? ok(period) : undefined;
};

const PAIR = String.raw`(\d{4})(?:([/-])(\d{2}|\d{4})|(\d{2}))`;
const YEAR_PAIR = new RegExp(`^${PAIR}$`);
const QUARTER_AFTER = new RegExp(`^(?:FY ?)?${PAIR} ?-?Q([1-4])$`);
const QUARTER_BEFORE = new RegExp(`^Q([1-4]) ?(?:FY ?)?${PAIR}$`);
const ACADEMIC = [new RegExp(`^AY ?${PAIR}$`), new RegExp(`^${PAIR} ACADEMIC(?: YEAR)?$`), new RegExp(`^ACADEMIC YEAR ${PAIR}$`)];
const PREFIXED_FINANCIAL_YEAR = new RegExp(`^FY ?${PAIR}$`);

/** 2022/23 Q3, 2022-23 Q3, Q3 2022/23, FY2022/23 Q3; a bare "2022 Q3" is refused as ambiguous. */
const matchQuarter: Matcher = (text, original) => {
  const parts = quarterParts(text);
  if (parts) {
    const end = fullEndYear(parts.start, parts.endText);
    if (end !== parts.start + 1) return notConsecutive(original, 'a financial quarter');
    return badYear(original, parts.start) ?? ok(financialQuarter(parts.start, parts.quarter));
  }
  const bare = /^(\d{4}) ?-?Q([1-4])$/.exec(text) ?? /^Q([1-4]) ?(\d{4})$/.exec(text);
  if (!bare) return undefined;
  const [year, q] = bare[1]!.length === 4 ? [Number(bare[1]), bare[2]] : [Number(bare[2]), bare[1]];
  return fail(
    `'${original}' does not say which financial year the quarter belongs to: write it as ${yearPairLabel(year)} Q${q} or ${yearPairLabel(year - 1)} Q${q}`,
  );
};

function quarterParts(text: string): { start: number; endText: string; quarter: number } | undefined {
  const after = QUARTER_AFTER.exec(text);
  if (after) return { start: Number(after[1]), endText: after[3] ?? after[4]!, quarter: Number(after[5]) };
  const before = QUARTER_BEFORE.exec(text);
  if (before) return { start: Number(before[2]), endText: before[4] ?? before[5]!, quarter: Number(before[1]) };
  return undefined;
}

/** AY2021/22, AY 2021-22, 2021/22 academic (year), academic year 2021/22. */
const matchAcademic: Matcher = (text, original) => {
  const m = ACADEMIC.map((re) => re.exec(text)).find((x) => x !== null);
  if (!m) return undefined;
  const start = Number(m[1]);
  if (fullEndYear(start, m[3] ?? m[4]!) !== start + 1) return notConsecutive(original, 'an academic year');
  return badYear(original, start) ?? ok(academicYear(start));
};

/** FY 2015/16, FY2015-16, FY201516. (FY2015 alone is the key.) */
const matchPrefixedFinancialYear: Matcher = (text, original) => {
  const m = PREFIXED_FINANCIAL_YEAR.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  if (fullEndYear(start, m[3] ?? m[4]!) !== start + 1) return notConsecutive(original, 'a financial year');
  return badYear(original, start) ?? ok(financialYear(start));
};

/** 2014 TO 2017 */
const matchSpanInWords: Matcher = (text, original) => {
  const m = /^(\d{4}) TO (\d{4})$/.exec(text);
  if (!m) return undefined;
  const [first, last] = [Number(m[1]), Number(m[2])];
  if (last <= first) return fail(`'${original}' is not a span of years: the last year must come after the first`);
  return badYear(original, first, last) ?? ok(multiYear(first, last));
};

/**
 * A bare year pair: 2015/16, 2016-17, 201617, 2015-2016, 2015/2016 — and the dash forms that are
 * spans (2014-17, 2014-2017) or months (2022-05). The expected type picks among the readings.
 */
const matchYearPair: Matcher = (text, original, expected) => {
  const m = YEAR_PAIR.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const endText = m[3] ?? m[4]!;
  const end = fullEndYear(start, endText);
  const bad = badYear(original, start, end);
  if (bad) return bad;
  const readings = yearPairReadings(start, end, m[2] ?? '', endText, expected);
  const wanted = readings.find((p) => p.type === expected);
  if (wanted) return ok(wanted);
  if (expected === 'financial_year' || expected === 'academic_year' || expected === 'financial_quarter') {
    return notConsecutive(original, PERIOD_TYPE_NAMES[expected === 'academic_year' ? 'academic_year' : 'financial_year']);
  }
  if (!expected && readings.length > 1 && readings.some((p) => p.type === 'month')) return ambiguous(original, readings);
  return readings[0] ? ok(readings[0]) : notConsecutive(original, PERIOD_TYPE_NAMES.financial_year);
};

/** Every period the pair could mean, the usual meaning first. */
function yearPairReadings(start: number, end: number, separator: string, endText: string, expected?: PeriodType): Period[] {
  const readings: Period[] = [];
  if (end === start + 1) readings.push(expected === 'academic_year' ? academicYear(start) : financialYear(start));
  if (separator === '-' && endText.length === 2 && isValidDate(start, Number(endText), 1))
    readings.push(month(start, Number(endText)));
  // a two-digit end reaches at most 20 years on (2022-05 is May 2022, never 2022 to 2105)
  if (separator === '-' && end > start && (endText.length === 4 || end - start <= 20)) readings.push(multiYear(start, end));
  return readings;
}

function ambiguous(original: string, readings: Period[]): PeriodParse {
  const span = (p: Period) => `${p.start.slice(0, 4)} to ${p.end.slice(0, 4)}`;
  const described = readings.map((p) =>
    p.type === 'multi_year' ? `the years ${span(p)}` : p.type === 'month' ? p.label : `the financial year ${p.label}`,
  );
  const spellings = readings.map((p) => (p.type === 'multi_year' ? span(p) : p.label));
  return fail(`'${original}' could be ${described.join(' or ')}: write ${spellings.join(' or ')} so that it can mean only one`);
}

const MONTH_INDEX = new Map<string, number>(
  MONTH_NAMES.flatMap((name, i) => [
    [name.toUpperCase(), i + 1],
    [name.slice(0, 3).toUpperCase(), i + 1],
  ]),
);
MONTH_INDEX.set('SEPT', 9);

/** May 2022, May-2022, Sept 2022, 2022 May, 05/2022 */
const matchMonthName: Matcher = (text, original) => {
  const numeric = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (numeric) {
    const [mm, yyyy] = [Number(numeric[1]), Number(numeric[2])];
    if (mm < 1 || mm > 12) return fail(`'${original}' is not a month: ${mm} is not a month number`);
    return badYear(original, yyyy) ?? ok(month(yyyy, mm));
  }
  const nameFirst = /^([A-Z]+)[ -]?(\d{4})$/.exec(text);
  const yearFirst = /^(\d{4}) ([A-Z]+)$/.exec(text);
  const [name, yearText] = nameFirst ? [nameFirst[1]!, nameFirst[2]!] : yearFirst ? [yearFirst[2]!, yearFirst[1]!] : [];
  const monthNumber = name === undefined ? undefined : MONTH_INDEX.get(name);
  if (monthNumber === undefined || yearText === undefined) return undefined;
  return badYear(original, Number(yearText)) ?? ok(month(Number(yearText), monthNumber));
};

/** 2022-06-30, 30/06/2022 (day first, as written in the UK) */
const matchDay: Matcher = (text, original) => {
  const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const ukDate = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const parts = isoDate ? [isoDate[1], isoDate[2], isoDate[3]] : ukDate ? [ukDate[3], ukDate[2], ukDate[1]] : undefined;
  if (!parts) return undefined;
  const [y, mo, d] = parts.map(Number) as [number, number, number];
  if (!isValidDate(y, mo, d)) return fail(`'${original}' is not a date in the calendar`);
  return badYear(original, y) ?? ok(day(y, mo, d));
};

/** 2021, CY 2021 */
const matchCalendarYear: Matcher = (text, original, expected) => {
  const m = /^(?:CY ?)?(\d{4})$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const bad = badYear(original, year);
  if (bad) return bad;
  if (expected === 'financial_year' || expected === 'academic_year') {
    return fail(
      `'${original}' is a single year, not ${PERIOD_TYPE_NAMES[expected]}: write ${yearPairLabel(year)} or ${yearPairLabel(year - 1)}, as the figures mean`,
    );
  }
  return ok(calendarYear(year));
};

const MATCHERS: Matcher[] = [
  matchKey,
  matchQuarter,
  matchAcademic,
  matchPrefixedFinancialYear,
  matchSpanInWords,
  matchDay,
  matchYearPair,
  matchMonthName,
  matchCalendarYear,
];
