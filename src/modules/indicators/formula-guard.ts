/**
 * Spreadsheet formula injection. A cell that starts with = + - or @ is run as a formula by
 * spreadsheet programs, so the CSV export puts an apostrophe in front of it. Import takes one
 * apostrophe off a cell that is apostrophes followed by one of those characters, so an exported
 * file reads back exactly (a value that really starts with "'=" is exported as "''=").
 */
const EXPORT_GUARDED = /^'*[=+\-@]/;
const IMPORT_GUARDED = /^'+[=+\-@]/;

export function neutraliseFormula(cell: string): string {
  return EXPORT_GUARDED.test(cell) ? `'${cell}` : cell;
}

export function restoreFormulaGuarded(cell: string): string {
  return IMPORT_GUARDED.test(cell) ? cell.slice(1) : cell;
}
