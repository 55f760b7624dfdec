/** Writes areas in the documented format that generic-areas.ts reads back. */
import { stringify } from 'csv-stringify/sync';
import { CSV_QUOTE_CARRIAGE_RETURNS, neutraliseFormula } from '../../../platform/formula-guard.ts';
import type { Area } from '../area.types.ts';
import { GENERIC_AREA_COLUMNS } from './generic-areas.ts';

export interface ExportedArea extends Area {
  parentCodes: string[];
  /** written for neighbourhoods only: the areas they are made of */
  buildingBlocks: string[];
}

type Row = Record<(typeof GENERIC_AREA_COLUMNS)[number], string | number | null | string[]>;

function toRow(a: ExportedArea): Row {
  return {
    code: a.code,
    name: a.name,
    type: a.type,
    parent_codes: a.parentCodes,
    building_blocks: a.buildingBlocks,
    valid_from: a.validFrom,
    valid_to: a.validTo,
    population: a.population,
    population_year: a.populationYear,
    country_code: a.countryCode,
    imd_rank: a.imdRank,
    imd_score: a.imdScore,
    imd_decile: a.imdDecile,
  };
}

export function writeGenericAreaCsv(areas: readonly ExportedArea[]): string {
  const rows = areas.map((a) => {
    const row = toRow(a);
    return GENERIC_AREA_COLUMNS.map((c) => {
      const v = row[c];
      if (typeof v === 'number') return String(v);
      return neutraliseFormula(Array.isArray(v) ? v.join(';') : (v ?? ''));
    });
  });
  return stringify([[...GENERIC_AREA_COLUMNS], ...rows], CSV_QUOTE_CARRIAGE_RETURNS);
}

export function writeGenericAreaJson(areas: readonly ExportedArea[]): string {
  return `${JSON.stringify({ areas: areas.map(toRow) }, null, 2)}\n`;
}
