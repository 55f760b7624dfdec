/** Between database rows and IndicatorDefinition. Pure. */
import type { IndicatorVersionRow } from '../../platform/db/schema.ts';
import type { AliasRow } from './indicator.repository.ts';
import type {
  AreaAggregation,
  CollectionMethod,
  IndicatorAlias,
  IndicatorDefinition,
  IndicatorInput,
  Polarity,
  TimeAggregation,
} from './indicator.types.ts';
import type { AreaType, PeriodType } from './vocab.ts';

export function toDefinition(row: IndicatorVersionRow, aliases: readonly IndicatorAlias[]): IndicatorDefinition {
  const low = row.target_range_low;
  const high = row.target_range_high;
  return {
    code: row.indicator_code,
    version: row.version,
    title: row.title,
    description: row.description,
    rationale: row.rationale,
    numeratorDefinition: row.numerator_definition,
    denominatorDefinition: row.denominator_definition,
    unit: row.unit,
    unitMultiplier: row.unit_multiplier === null ? null : Number(row.unit_multiplier),
    decimalPlaces: Number(row.decimal_places),
    // values were checked by the schema on the way in
    polarity: row.polarity as Polarity,
    targetRange: low === null || high === null ? null : { low: Number(low), high: Number(high) },
    areaAggregation: row.area_aggregation as AreaAggregation,
    timeAggregation: row.time_aggregation as TimeAggregation,
    frequency: row.frequency,
    periodType: row.period_type as PeriodType,
    areaTypes: JSON.parse(row.area_types) as AreaType[],
    theme: row.theme,
    source: row.source,
    ownerBodyId: row.owner_body_id,
    collectionMethod: row.collection_method as CollectionMethod,
    comparabilityNote: row.comparability_note,
    aliases: sortAliases(aliases),
    createdAt: row.created_at,
  };
}

export function toVersionRow(
  input: IndicatorInput,
  version: number,
  fingerprint: string,
  createdAt: string,
): IndicatorVersionRow {
  return {
    indicator_code: input.code,
    version,
    title: input.title,
    description: input.description,
    rationale: input.rationale,
    numerator_definition: input.numeratorDefinition,
    denominator_definition: input.denominatorDefinition,
    unit: input.unit,
    unit_multiplier: input.unitMultiplier,
    decimal_places: input.decimalPlaces,
    polarity: input.polarity,
    target_range_low: input.targetRange?.low ?? null,
    target_range_high: input.targetRange?.high ?? null,
    area_aggregation: input.areaAggregation,
    time_aggregation: input.timeAggregation,
    frequency: input.frequency,
    period_type: input.periodType,
    area_types: JSON.stringify(input.areaTypes),
    theme: input.theme,
    source: input.source,
    owner_body_id: input.ownerBodyId,
    collection_method: input.collectionMethod,
    comparability_note: input.comparabilityNote,
    fingerprint,
    created_at: createdAt,
  };
}

/** One order for alias lists everywhere (scheme, then alias), so lists compare and export stably. */
export function sortAliases(aliases: readonly IndicatorAlias[]): IndicatorAlias[] {
  return aliases
    .map((a) => ({ scheme: a.scheme, alias: a.alias }))
    .sort((a, b) => a.scheme.localeCompare(b.scheme, 'en') || a.alias.localeCompare(b.alias, 'en'));
}

export function groupAliases(rows: readonly AliasRow[]): Map<string, IndicatorAlias[]> {
  const out = new Map<string, IndicatorAlias[]>();
  for (const r of rows) {
    const list = out.get(r.indicator_code) ?? [];
    list.push({ scheme: r.scheme, alias: r.alias });
    out.set(r.indicator_code, list);
  }
  return out;
}

export function sameAliases(a: readonly IndicatorAlias[], b: readonly IndicatorAlias[]): boolean {
  return JSON.stringify(sortAliases(a)) === JSON.stringify(sortAliases(b));
}
