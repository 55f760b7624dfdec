/**
 * Our median / MAD conventions reproduce Oflog's published MEDIAN and MADs_from_median columns
 * (data/indicators/oflog_asc_data.csv): the median over every council with a value for that measure
 * and year, the unscaled MAD, and (value − median) ÷ MAD, unsigned by polarity in Oflog's file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../platform/files.ts';
import { madsFromMedian } from './ranking.ts';
import { median, medianAbsoluteDeviation } from './statistics.ts';

const file = resolve(import.meta.dirname, '../../../data/indicators/oflog_asc_data.csv');
const records = readCsv({ name: 'oflog_asc_data.csv', content: readFileSync(file) }).records.map((r) => r.values);

function group(code: string, year: string) {
  const rows = records.filter((r) => r.Code === code && r['Financial year'] === year);
  const withValue = rows.filter((r) => r.Value !== '');
  return { rows, withValue, values: withValue.map((r) => Number(r.Value)) };
}

const relClose = (a: number, b: number, rel = 1e-7) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(b));

describe("Oflog's MEDIAN and MADs_from_median", () => {
  it.each([
    ['ASC1', '2016-17'], // carer quality of life: an integer-ish score, many ties
    ['ASC3', '2019-20'], // 147 of 151 with a value
    ['ASC5', '2015-16'], // an even count: the median is the mean of the middle two (74.75)
    ['ASC6', '2022-23'], // unrounded values
    ['ASC7', '2018-19'], // 115 of 152 with a value: missing councils are left out, not zero
  ])('%s %s', (code, year) => {
    const g = group(code, year);
    const m = median(g.values)!;
    const mad = medianAbsoluteDeviation(g.values)!;
    expect(relClose(m, Number(g.rows[0]!.MEDIAN))).toBe(true);
    for (const r of g.withValue) {
      // Oflog's sign is raw (positive = above the median): our 'none' polarity gives the raw sign.
      const ours = madsFromMedian(Number(r.Value), m, mad, 'none')!;
      expect(ours).toBeCloseTo(Number(r.MADs_from_median), 6);
    }
    expect(g.rows.filter((r) => r.Value === '').every((r) => r.MADs_from_median === '')).toBe(true);
  });

  it('holds for every measure and year in the file', () => {
    const keys = new Set(records.map((r) => `${r.Code}|${r['Financial year']}`));
    let checked = 0;
    for (const key of keys) {
      const [code, year] = key.split('|') as [string, string];
      const g = group(code, year);
      const m = median(g.values)!;
      const mad = medianAbsoluteDeviation(g.values)!;
      for (const r of g.withValue) {
        expect(Math.abs(madsFromMedian(Number(r.Value), m, mad, 'none')! - Number(r.MADs_from_median))).toBeLessThan(1e-5);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5500);
  });

  it('a lower-is-better measure gets the opposite sign from ours (positive = better)', () => {
    const g = group('ASC7', '2018-19');
    const r = g.withValue[0]!;
    const oflog = Number(r.MADs_from_median);
    expect(madsFromMedian(Number(r.Value), median(g.values)!, medianAbsoluteDeviation(g.values)!, 'lower_is_better')).toBeCloseTo(
      -oflog,
      6,
    );
  });
});
