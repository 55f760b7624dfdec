/** Recognises an area file by its header (CSV) or shape (JSON) and reads it with the right reader. */
import { ValidationError } from '../../../platform/errors.ts';
import { type CsvTable, type SubmittedFile, isJsonFile, readCsv, readJson } from '../../../platform/files.ts';
import type { AreaFileContent } from './area-file.ts';
import {
  GENERIC_AREA_COLUMNS,
  isGenericAreaCsv,
  isGenericAreaJson,
  readGenericAreaCsv,
  readGenericAreaJson,
} from './generic-areas.ts';
import { LA_DEPRIVATION_COLUMNS, isLaDeprivationFile, readLaDeprivation } from './mysociety-la-deprivation.ts';
import { LOCAL_AUTHORITY_COLUMNS, isLocalAuthoritiesFile, readLocalAuthorities } from './mysociety-local-authorities.ts';
import { isLaChangesFile, readLaChanges } from './ons-la-changes.ts';
import { isLsoaImdFile, readLsoaImd } from './ons-lsoa-imd.ts';
import { readWardLookup, wardLookupColumns } from './ons-ward-lookup.ts';
import { isWardFeatureCollection, readWardGeoJson } from './ward-geojson.ts';

const KNOWN_SHAPES = [
  `mySociety local authorities (${LOCAL_AUTHORITY_COLUMNS.slice(0, 4).join(', ')}, …)`,
  `mySociety council deprivation (${LA_DEPRIVATION_COLUMNS.join(', ')})`,
  'ONS ward lookup (WD19CD, WD19NM, LAD19CD)',
  'ONS LSOA IMD lookup (LSOA11CD, LSOA11NM, LAD19CD, IMD19)',
  'ONS local authority changes (oldcd, newcd, type, start)',
  `the area format (${GENERIC_AREA_COLUMNS.slice(0, 3).join(', ')}, …)`,
];

export function readAreaFile(file: SubmittedFile): AreaFileContent {
  return isJsonFile(file) ? readAreaJson(file) : readAreaCsv(file);
}

function readAreaJson(file: SubmittedFile): AreaFileContent {
  const json = readJson(file);
  if (isWardFeatureCollection(json)) return readWardGeoJson(json, file.name);
  if (isGenericAreaJson(json)) return readGenericAreaJson(json, file.name);
  throw new ValidationError(`${file.name} is not a recognised area file`, [
    {
      reason:
        'expected {"areas": [...]} in the area format, or a GeoJSON FeatureCollection of wards with area_code, area_name and local_authority_area_code',
    },
  ]);
}

function readAreaCsv(file: SubmittedFile): AreaFileContent {
  const table = readCsv(file);
  const { columns } = table;
  if (isLocalAuthoritiesFile(columns)) return readLocalAuthorities(withColumns(table, LOCAL_AUTHORITY_COLUMNS, file.name));
  if (isLaDeprivationFile(columns)) return readLaDeprivation(table);
  if (isLsoaImdFile(columns)) return readLsoaImd(table);
  const wards = wardLookupColumns(columns);
  if (wards) return readWardLookup(table, wards, file.name);
  if (isLaChangesFile(columns)) return readLaChanges(table);
  if (isGenericAreaCsv(columns)) return readGenericAreaCsv(table, file.name);
  throw new ValidationError(`${file.name} is not a recognised area file`, [
    { line: 1, value: columns.join(','), reason: `the header matches none of: ${KNOWN_SHAPES.join('; ')}` },
  ]);
}

function withColumns(table: CsvTable, required: readonly string[], fileName: string): CsvTable {
  const missing = required.filter((c) => !table.columns.includes(c));
  if (missing.length > 0) {
    throw new ValidationError(
      `${fileName} is missing required columns`,
      missing.map((c) => ({ line: 1, field: c, reason: 'required column is missing from the header' })),
    );
  }
  return table;
}
