/**
 * Reading cells of a submitted row: each reader asks for a typed value and, when the text is wrong,
 * the problem (line, column, value, reason) is recorded and the row marked bad.
 */
import type { ProblemDetail } from '../../../platform/errors.ts';
import { restoreFormulaGuarded } from '../../../platform/formula-guard.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The day after an ISO date. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Whole numbers, accepting the "217232.0" spelling that pandas writes. */
export function parseWholeNumber(text: string): number | undefined {
  if (!/^-?\d+(\.0+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function parseDecimal(text: string): number | undefined {
  if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Splits a list cell ("a;b", "a,b") into trimmed, non-empty items. */
export function splitList(text: string, separator: string | RegExp = ';'): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export interface CellSource {
  /** where the row is: its line (CSV) or a field prefix such as `areas[3].` (JSON) */
  line?: number;
  prefix?: string;
  /** the cell's text; undefined when the column or key is absent */
  get(field: string): string | undefined;
}

export interface RowCells {
  readonly bad: boolean;
  /** trimmed text; '' when absent */
  text(field: string): string;
  has(field: string): boolean;
  required(field: string): string;
  /** null when empty; undefined (and a problem) when not a valid date */
  date(field: string): string | null | undefined;
  whole(field: string, range?: { min?: number; max?: number }): number | null | undefined;
  decimal(field: string): number | null | undefined;
  fail(field: string, value: unknown, reason: string): void;
}

export function rowCells(source: CellSource, problems: ProblemDetail[]): RowCells {
  let bad = false;
  const text = (field: string) => (source.get(field) ?? '').trim();
  const fail = (field: string, value: unknown, reason: string) => {
    bad = true;
    problems.push({
      ...(source.line === undefined ? {} : { line: source.line }),
      field: `${source.prefix ?? ''}${field}`,
      value,
      reason,
    });
  };
  return {
    get bad() {
      return bad;
    },
    text,
    has: (field) => source.get(field) !== undefined,
    fail,
    required(field) {
      const v = text(field);
      if (v === '') fail(field, v, 'is required');
      return v;
    },
    date(field) {
      const v = text(field);
      if (v === '') return null;
      if (isIsoDate(v)) return v;
      fail(field, v, 'is not a date in the form YYYY-MM-DD');
      return undefined;
    },
    whole(field, range = {}) {
      const v = text(field);
      if (v === '') return null;
      const n = parseWholeNumber(v);
      if (n === undefined) fail(field, v, 'is not a whole number');
      else if ((range.min !== undefined && n < range.min) || (range.max !== undefined && n > range.max)) {
        fail(field, v, `must be between ${range.min ?? '-∞'} and ${range.max ?? '∞'}`);
        return undefined;
      }
      return n;
    },
    decimal(field) {
      const v = text(field);
      if (v === '') return null;
      const n = parseDecimal(v);
      if (n === undefined) fail(field, v, 'is not a number');
      return n;
    },
  };
}

/** Turns a CSV record into a cell source. */
export function csvSource(record: { line: number; values: Record<string, string> }): CellSource {
  return { line: record.line, get: (field) => record.values[field] };
}

/** A row of a file we export for editing: cells lose the formula guard the export put on them. */
export function guardedCsvSource(record: { line: number; values: Record<string, string> }): CellSource {
  return {
    line: record.line,
    get: (field) => {
      const v = record.values[field];
      return v === undefined ? undefined : restoreFormulaGuarded(v.trim());
    },
  };
}
