import { z } from 'zod';
import type { CsvColumn } from '../../../platform/http/csv.ts';
import type { Area, AreaSuccessor, BoundarySetSummary } from '../area.types.ts';

export const areaSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string(),
  countryCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  population: z.number().nullable(),
  populationYear: z.number().nullable(),
  imdRank: z.number().nullable(),
  imdScore: z.number().nullable(),
  imdDecile: z.number().nullable(),
  links: z.object({ self: z.string(), children: z.string(), profile: z.string() }),
});

export function presentArea(a: Area): z.infer<typeof areaSchema> {
  const code = encodeURIComponent(a.code);
  return {
    code: a.code,
    name: a.name,
    type: a.type,
    countryCode: a.countryCode,
    validFrom: a.validFrom,
    validTo: a.validTo,
    population: a.population,
    populationYear: a.populationYear,
    imdRank: a.imdRank,
    imdScore: a.imdScore,
    imdDecile: a.imdDecile,
    links: {
      self: `/api/v1/areas/${code}`,
      children: `/api/v1/areas/${code}/children`,
      profile: `/api/v1/analysis/profile/${code}`,
    },
  };
}

export const successorSchema = z.object({ code: z.string(), changeType: z.string(), effectiveDate: z.string() });
export const presentSuccessor = (s: AreaSuccessor) => ({
  code: s.code,
  changeType: s.changeType,
  effectiveDate: s.effectiveDate,
});

export const areaDetailSchema = areaSchema.extend({
  parents: z.array(areaSchema),
  childCounts: z.record(z.string(), z.number()),
  identifiers: z.array(z.object({ scheme: z.string(), identifier: z.string() })),
  successors: z.array(successorSchema),
  predecessors: z.array(successorSchema),
});

export const areaCsv: CsvColumn<Area>[] = [
  { header: 'code', value: (a) => a.code },
  { header: 'name', value: (a) => a.name },
  { header: 'type', value: (a) => a.type },
  { header: 'country_code', value: (a) => a.countryCode },
  { header: 'valid_from', value: (a) => a.validFrom },
  { header: 'valid_to', value: (a) => a.validTo },
  { header: 'population', value: (a) => a.population },
  { header: 'imd_rank', value: (a) => a.imdRank },
  { header: 'imd_score', value: (a) => a.imdScore },
  { header: 'imd_decile', value: (a) => a.imdDecile },
];

export const boundarySetSchema = z.object({
  id: z.string(),
  title: z.string(),
  format: z.string(),
  areaType: z.string().nullable(),
  vintage: z.string().nullable(),
  licence: z.string(),
  attribution: z.string(),
  importedAt: z.string(),
  links: z.object({ content: z.string() }),
});

export const presentBoundarySet = (b: BoundarySetSummary): z.infer<typeof boundarySetSchema> => ({
  id: b.id,
  title: b.title,
  format: b.format,
  areaType: b.areaType,
  vintage: b.vintage,
  licence: b.licence,
  attribution: b.attribution,
  importedAt: b.importedAt,
  links: { content: `/api/v1/boundaries/${encodeURIComponent(b.id)}/content` },
});
