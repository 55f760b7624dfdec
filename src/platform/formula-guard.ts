/**
 * Spreadsheet formula injection in the files a person exports to edit and import again (indicators,
 * areas, bodies). A cell that starts with = + - or @ is run as a formula by spreadsheet programs, so
 * the CSV export puts an apostrophe in front of it. Import takes one
 * apostrophe off a cell that is apostrophes followed by one of those characters, so an exported
 * file reads back exactly (a value that really starts with "'=" is exported as "''=").
 */
// a tab or carriage return before the formula works too in some spreadsheets
const EXPORT_GUARDED = /^'*[=+\-@\t\r]/;
const IMPORT_GUARDED = /^'+[=+\-@\t\r]/;

/** Quote any cell holding a carriage return: a spreadsheet would end the row there. */
export const CSV_QUOTE_CARRIAGE_RETURNS = { quoted_match: /\r/ } as const;

export function neutraliseFormula(cell: string): string {
  return EXPORT_GUARDED.test(cell) ? `'${cell}` : cell;
}

export function restoreFormulaGuarded(cell: string): string {
  return IMPORT_GUARDED.test(cell) ? cell.slice(1) : cell;
}
