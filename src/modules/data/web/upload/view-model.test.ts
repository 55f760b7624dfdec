import { describe, expect, it } from 'vitest';
import type { SubmissionReport } from '../../submission.types.ts';
import { PROBLEMS_PER_PAGE, reportPageView, sizeInWords } from './view-model.ts';

const report = (problemCount: number, listed = problemCount): SubmissionReport => ({
  ok: problemCount === 0,
  bodyId: 'trafford-council',
  fileName: 'streets.csv',
  fileSha256: 'abc',
  format: 'csv',
  reader: 'tidy-csv',
  problemCount,
  problems: Array.from({ length: listed }, (_, i) => ({ line: i + 2, field: 'value', value: 'x', reason: 'must be a number' })),
  summary: {
    rows: 3,
    goodRows: 3,
    indicators: ['TRF-STREETS'],
    periods: ['FY2023', 'FY2024'],
    areas: 1,
    new: 2,
    revised: 1,
    unchanged: 0,
  },
});

describe('reportPageView', () => {
  it('sums up a good file, with periods as people write them', () => {
    const view = reportPageView({ uploadId: 'u1', bodyName: 'Trafford Council', report: report(0), page: 1, csrfToken: 't' });
    expect(view.pageTitle).toBe('Check the figures before you create a draft');
    expect(view.summaryRows.map((r) => `${r.key.text}: ${r.value.text}`)).toEqual([
      'Body: Trafford Council',
      'File: streets.csv (CSV)',
      'Rows read: 3',
      'Indicators: TRF-STREETS',
      'Periods: 2023/24, 2024/25',
      'Areas: 1',
      'New figures: 2',
      'Revised figures: 1',
      'Unchanged figures: 0',
    ]);
    expect(view.createAction).toBe('/submissions/checked/u1');
  });

  it('pages through the problems and says how many are not listed', () => {
    const view = reportPageView({
      uploadId: 'u1',
      bodyName: 'Trafford Council',
      report: report(1200, 1000),
      page: 2,
      csrfToken: 't',
    });
    expect(view.problemText).toBe('1,200 problems found. Nothing has been written: correct the file and upload it again.');
    expect(view.unlistedText).toBe('The first 1,000 problems are listed; 200 more are not.');
    expect(view.problems).toHaveLength(PROBLEMS_PER_PAGE);
    expect(view.problems[0]).toEqual({
      line: String(2 + PROBLEMS_PER_PAGE),
      field: 'value',
      value: 'x',
      reason: 'must be a number',
    });
    expect(view.pagination?.previous?.href).toBe('/submissions/checked/u1');
    expect(view.pagination?.next?.href).toBe('/submissions/checked/u1?page=3');
  });
});

describe('sizeInWords', () => {
  it.each([
    [20 * 1024 * 1024, '20 MB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
    [512 * 1024, '512 KB'],
  ])('%d bytes is %s', (bytes, words) => {
    expect(sizeInWords(bytes)).toBe(words);
  });
});
