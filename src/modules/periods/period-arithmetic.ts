/** Ordering, stepping and rolling up periods. Pure. */
import { ValidationError } from '../../platform/errors.ts';
import {
  academicYear,
  calendarYear,
  day,
  financialQuarter,
  financialYear,
  month,
  multiYear,
  periodFromKey,
} from './period-builders.ts';
import { PERIOD_TYPE_NAMES, type Period } from './period.types.ts';

/** By first day, then last day (a shorter period first), then key, so the order is total. */
export function comparePeriods(a: Period, b: Period): number {
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function previousPeriod(p: Period): Period {
  return step(p, -1);
}

export function nextPeriod(p: Period): Period {
  return step(p, 1);
}

/** The period of the same type `by` steps away (a span of years moves by its own length). */
function step(p: Period, by: 1 | -1): Period {
  const parts = partsOf(p);
  switch (p.type) {
    case 'financial_year':
      return financialYear(parts.year + by);
    case 'academic_year':
      return academicYear(parts.year + by);
    case 'calendar_year':
      return calendarYear(parts.year + by);
    case 'financial_quarter': {
      const index = parts.year * 4 + (parts.quarter - 1) + by;
      return financialQuarter(Math.floor(index / 4), (index % 4) + 1);
    }
    case 'month': {
      const index = parts.year * 12 + (parts.month - 1) + by;
      return month(Math.floor(index / 12), (index % 12) + 1);
    }
    case 'multi_year': {
      const length = parts.lastYear - parts.year + 1;
      return multiYear(parts.year + by * length, parts.lastYear + by * length);
    }
    case 'day': {
      const d = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + by));
      return day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    }
  }
}

interface PeriodParts {
  year: number;
  lastYear: number;
  quarter: number;
  month: number;
  day: number;
}

/** Numbers read back from a (re-validated) key, so a hand-made Period cannot smuggle in a bad shape. */
function partsOf(p: Period): PeriodParts {
  const checked = periodFromKey(p.key);
  const numbers = checked.key.match(/\d+/g)!.map(Number);
  const [first = 0, second = 0, third = 0] = numbers;
  switch (checked.type) {
    case 'financial_quarter':
      return { year: first, lastYear: first, quarter: second, month: 0, day: 0 };
    case 'multi_year':
      return { year: first, lastYear: second, quarter: 0, month: 0, day: 0 };
    default:
      return { year: first, lastYear: first, quarter: 0, month: second, day: third };
  }
}

/**
 * The financial or calendar year a period lies in: a month or a day rolls to either; a financial
 * quarter to its financial year (or to the calendar year it lies in — April–June 2022 is in 2022).
 * A year rolls to itself. A period that straddles the target years (a financial year into calendar
 * years, an academic year, a span) cannot roll up and is refused.
 */
export function rollUpPeriod(p: Period, to: 'financial_year' | 'calendar_year'): Period {
  if (p.type === to) return periodFromKey(p.key);
  const startYear = Number(p.start.slice(0, 4));
  const startMonth = Number(p.start.slice(5, 7));
  const rollable = p.type === 'month' || p.type === 'day' || p.type === 'financial_quarter';
  if (!rollable) {
    throw new ValidationError(`${p.label} cannot be rolled up into ${PERIOD_TYPE_NAMES[to]}`, [
      {
        field: 'period',
        value: p.key,
        reason: `${PERIOD_TYPE_NAMES[p.type]} does not lie within one ${to === 'financial_year' ? 'financial' : 'calendar'} year`,
      },
    ]);
  }
  if (to === 'calendar_year') return calendarYear(startYear);
  return financialYear(startMonth >= 4 ? startYear : startYear - 1);
}
