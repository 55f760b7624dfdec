import { z } from 'zod';
import type { CsvColumn } from '../../../platform/http/csv.ts';
import type { IndicatorDefinition } from '../indicator.types.ts';

export const indicatorSchema = z.object({
  code: z.string(),
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  rationale: z.string().nullable(),
  numeratorDefinition: z.string().nullable(),
  denominatorDefinition: z.string().nullable(),
  unit: z.string(),
  unitMultiplier: z.number().nullable(),
  decimalPlaces: z.number().int(),
  polarity: z.string(),
  targetRange: z.object({ low: z.number(), high: z.number() }).nullable(),
  areaAggregation: z.string(),
  timeAggregation: z.string(),
  frequency: z.string(),
  periodType: z.string(),
  areaTypes: z.array(z.string()),
  theme: z.string().nullable(),
  source: z.string().nullable(),
  ownerBodyId: z.string().nullable(),
  collectionMethod: z.string(),
  comparabilityNote: z.string().nullable(),
  aliases: z.array(z.object({ scheme: z.string(), alias: z.string() })),
  createdAt: z.string(),
  links: z.object({ self: z.string(), versions: z.string(), observations: z.string() }),
});

export function presentIndicator(d: IndicatorDefinition): z.infer<typeof indicatorSchema> {
  const code = encodeURIComponent(d.code);
  return {
    code: d.code,
    version: d.version,
    title: d.title,
    description: d.description,
    rationale: d.rationale,
    numeratorDefinition: d.numeratorDefinition,
    denominatorDefinition: d.denominatorDefinition,
    unit: d.unit,
    unitMultiplier: d.unitMultiplier,
    decimalPlaces: d.decimalPlaces,
    polarity: d.polarity,
    targetRange: d.targetRange,
    areaAggregation: d.areaAggregation,
    timeAggregation: d.timeAggregation,
    frequency: d.frequency,
    periodType: d.periodType,
    areaTypes: [...d.areaTypes],
    theme: d.theme,
    source: d.source,
    ownerBodyId: d.ownerBodyId,
    collectionMethod: d.collectionMethod,
    comparabilityNote: d.comparabilityNote,
    aliases: d.aliases.map((a) => ({ scheme: a.scheme, alias: a.alias })),
    createdAt: d.createdAt,
    links: {
      self: `/api/v1/indicators/${code}`,
      versions: `/api/v1/indicators/${code}/versions`,
      observations: `/api/v1/observations?indicator=${code}`,
    },
  };
}

export const indicatorCsv: CsvColumn<IndicatorDefinition>[] = [
  { header: 'code', value: (d) => d.code },
  { header: 'version', value: (d) => d.version },
  { header: 'title', value: (d) => d.title },
  { header: 'unit', value: (d) => d.unit },
  { header: 'decimal_places', value: (d) => d.decimalPlaces },
  { header: 'polarity', value: (d) => d.polarity },
  { header: 'area_aggregation', value: (d) => d.areaAggregation },
  { header: 'period_type', value: (d) => d.periodType },
  { header: 'area_types', value: (d) => d.areaTypes.join(';') },
  { header: 'theme', value: (d) => d.theme },
  { header: 'source', value: (d) => d.source },
  { header: 'aliases', value: (d) => d.aliases.map((a) => `${a.scheme}:${a.alias}`).join(';') },
];
