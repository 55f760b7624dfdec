/**
 * mySociety composite_uk_imd la_imd.csv: each council's deprivation score and population-weighted
 * IMD decile, keyed by mySociety's three-letter code (found through area_identifier).
 */
import type { CsvTable } from '../../../platform/files.ts';
import { type AreaFileContent, emptyContent } from './area-file.ts';
import { MYSOCIETY_SCHEME } from './mysociety-local-authorities.ts';
import { csvSource, rowCells } from './values.ts';

export const LA_DEPRIVATION_COLUMNS = ['local-authority-code', 'la-deprivation-score', 'la-imd-pop-decile'] as const;

export function isLaDeprivationFile(columns: readonly string[]): boolean {
  return LA_DEPRIVATION_COLUMNS.every((c) => columns.includes(c));
}

export function readLaDeprivation(table: CsvTable): AreaFileContent {
  const content = emptyContent('mysociety-la-deprivation', 'mySociety composite UK IMD', table.records.length);
  const seen = new Map<string, number>();
  for (const record of table.records) {
    const cells = rowCells(csvSource(record), content.problems);
    const code = cells.required('local-authority-code');
    const score = cells.decimal('la-deprivation-score');
    const decile = cells.whole('la-imd-pop-decile', { min: 1, max: 10 });
    const earlier = seen.get(code);
    if (earlier !== undefined) cells.fail('local-authority-code', code, `repeats line ${earlier}`);
    if (cells.bad) continue;
    seen.set(code, record.line);
    content.identifiedFacts.push({
      line: record.line,
      field: 'local-authority-code',
      scheme: MYSOCIETY_SCHEME,
      identifier: code,
      facts: { imdScore: score ?? null, imdDecile: decile ?? null },
    });
  }
  return content;
}
