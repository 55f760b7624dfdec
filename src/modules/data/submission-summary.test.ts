import { describe, expect, it } from 'vitest';
import { type CountedRow, summariseRows } from './submission-summary.ts';

const row = (indicatorCode: string, areaCode: string, period: string, outcome: CountedRow['outcome']): CountedRow => ({
  indicatorCode,
  areaCode,
  period,
  outcome,
});

describe('summariseRows', () => {
  it.each([
    {
      name: 'an empty file',
      rowsRead: 0,
      rows: [],
      expected: { rows: 0, goodRows: 0, indicators: [], periods: [], areas: 0, new: 0, revised: 0, unchanged: 0 },
    },
    {
      name: 'bad rows count as read, not as good',
      rowsRead: 3,
      rows: [row('REC', 'E08000009', 'FY2019', 'new')],
      expected: { rows: 3, goodRows: 1, indicators: ['REC'], periods: ['FY2019'], areas: 1, new: 1, revised: 0, unchanged: 0 },
    },
    {
      name: 'distinct indicators, periods and areas, sorted; each outcome counted',
      rowsRead: 5,
      rows: [
        row('REC', 'E08000009', 'FY2020', 'revised'),
        row('REC', 'E08000003', 'FY2019', 'unchanged'),
        row('LOC1', 'E08000009', 'FY2019', 'new'),
        row('REC', 'E08000009', 'FY2019', 'new'),
        row('LOC1', 'E08000003', 'FY2020', 'revised'),
      ],
      expected: {
        rows: 5,
        goodRows: 5,
        indicators: ['LOC1', 'REC'],
        periods: ['FY2019', 'FY2020'],
        areas: 2,
        new: 2,
        revised: 2,
        unchanged: 1,
      },
    },
  ])('$name', ({ rowsRead, rows, expected }) => {
    expect(summariseRows(rowsRead, rows)).toEqual(expected);
  });
});
