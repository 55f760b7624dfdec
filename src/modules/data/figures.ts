/**
 * Checking the figures of one tidy row, and comparing figures for revisions. Pure.
 * Numbers are taken exactly as written (56.89999999999999 stays that double): never rounded.
 */
import type { ProblemDetail } from '../../platform/errors.ts';
import {
  OBSERVATION_STATUSES,
  type ObservationFigures,
  type ObservationStatus,
  type RawCell,
  type SourceRow,
} from './observation.types.ts';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Not a number: the cell had text that is not a decimal number. */
export const NOT_A_NUMBER = Symbol('not a number');

/** A decimal number, null when the cell is empty, NOT_A_NUMBER otherwise (no hex, no "1,000", no Infinity). */
export function readNumber(cell: RawCell): number | null | typeof NOT_A_NUMBER {
  if (cell === undefined || cell === null || cell === '') return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : NOT_A_NUMBER;
  let text = cell;
  if (!NUMBER.test(text)) {
    text = cell.trim();
    if (text === '') return null;
    if (text === cell || !NUMBER.test(text)) return NOT_A_NUMBER;
  }
  const n = Number(text);
  return Number.isFinite(n) ? n : NOT_A_NUMBER;
}

const STATUS_BY_TEXT = new Map<string, ObservationStatus>(OBSERVATION_STATUSES.map((s) => [s, s]));

export function readStatus(cell: RawCell): ObservationStatus | undefined {
  if (cell === undefined || cell === null || cell === '') return 'final';
  return STATUS_BY_TEXT.get(String(cell)) ?? STATUS_BY_TEXT.get(String(cell).trim().toLowerCase());
}

/**
 * The row's figures, or undefined after adding every problem found to `problems`.
 * (No closures here: this runs for every row of files of millions.)
 */
export function checkFigures(row: SourceRow, problems: ProblemDetail[]): ObservationFigures | undefined {
  const before = problems.length;
  const status = readStatus(row.status);
  if (status === undefined)
    problems.push(problem(row, 'status', row.status, 'status must be final, provisional, suppressed or not_available'));
  const value = numberField(row, row.value, 'value', problems);
  const numerator = numberField(row, row.numerator, 'numerator', problems);
  const denominator = numberField(row, row.denominator, 'denominator', problems);
  const sampleSize = numberField(row, row.sampleSize, 'sample_size', problems);
  const ciLower = numberField(row, row.ciLower, 'ci_lower', problems);
  const ciUpper = numberField(row, row.ciUpper, 'ci_upper', problems);
  if (problems.length > before) return undefined;
  const figures: ObservationFigures = { value, numerator, denominator, sampleSize, ciLower, ciUpper, status: status! };
  checkRules(figures, row, problems);
  if (figures.ciLower !== null || figures.ciUpper !== null) checkInterval(figures, row, problems);
  return problems.length > before ? undefined : figures;
}

function problem(row: SourceRow, field: string, value: RawCell, reason: string): ProblemDetail {
  return { line: row.line, field, value: value ?? '', reason };
}

function numberField(row: SourceRow, cell: RawCell, field: string, problems: ProblemDetail[]): number | null {
  const n = readNumber(cell);
  if (n !== NOT_A_NUMBER) return n;
  problems.push(
    problem(row, field, cell, `${field} must be a number written with digits and an optional decimal point (such as 56.9 or -3)`),
  );
  return null;
}

function checkRules(f: ObservationFigures, row: SourceRow, problems: ProblemDetail[]): void {
  if (f.value === null && (f.status === 'final' || f.status === 'provisional')) {
    problems.push(
      problem(row, 'value', row.value, 'value is empty: give a number, or set status to suppressed or not_available'),
    );
  }
  if (f.value !== null && (f.status === 'suppressed' || f.status === 'not_available')) {
    problems.push(problem(row, 'value', row.value, `a ${f.status} figure must have an empty value`));
  }
  if ((f.numerator === null) !== (f.denominator === null)) {
    const missing = f.numerator === null ? 'numerator' : 'denominator';
    problems.push(problem(row, missing, row[missing], 'give both numerator and denominator, or neither'));
  }
  if (f.denominator === 0) problems.push(problem(row, 'denominator', row.denominator, 'denominator must not be 0'));
  if (f.sampleSize !== null && !(Number.isInteger(f.sampleSize) && f.sampleSize >= 0)) {
    problems.push(problem(row, 'sample_size', row.sampleSize, 'sample_size must be a whole number, 0 or more'));
  }
}

function checkInterval(f: ObservationFigures, row: SourceRow, problems: ProblemDetail[]): void {
  if (f.ciLower === null || f.ciUpper === null) {
    const missing = f.ciLower === null ? 'ci_lower' : 'ci_upper';
    problems.push(
      problem(row, missing, missing === 'ci_lower' ? row.ciLower : row.ciUpper, 'give both ci_lower and ci_upper, or neither'),
    );
  } else if (f.ciLower > f.ciUpper) {
    problems.push(problem(row, 'ci_lower', row.ciLower, `ci_lower ${f.ciLower} is above ci_upper ${f.ciUpper}`));
  } else if (f.value !== null && (f.value < f.ciLower || f.value > f.ciUpper)) {
    problems.push(
      problem(row, 'value', row.value, `value ${f.value} lies outside its confidence interval ${f.ciLower} to ${f.ciUpper}`),
    );
  }
}

/** Exactly the same figures: doubles compared exactly, so 56.9 and 56.89999999999999 differ. */
export function sameFigures(a: ObservationFigures, b: ObservationFigures): boolean {
  return (
    a.value === b.value &&
    a.numerator === b.numerator &&
    a.denominator === b.denominator &&
    a.sampleSize === b.sampleSize &&
    a.ciLower === b.ciLower &&
    a.ciUpper === b.ciUpper &&
    a.status === b.status
  );
}
