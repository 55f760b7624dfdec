/**
 * CSV output for downloads. Cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) get a leading apostrophe;
 * numbers are written as numbers.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined | boolean;

export function neutraliseCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header as string[], ...rows.map((r) => r.map(neutraliseCell))], { eof: true, record_delimiter: '\n' });
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
