/**
 * The documented area format (README.md), as CSV or JSON: one area per row or entry.
 * Required: code, name, type. Optional: parent_codes, building_blocks, valid_from, valid_to,
 * population, population_year, country_code, imd_rank, imd_score, imd_decile.
 * A column left out (or a JSON key missing) keeps what is recorded; a cell left empty clears the
 * value, except parent_codes and building_blocks, where empty keeps the recorded links.
 */
import type { CsvTable } from '../../../platform/files.ts';
import { type AreaType, isAreaType } from '../area.types.ts';
import { COUNTRIES, countryCodeOf } from '../gss.ts';
import { type AreaFacts, type AreaFileContent, emptyContent } from './area-file.ts';
import { type CellSource, type RowCells, guardedCsvSource, rowCells, splitList } from './values.ts';

export const GENERIC_AREA_COLUMNS = [
  'code',
  'name',
  'type',
  'parent_codes',
  'building_blocks',
  'valid_from',
  'valid_to',
  'population',
  'population_year',
  'country_code',
  'imd_rank',
  'imd_score',
  'imd_decile',
] as const;

const LOCAL_CODE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export function isGenericAreaCsv(columns: readonly string[]): boolean {
  return ['code', 'name', 'type'].every((c) => columns.includes(c));
}

export function isGenericAreaJson(json: unknown): boolean {
  return Array.isArray(json) || (typeof json === 'object' && json !== null && Array.isArray((json as { areas?: unknown }).areas));
}

export function readGenericAreaCsv(table: CsvTable, fileName: string): AreaFileContent {
  return readGenericAreas(table.records.map(guardedCsvSource), fileName, 'generic-area-csv');
}

export function readGenericAreaJson(json: unknown, fileName: string): AreaFileContent {
  const entries: unknown[] = Array.isArray(json) ? json : ((json as { areas: unknown[] }).areas ?? []);
  const sources = entries.map((entry, i) => jsonSource(entry, Array.isArray(json) ? `[${i}].` : `areas[${i}].`, i + 1));
  return readGenericAreas(sources, fileName, 'generic-area-json');
}

/** JSON values as the CSV reader would see them: lists joined with ';', null as an empty cell. */
function jsonSource(entry: unknown, path: string, line: number): CellSource & { line: number; prefix: string } {
  const obj = typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as Record<string, unknown>) : {};
  return {
    line,
    prefix: path,
    get(field) {
      if (!(field in obj)) return undefined;
      const v = obj[field];
      if (v === null) return '';
      if (Array.isArray(v)) return v.map(String).join(';');
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    },
  };
}

function readGenericAreas(
  sources: (CellSource & { line?: number; prefix?: string })[],
  fileName: string,
  reader: string,
): AreaFileContent {
  const content = emptyContent(reader, `area file ${fileName}`, sources.length);
  const seen = new Map<string, number>();
  sources.forEach((source, i) => {
    const isJson = source.prefix !== undefined;
    const origin = { line: source.line ?? i + 1, ...(isJson ? { path: source.prefix } : {}) };
    // JSON problems name the entry path, not a line
    const cells = rowCells(isJson ? { prefix: source.prefix, get: source.get } : source, content.problems);
    const code = cells.required('code');
    if (code !== '' && !LOCAL_CODE.test(code)) cells.fail('code', code, 'may hold only letters, digits and _ . : - (at most 64)');
    const earlier = seen.get(code);
    if (code !== '' && earlier !== undefined) cells.fail('code', code, `repeats entry ${earlier}`);
    const facts = readFacts(cells, code);
    const parents = codeList(cells, 'parent_codes', code);
    const blocks = codeList(cells, 'building_blocks', code);
    if (cells.bad) return;
    seen.set(code, origin.line);
    content.areas.push({
      ...origin,
      code,
      facts,
      ...(parents.length ? { parentScope: 'all' as const } : {}),
      ...(blocks.length ? { childrenComplete: true } : {}),
    });
    const validFrom = facts.validFrom ?? null;
    for (const p of parents) content.links.push({ ...origin, field: 'parent_codes', childCode: code, parentCode: p, validFrom });
    for (const b of blocks)
      content.links.push({ ...origin, field: 'building_blocks', childCode: b, parentCode: code, validFrom });
  });
  return content;
}

function readFacts(cells: RowCells, code: string): AreaFacts {
  const type = cells.required('type');
  if (type !== '' && !isAreaType(type))
    cells.fail('type', type, 'is not an area type (see README: country, region, … ward, lsoa, neighbourhood)');
  const facts: AreaFacts = { name: cells.required('name'), type: type as AreaType };
  const optional = <K extends keyof AreaFacts>(field: string, key: K, read: () => AreaFacts[K] | undefined) => {
    if (!cells.has(field)) return;
    const v = read();
    if (v !== undefined) facts[key] = v;
  };
  optional('valid_from', 'validFrom', () => cells.date('valid_from'));
  optional('valid_to', 'validTo', () => cells.date('valid_to'));
  optional('population', 'population', () => cells.whole('population', { min: 0 }));
  optional('population_year', 'populationYear', () => cells.whole('population_year', { min: 1800, max: 2200 }));
  optional('imd_rank', 'imdRank', () => cells.whole('imd_rank', { min: 1 }));
  optional('imd_score', 'imdScore', () => cells.decimal('imd_score'));
  optional('imd_decile', 'imdDecile', () => cells.whole('imd_decile', { min: 1, max: 10 }));
  optional('country_code', 'countryCode', () => {
    const c = cells.text('country_code');
    if (c !== '' && !COUNTRIES.some((k) => k.code === c))
      cells.fail('country_code', c, `is not one of ${COUNTRIES.map((k) => k.code).join(', ')}`);
    return c === '' ? null : c;
  });
  if (!cells.has('country_code') && countryCodeOf(code)) facts.countryCode = countryCodeOf(code);
  if (facts.validFrom && facts.validTo && facts.validTo < facts.validFrom)
    cells.fail('valid_to', facts.validTo, 'is before valid_from');
  return facts;
}

function codeList(cells: RowCells, field: string, self: string): string[] {
  const codes = splitList(cells.text(field));
  for (const c of codes) {
    if (!LOCAL_CODE.test(c)) cells.fail(field, c, 'is not an area code');
    else if (c === self) cells.fail(field, c, 'an area cannot be its own parent or building block');
  }
  if (new Set(codes).size !== codes.length) cells.fail(field, cells.text(field), 'names an area twice');
  return codes;
}
