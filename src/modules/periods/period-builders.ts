/**
 * Building periods from their parts, and from their canonical keys. Pure.
 * Financial years run 1 April – 31 March; financial quarters Q1 Apr–Jun … Q4 Jan–Mar;
 * academic years 1 September – 31 August.
 */
import { ValidationError } from '../../platform/errors.ts';
import type { Period } from './period.types.ts';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => `${y}-${pad2(m)}-${pad2(d)}`;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2015/16"; "1999/00" */
export function yearPairLabel(startYear: number): string {
  return `${startYear}/${pad2((startYear + 1) % 100)}`;
}

export function financialYear(startYear: number): Period {
  return {
    key: `FY${startYear}`,
    type: 'financial_year',
    start: iso(startYear, 4, 1),
    end: iso(startYear + 1, 3, 31),
    label: yearPairLabel(startYear),
  };
}

/** Quarter q (1–4) of the financial year starting in April of startYear. */
export function financialQuarter(startYear: number, quarter: number): Period {
  const firstMonth = quarter === 4 ? 1 : 1 + quarter * 3; // Q1 → Apr, Q2 → Jul, Q3 → Oct, Q4 → Jan
  const year = quarter === 4 ? startYear + 1 : startYear;
  const lastMonth = firstMonth + 2;
  return {
    key: `FY${startYear}Q${quarter}`,
    type: 'financial_quarter',
    start: iso(year, firstMonth, 1),
    end: iso(year, lastMonth, daysInMonth(year, lastMonth)),
    label: `${yearPairLabel(startYear)} Q${quarter}`,
  };
}

export function month(year: number, monthNumber: number): Period {
  return {
    key: `M${year}-${pad2(monthNumber)}`,
    type: 'month',
    start: iso(year, monthNumber, 1),
    end: iso(year, monthNumber, daysInMonth(year, monthNumber)),
    label: `${MONTH_NAMES[monthNumber - 1]!} ${year}`,
  };
}

export function calendarYear(year: number): Period {
  return { key: `CY${year}`, type: 'calendar_year', start: iso(year, 1, 1), end: iso(year, 12, 31), label: String(year) };
}

export function academicYear(startYear: number): Period {
  return {
    key: `AY${startYear}`,
    type: 'academic_year',
    start: iso(startYear, 9, 1),
    end: iso(startYear + 1, 8, 31),
    label: `AY${yearPairLabel(startYear)}`,
  };
}

/** Calendar years first..last inclusive (last > first). Label "2014-16", or "1998-2003" across a century. */
export function multiYear(first: number, last: number): Period {
  const sameCentury = Math.floor(first / 100) === Math.floor(last / 100);
  return {
    key: `CY${first}-${last}`,
    type: 'multi_year',
    start: iso(first, 1, 1),
    end: iso(last, 12, 31),
    label: `${first}-${sameCentury ? pad2(last % 100) : String(last)}`,
  };
}

export function day(year: number, monthNumber: number, dayNumber: number): Period {
  const date = iso(year, monthNumber, dayNumber);
  return { key: `D${date}`, type: 'day', start: date, end: date, label: date };
}

export function isValidDate(year: number, monthNumber: number, dayNumber: number): boolean {
  return monthNumber >= 1 && monthNumber <= 12 && dayNumber >= 1 && dayNumber <= daysInMonth(year, monthNumber);
}

export function yearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

const KEY_PATTERNS: [RegExp, (m: RegExpExecArray) => Period | undefined][] = [
  [/^FY(\d{4})$/, (m) => financialYear(Number(m[1]))],
  [/^FY(\d{4})Q([1-4])$/, (m) => financialQuarter(Number(m[1]), Number(m[2]))],
  [/^M(\d{4})-(\d{2})$/, (m) => (isValidDate(Number(m[1]), Number(m[2]), 1) ? month(Number(m[1]), Number(m[2])) : undefined)],
  [/^CY(\d{4})$/, (m) => calendarYear(Number(m[1]))],
  [/^AY(\d{4})$/, (m) => academicYear(Number(m[1]))],
  [/^CY(\d{4})-(\d{4})$/, (m) => (Number(m[2]) > Number(m[1]) ? multiYear(Number(m[1]), Number(m[2])) : undefined)],
  [
    /^D(\d{4})-(\d{2})-(\d{2})$/,
    (m) => (isValidDate(Number(m[1]), Number(m[2]), Number(m[3])) ? day(Number(m[1]), Number(m[2]), Number(m[3])) : undefined),
  ],
];

/** The period of a canonical key, or undefined when the text is not one. */
export function tryPeriodFromKey(key: string): Period | undefined {
  for (const [pattern, build] of KEY_PATTERNS) {
    const m = pattern.exec(key);
    if (!m) continue;
    const years = m.slice(1, 2).map(Number);
    if (!years.every(yearInRange)) return undefined;
    return build(m);
  }
  return undefined;
}

/** The period of a canonical key (FY2015, FY2022Q3, M2022-05, CY2021, AY2021, CY2014-2016, D2022-06-30). */
export function periodFromKey(key: string): Period {
  const period = tryPeriodFromKey(key);
  if (!period) {
    throw new ValidationError(`'${key}' is not a period key`, [
      {
        field: 'period',
        value: key,
        reason: 'a period key looks like FY2015, FY2022Q3, M2022-05, CY2021, AY2021, CY2014-2016 or D2022-06-30',
      },
    ]);
  }
  return period;
}
