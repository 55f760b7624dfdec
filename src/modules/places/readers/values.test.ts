import { describe, expect, it } from 'vitest';
import type { ProblemDetail } from '../../../platform/errors.ts';
import { isIsoDate, nextDay, parseDecimal, parseWholeNumber, rowCells, splitList } from './values.ts';

describe('cell values', () => {
  it.each([
    ['2020-03-31', true],
    ['2020-02-29', true],
    ['2019-02-29', false],
    ['2020-13-01', false],
    ['31/03/2020', false],
    ['2020-3-31', false],
  ])('isIsoDate(%s) is %s', (text, ok) => {
    expect(isIsoDate(text)).toBe(ok);
  });

  it.each([
    ['2020-03-31', '2020-04-01'],
    ['2019-12-31', '2020-01-01'],
    ['2020-02-28', '2020-02-29'],
  ])('the day after %s is %s', (date, next) => {
    expect(nextDay(date)).toBe(next);
  });

  it.each([
    ['217232.0', 217232],
    ['42', 42],
    ['-3', -3],
    ['1.5', undefined],
    ['1e3', undefined],
    ['', undefined],
    ['12 000', undefined],
  ])('parseWholeNumber(%s) is %s', (text, n) => {
    expect(parseWholeNumber(text)).toBe(n);
  });

  it.each([
    ['62.310842986626255', 62.310842986626255],
    ['.5', 0.5],
    ['-1e-3', -0.001],
    ['abc', undefined],
    ['1,5', undefined],
  ])('parseDecimal(%s) is %s', (text, n) => {
    expect(parseDecimal(text)).toBe(n);
  });

  it.each([
    ['a;b; c ;', ';', ['a', 'b', 'c']],
    ['CBD,WAF', ',', ['CBD', 'WAF']],
    ['', ';', []],
  ])('splitList(%s)', (text, sep, list) => {
    expect(splitList(text, sep)).toEqual(list);
  });
});

describe('rowCells', () => {
  const cellsOf = (values: Record<string, string>, problems: ProblemDetail[]) =>
    rowCells({ line: 7, get: (f) => values[f] }, problems);

  it.each([
    ['date', { d: '' }, null, []],
    ['date', { d: '2024-01-01' }, '2024-01-01', []],
    ['date', { d: 'soon' }, undefined, [{ line: 7, field: 'd', value: 'soon', reason: 'is not a date in the form YYYY-MM-DD' }]],
    ['whole', { d: '11' }, undefined, [{ line: 7, field: 'd', value: '11', reason: 'must be between 1 and 10' }]],
    ['decimal', { d: 'x' }, undefined, [{ line: 7, field: 'd', value: 'x', reason: 'is not a number' }]],
  ] as const)('%s of %j', (kind, values, expected, problems) => {
    const found: ProblemDetail[] = [];
    const cells = cellsOf(values, found);
    const value =
      kind === 'date' ? cells.date('d') : kind === 'whole' ? cells.whole('d', { min: 1, max: 10 }) : cells.decimal('d');
    expect(value).toBe(expected);
    expect(found).toEqual(problems);
    expect(cells.bad).toBe(problems.length > 0);
  });

  it('names JSON fields by their path', () => {
    const found: ProblemDetail[] = [];
    rowCells({ prefix: 'areas[2].', get: () => '' }, found).required('name');
    expect(found).toEqual([{ field: 'areas[2].name', value: '', reason: 'is required' }]);
  });
});
