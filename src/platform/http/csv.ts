/**
 * CSV output for downloads. Cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) get a leading apostrophe;
 * numbers are written as numbers, and a negative number written as text ("-3.5", "-1,234")
 * is left as it is: a spreadsheet reads it as the number, not as a formula. A cell holding a
 * carriage return is quoted, since spreadsheets end a row at a bare one and would read what
 * follows it as the start of a new cell.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined | boolean;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEGATIVE_NUMBER_TEXT = /^-\d[\d,]*(\.\d+)?$/;

export function neutraliseCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return FORMULA_START.test(cell) && !NEGATIVE_NUMBER_TEXT.test(cell) ? `'${cell}` : cell;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header as string[], ...rows.map((r) => r.map(neutraliseCell))], {
    eof: true,
    record_delimiter: '\n',
    quoted_match: /\r/,
  });
}

export interface CsvColumn<T> {
  header: string;
  value: (item: T) => CsvCell;
}

export function itemsToCsv<T>(columns: readonly CsvColumn<T>[], items: readonly T[]): string {
  return toCsv(
    columns.map((c) => c.header),
    items.map((item) => columns.map((c) => c.value(item))),
  );
}
