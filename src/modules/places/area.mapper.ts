/** From area rows to the domain Area. */
import type { AreaRow } from '../../platform/db/schema.ts';
import type { Area, AreaType } from './area.types.ts';

const num = (v: number | null): number | null => (v === null ? null : Number(v));

export function toArea(row: AreaRow): Area {
  return {
    code: row.code,
    name: row.name,
    type: row.type as AreaType,
    countryCode: row.country_code,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    population: num(row.population),
    populationYear: num(row.population_year),
    imdRank: num(row.imd_rank),
    imdScore: num(row.imd_score),
    imdDecile: num(row.imd_decile),
  };
}
