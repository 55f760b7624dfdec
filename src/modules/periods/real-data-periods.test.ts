/** Every period spelling in data/indicators reads as the period it means. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../platform/files.ts';
import { parsePeriod } from './parse-period.ts';

function distinct(file: string, column: string): string[] {
  const path = resolve(import.meta.dirname, '../../../data/indicators', file);
  const { records } = readCsv({ name: file, content: readFileSync(path) });
  return [...new Set(records.map((r) => r.values[column] ?? ''))];
}

describe('periods in the real files', () => {
  it('the recycling file: 2015/16 … are financial years, 2015 … calendar years', () => {
    for (const text of distinct('trafford_lab_household_recycling_rate_all_LAs.csv', 'period')) {
      const r = parsePeriod(text);
      expect(r.ok, text).toBe(true);
      if (r.ok) expect(r.period.type).toBe(text.includes('/') ? 'financial_year' : 'calendar_year');
    }
  });

  it("Oflog's 2016-17 … are financial years", () => {
    const texts = distinct('oflog_asc_data.csv', 'Financial year');
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) expect(parsePeriod(text, 'financial_year').ok, text).toBe(true);
  });

  it('the ward file: days, months and calendar years', () => {
    const types = distinct('trafford_ward_indicators.csv', 'period').map((t) => {
      const r = parsePeriod(t);
      return r.ok ? r.period.type : r.reason;
    });
    expect(new Set(types)).toEqual(new Set(['calendar_year', 'day', 'month']));
  });
});
