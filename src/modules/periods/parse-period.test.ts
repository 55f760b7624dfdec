import { describe, expect, it } from 'vitest';
import { parsePeriod } from './parse-period.ts';
import type { PeriodType } from './period.types.ts';

type Row = [text: string, expected: PeriodType | undefined, key: string, start: string, end: string, label: string];

const GOOD: Row[] = [
  // financial years
  ['2015/16', undefined, 'FY2015', '2015-04-01', '2016-03-31', '2015/16'],
  ['2016-17', undefined, 'FY2016', '2016-04-01', '2017-03-31', '2016/17'],
  ['201617', undefined, 'FY2016', '2016-04-01', '2017-03-31', '2016/17'],
  ['202021', undefined, 'FY2020', '2020-04-01', '2021-03-31', '2020/21'],
  ['2015-2016', undefined, 'FY2015', '2015-04-01', '2016-03-31', '2015/16'],
  ['2015/2016', undefined, 'FY2015', '2015-04-01', '2016-03-31', '2015/16'],
  ['FY2015', undefined, 'FY2015', '2015-04-01', '2016-03-31', '2015/16'],
  ['fy2015', undefined, 'FY2015', '2015-04-01', '2016-03-31', '2015/16'],
  ['FY 2015/16', undefined, 'FY2015', '2015-04-01', '2016-03-31', '2015/16'],
  ['1999/00', undefined, 'FY1999', '1999-04-01', '2000-03-31', '1999/00'],
  ['  2015 / 16 ', undefined, 'FY2015', '2015-04-01', '2016-03-31', '2015/16'],
  ['2015–16', undefined, 'FY2015', '2015-04-01', '2016-03-31', '2015/16'],
  ['2015/16', 'financial_year', 'FY2015', '2015-04-01', '2016-03-31', '2015/16'],
  ['2016-17', 'financial_year', 'FY2016', '2016-04-01', '2017-03-31', '2016/17'],
  ['2011-12', 'financial_year', 'FY2011', '2011-04-01', '2012-03-31', '2011/12'],
  // financial quarters
  ['2022/23 Q3', undefined, 'FY2022Q3', '2022-10-01', '2022-12-31', '2022/23 Q3'],
  ['2022-23 Q3', undefined, 'FY2022Q3', '2022-10-01', '2022-12-31', '2022/23 Q3'],
  ['Q3 2022/23', undefined, 'FY2022Q3', '2022-10-01', '2022-12-31', '2022/23 Q3'],
  ['FY2022Q3', undefined, 'FY2022Q3', '2022-10-01', '2022-12-31', '2022/23 Q3'],
  ['2022/23 q1', undefined, 'FY2022Q1', '2022-04-01', '2022-06-30', '2022/23 Q1'],
  ['2022/23 Q2', undefined, 'FY2022Q2', '2022-07-01', '2022-09-30', '2022/23 Q2'],
  ['2022/23 Q4', undefined, 'FY2022Q4', '2023-01-01', '2023-03-31', '2022/23 Q4'],
  ['202223 Q4', 'financial_quarter', 'FY2022Q4', '2023-01-01', '2023-03-31', '2022/23 Q4'],
  // months
  ['2022-05', undefined, 'M2022-05', '2022-05-01', '2022-05-31', 'May 2022'],
  ['May 2022', undefined, 'M2022-05', '2022-05-01', '2022-05-31', 'May 2022'],
  ['may-2022', undefined, 'M2022-05', '2022-05-01', '2022-05-31', 'May 2022'],
  ['September 2022', undefined, 'M2022-09', '2022-09-01', '2022-09-30', 'September 2022'],
  ['Sept 2022', undefined, 'M2022-09', '2022-09-01', '2022-09-30', 'September 2022'],
  ['2024 Feb', undefined, 'M2024-02', '2024-02-01', '2024-02-29', 'February 2024'],
  ['02/2023', undefined, 'M2023-02', '2023-02-01', '2023-02-28', 'February 2023'],
  ['M2022-05', undefined, 'M2022-05', '2022-05-01', '2022-05-31', 'May 2022'],
  ['2011-12', 'month', 'M2011-12', '2011-12-01', '2011-12-31', 'December 2011'],
  // calendar years
  ['2021', undefined, 'CY2021', '2021-01-01', '2021-12-31', '2021'],
  ['2015', 'calendar_year', 'CY2015', '2015-01-01', '2015-12-31', '2015'],
  ['CY2021', undefined, 'CY2021', '2021-01-01', '2021-12-31', '2021'],
  // academic years
  ['AY2021/22', undefined, 'AY2021', '2021-09-01', '2022-08-31', 'AY2021/22'],
  ['2021/22 academic', undefined, 'AY2021', '2021-09-01', '2022-08-31', 'AY2021/22'],
  ['2021/22 Academic Year', undefined, 'AY2021', '2021-09-01', '2022-08-31', 'AY2021/22'],
  ['2021/22', 'academic_year', 'AY2021', '2021-09-01', '2022-08-31', 'AY2021/22'],
  ['2021-22', 'academic_year', 'AY2021', '2021-09-01', '2022-08-31', 'AY2021/22'],
  ['202122', 'academic_year', 'AY2021', '2021-09-01', '2022-08-31', 'AY2021/22'],
  ['AY2021', undefined, 'AY2021', '2021-09-01', '2022-08-31', 'AY2021/22'],
  // spans of years
  ['2014-17', undefined, 'CY2014-2017', '2014-01-01', '2017-12-31', '2014-17'],
  ['2014-2017', undefined, 'CY2014-2017', '2014-01-01', '2017-12-31', '2014-17'],
  ['2014 to 2017', undefined, 'CY2014-2017', '2014-01-01', '2017-12-31', '2014-17'],
  ['2016-17', 'multi_year', 'CY2016-2017', '2016-01-01', '2017-12-31', '2016-17'],
  ['2015-2016', 'multi_year', 'CY2015-2016', '2015-01-01', '2016-12-31', '2015-16'],
  ['1998-2003', undefined, 'CY1998-2003', '1998-01-01', '2003-12-31', '1998-2003'],
  ['CY2014-2016', undefined, 'CY2014-2016', '2014-01-01', '2016-12-31', '2014-16'],
  ['2005-09', 'multi_year', 'CY2005-2009', '2005-01-01', '2009-12-31', '2005-09'],
  // days
  ['2022-06-30', undefined, 'D2022-06-30', '2022-06-30', '2022-06-30', '2022-06-30'],
  ['30/06/2022', undefined, 'D2022-06-30', '2022-06-30', '2022-06-30', '2022-06-30'],
  ['D2022-06-30', undefined, 'D2022-06-30', '2022-06-30', '2022-06-30', '2022-06-30'],
  ['2024-02-29', 'day', 'D2024-02-29', '2024-02-29', '2024-02-29', '2024-02-29'],
];

describe('parsePeriod reads every spelling', () => {
  it.each(GOOD)('%s (expected %s) → %s', (text, expected, key, start, end, label) => {
    const r = parsePeriod(text, expected);
    expect(r).toEqual({ ok: true, period: expect.objectContaining({ key, start, end, label }) });
  });

  it.each(GOOD)('the label and key of %s read back as the same period', (text, expected) => {
    const r = parsePeriod(text, expected);
    if (!r.ok) throw new Error(r.reason);
    expect(parsePeriod(r.period.key, r.period.type)).toEqual(r);
    expect(parsePeriod(r.period.label, r.period.type)).toEqual(r);
  });
});

const BAD: [text: string, expected: PeriodType | undefined, reason: RegExp][] = [
  ['', undefined, /empty/],
  ['   ', undefined, /empty/],
  ['2015/17', undefined, /^'2015\/17' is not a financial year: the second year must follow the first$/],
  ['201513', undefined, /not a financial year: the second year must follow the first/],
  ['2014-17', 'financial_year', /'2014-17' is not a financial year: the second year must follow the first/],
  ['2015', 'financial_year', /'2015' is a single year, not a financial year: write 2015\/16 or 2014\/15/],
  ['2015', 'academic_year', /single year, not an academic year/],
  ['2015/16', 'calendar_year', /'2015\/16' is a financial year \(2015\/16\), not a calendar year/],
  ['2015/16', 'multi_year', /is a financial year \(2015\/16\), not a span of years/],
  ['2022-06-30', 'financial_year', /is a single day .* not a financial year/],
  ['2021/22 academic', 'financial_year', /is an academic year .* not a financial year/],
  ['2022/23 Q3', 'financial_year', /is a financial quarter .* not a financial year/],
  ['2022 Q3', undefined, /does not say which financial year the quarter belongs to: write it as 2022\/23 Q3 or 2021\/22 Q3/],
  ['Q3 2022', undefined, /does not say which financial year/],
  ['2022/24 Q3', undefined, /not a financial quarter: the second year must follow the first/],
  ['AY2021/23', undefined, /not an academic year: the second year must follow the first/],
  ['2011-12', undefined, /could be the financial year 2011\/12 or December 2011/],
  ['2005-09', undefined, /could be September 2005 or the years 2005 to 2009/],
  ['2017 to 2014', undefined, /the last year must come after the first/],
  ['2022-02-30', undefined, /not a date in the calendar/],
  ['31/04/2022', undefined, /not a date in the calendar/],
  ['13/2022', undefined, /13 is not a month number/],
  ['Smarch 2022', undefined, /not a period we can read/],
  ['last year', undefined, /not a period we can read/],
  ['1850', undefined, /outside 1900–2199/],
  ['FY2015Q5', undefined, /not a period we can read/],
  ['M2022-13', undefined, /not a period we can read/],
  ['CY2016-2014', undefined, /not a period we can read/],
];

describe('parsePeriod refuses with a reason a person understands', () => {
  it.each(BAD)('%j (expected %s)', (text, expected, reason) => {
    const r = parsePeriod(text, expected);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
