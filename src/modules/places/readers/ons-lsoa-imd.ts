/**
 * ONS "Index of Multiple Deprivation (December 2019) Lookup in England": each 2011 LSOA, its
 * district (LAD19CD) and its IMD 2019 rank (1 = most deprived of 32,844).
 */
import type { CsvTable } from '../../../platform/files.ts';
import { DISTRICT_TYPES } from '../area.types.ts';
import { countryCodeOf, isGssCode } from '../gss.ts';
import { type AreaFileContent, emptyContent } from './area-file.ts';
import { csvSource, rowCells } from './values.ts';

export const LSOA_IMD_COLUMNS = ['LSOA11CD', 'LSOA11NM', 'LAD19CD', 'IMD19'] as const;
const ENGLISH_LSOAS = 32_844;

export function isLsoaImdFile(columns: readonly string[]): boolean {
  return LSOA_IMD_COLUMNS.every((c) => columns.includes(c));
}

export function readLsoaImd(table: CsvTable): AreaFileContent {
  const content = emptyContent('ons-lsoa-imd-2019', 'ONS IMD 2019 LSOA lookup', table.records.length);
  const seen = new Map<string, number>();
  for (const record of table.records) {
    const cells = rowCells(csvSource(record), content.problems);
    const code = cells.required('LSOA11CD');
    const name = cells.required('LSOA11NM');
    const district = cells.required('LAD19CD');
    const rank = cells.whole('IMD19', { min: 1, max: ENGLISH_LSOAS });
    if (code !== '' && !/^E01\d{6}$/.test(code)) cells.fail('LSOA11CD', code, 'is not an English LSOA code (E01 and six digits)');
    if (district !== '' && !isGssCode(district)) cells.fail('LAD19CD', district, 'is not a GSS code');
    const earlier = seen.get(code);
    if (earlier !== undefined) cells.fail('LSOA11CD', code, `repeats line ${earlier}`);
    if (cells.bad) continue;
    seen.set(code, record.line);
    content.areas.push({
      line: record.line,
      code,
      facts: { name, type: 'lsoa', countryCode: countryCodeOf(code), imdRank: rank ?? null },
      parentScope: DISTRICT_TYPES,
    });
    content.links.push({ line: record.line, field: 'LAD19CD', childCode: code, parentCode: district, validFrom: null });
  }
  return content;
}
