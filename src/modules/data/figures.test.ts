import { describe, expect, it } from 'vitest';
import type { ProblemDetail } from '../../platform/errors.ts';
import { checkFigures, NOT_A_NUMBER, readNumber, readStatus, sameFigures } from './figures.ts';
import type { ObservationFigures, SourceRow } from './observation.types.ts';

describe('readNumber', () => {
  it.each([
    ['56.89999999999999', 56.89999999999999],
    ['53.300000000000004', 53.300000000000004],
    ['60.4', 60.4],
    ['-3', -3],
    ['+3', 3],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1.5E-2', 0.015],
    [' 12 ', 12],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    [42.5, 42.5],
    [0, 0],
  ] as const)('%j → %s', (cell, expected) => {
    expect(readNumber(cell)).toBe(expected);
  });

  it.each(['abc', '0x1A', '1,000', 'NA', 'Infinity', '1e999', '12%', '£5', '--1', '1.2.3', Number.NaN, Number.POSITIVE_INFINITY])(
    '%j is not a number',
    (cell) => {
      expect(readNumber(cell)).toBe(NOT_A_NUMBER);
    },
  );
});

describe('readStatus', () => {
  it.each([
    ['', 'final'],
    [undefined, 'final'],
    ['provisional', 'provisional'],
    [' Suppressed ', 'suppressed'],
    ['NOT_AVAILABLE', 'not_available'],
    ['estimated', undefined],
  ] as const)('%j → %s', (cell, expected) => {
    expect(readStatus(cell)).toBe(expected);
  });
});

const row = (over: Partial<SourceRow>): SourceRow => ({
  line: 7,
  indicator: 'X',
  area: 'E08000009',
  period: '2015/16',
  value: '10',
  ...over,
});

describe('checkFigures', () => {
  it.each([
    [{}, { value: 10, status: 'final' }],
    [
      { value: '', status: 'suppressed' },
      { value: null, status: 'suppressed' },
    ],
    [
      { value: '', status: 'not_available' },
      { value: null, status: 'not_available' },
    ],
    [
      { numerator: '3', denominator: '30' },
      { numerator: 3, denominator: 30 },
    ],
    [{ sampleSize: '120' }, { sampleSize: 120 }],
    [{ sampleSize: 0 }, { sampleSize: 0 }],
    [
      { ciLower: '8', ciUpper: '12' },
      { ciLower: 8, ciUpper: 12 },
    ],
    [
      { ciLower: '10', ciUpper: '10' },
      { ciLower: 10, ciUpper: 10 },
    ],
    [{ value: -4, numerator: -4, denominator: 1 }, { value: -4 }],
    [{ status: 'provisional' }, { status: 'provisional' }],
  ] as [Partial<SourceRow>, Partial<ObservationFigures>][])('accepts %j', (over, expected) => {
    const problems: ProblemDetail[] = [];
    const figures = checkFigures(row(over), problems);
    expect(problems).toEqual([]);
    expect(figures).toMatchObject(expected);
  });

  it.each([
    [{ value: 'abc' }, 'value', /must be a number/],
    [{ value: '' }, 'value', /value is empty: give a number, or set status to suppressed or not_available/],
    [{ value: '', status: 'final' }, 'value', /value is empty/],
    [{ value: '5', status: 'not_available' }, 'value', /a not_available figure must have an empty value/],
    [{ value: '5', status: 'suppressed' }, 'value', /a suppressed figure must have an empty value/],
    [{ status: 'estimated' }, 'status', /status must be final, provisional, suppressed or not_available/],
    [{ numerator: '3' }, 'denominator', /give both numerator and denominator, or neither/],
    [{ denominator: '3' }, 'numerator', /give both numerator and denominator, or neither/],
    [{ numerator: '3', denominator: '0' }, 'denominator', /must not be 0/],
    [{ sampleSize: '-1' }, 'sample_size', /whole number, 0 or more/],
    [{ sampleSize: '2.5' }, 'sample_size', /whole number, 0 or more/],
    [{ ciLower: '8' }, 'ci_upper', /give both ci_lower and ci_upper/],
    [{ ciLower: '12', ciUpper: '8' }, 'ci_lower', /ci_lower 12 is above ci_upper 8/],
    [{ ciLower: '11', ciUpper: '12' }, 'value', /value 10 lies outside its confidence interval 11 to 12/],
    [{ ciLower: 'x', ciUpper: '12' }, 'ci_lower', /must be a number/],
  ] as [Partial<SourceRow>, string, RegExp][])('refuses %j (%s)', (over, field, reason) => {
    const problems: ProblemDetail[] = [];
    expect(checkFigures(row(over), problems)).toBeUndefined();
    expect(problems).toContainEqual(expect.objectContaining({ line: 7, field, reason: expect.stringMatching(reason) }));
  });
});

describe('sameFigures', () => {
  const base: ObservationFigures = {
    value: 56.9,
    numerator: null,
    denominator: null,
    sampleSize: null,
    ciLower: null,
    ciUpper: null,
    status: 'final',
  };
  it.each([
    [{}, true],
    [{ value: 56.89999999999999 }, false],
    [{ status: 'provisional' }, false],
    [{ numerator: 1, denominator: 2 }, false],
    [{ sampleSize: 0 }, false],
    [{ ciUpper: 60 }, false],
  ] as [Partial<ObservationFigures>, boolean][])('%j → %s', (over, same) => {
    expect(sameFigures(base, { ...base, ...over })).toBe(same);
  });
});
