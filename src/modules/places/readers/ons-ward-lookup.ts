/**
 * ONS ward lookups (WDyyCD, WDyyNM, LADyyCD, ...): each ward and its district. The May 2019
 * two-tier file repeats a ward once per county electoral division; the county comes through the
 * district, so the CTY and CED columns are not needed (a division holds several wards, so its code
 * cannot be a ward's identifier either).
 */
import type { CsvTable } from '../../../platform/files.ts';
import { DISTRICT_TYPES } from '../area.types.ts';
import { countryCodeOf, isGssCode } from '../gss.ts';
import { type AreaFileContent, emptyContent } from './area-file.ts';
import { csvSource, rowCells } from './values.ts';

export interface WardLookupColumns {
  ward: string;
  wardName: string;
  district: string;
  /** the lookup's year, e.g. 2019 from WD19CD */
  year: number;
}

/** Finds WDyyCD, WDyyNM and LADyyCD columns of the same year. */
export function wardLookupColumns(columns: readonly string[]): WardLookupColumns | undefined {
  for (const c of columns) {
    const m = /^WD(\d{2})CD$/.exec(c);
    if (!m) continue;
    const yy = m[1]!;
    if (columns.includes(`WD${yy}NM`) && columns.includes(`LAD${yy}CD`)) {
      return { ward: c, wardName: `WD${yy}NM`, district: `LAD${yy}CD`, year: 2000 + Number(yy) };
    }
  }
  return undefined;
}

export function readWardLookup(table: CsvTable, columns: WardLookupColumns, fileName: string): AreaFileContent {
  const content = emptyContent(`ons-ward-lookup-${columns.year}`, `ONS ward lookup ${fileName}`, table.records.length);
  // Ward boundaries change at the May elections; the lookup shows the ward existed by then.
  const since = `${columns.year}-05-01`;
  const seen = new Map<string, { line: number; district: string }>();
  for (const record of table.records) {
    const cells = rowCells(csvSource(record), content.problems);
    const code = cells.required(columns.ward);
    const name = cells.required(columns.wardName);
    const district = cells.required(columns.district);
    if (code !== '' && !isGssCode(code)) cells.fail(columns.ward, code, 'is not a GSS code');
    if (district !== '' && !isGssCode(district)) cells.fail(columns.district, district, 'is not a GSS code');
    if (cells.bad) continue;
    const earlier = seen.get(code);
    if (earlier && earlier.district !== district) {
      cells.fail(columns.district, district, `ward ${code} is in ${earlier.district} on line ${earlier.line}`);
      continue;
    }
    if (earlier) {
      content.skipped.push({ line: record.line, reason: 'repeats a ward already read (one row per county electoral division)' });
      continue;
    }
    seen.set(code, { line: record.line, district });
    content.areas.push({
      line: record.line,
      code,
      facts: { name, type: 'ward', countryCode: countryCodeOf(code) },
      validFromIfNew: since,
      parentScope: DISTRICT_TYPES,
      keepNameSpelling: true,
    });
    content.links.push({ line: record.line, field: columns.district, childCode: code, parentCode: district, validFrom: since });
  }
  return content;
}
