/** The indicator CSV format: one row per indicator, columns are the IndicatorInput fields in snake_case. */
import type { IndicatorInput } from './indicator.types.ts';

export const INDICATOR_CSV_COLUMNS = [
  'code',
  'title',
  'description',
  'rationale',
  'numerator_definition',
  'denominator_definition',
  'unit',
  'unit_multiplier',
  'decimal_places',
  'polarity',
  'target_range_low',
  'target_range_high',
  'area_aggregation',
  'time_aggregation',
  'frequency',
  'period_type',
  'area_types',
  'theme',
  'source',
  'owner_body_id',
  'collection_method',
  'comparability_note',
  'aliases',
] as const;

export type IndicatorCsvColumn = (typeof INDICATOR_CSV_COLUMNS)[number];

/** Columns a file must have; the others may be left out (they are then empty). */
export const REQUIRED_CSV_COLUMNS: readonly IndicatorCsvColumn[] = [
  'code',
  'title',
  'description',
  'unit',
  'decimal_places',
  'polarity',
  'area_aggregation',
  'time_aggregation',
  'frequency',
  'period_type',
  'area_types',
];

export const LIST_SEPARATOR = ';';
export const ALIAS_SEPARATOR = ':';

/** The CSV column that holds an IndicatorInput field (targetRange's `high` end has its own). */
export function columnForField(path: readonly PropertyKey[]): IndicatorCsvColumn {
  const [field, sub] = path;
  if (field === 'targetRange') return sub === 'high' ? 'target_range_high' : 'target_range_low';
  const snake = String(field ?? 'code').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return (INDICATOR_CSV_COLUMNS as readonly string[]).includes(snake) ? (snake as IndicatorCsvColumn) : 'code';
}

/** One indicator as CSV cells (before formula neutralising). */
export function toCsvCells(def: IndicatorInput): Record<IndicatorCsvColumn, string> {
  const text = (v: string | null) => v ?? '';
  const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    code: def.code,
    title: def.title,
    description: def.description,
    rationale: text(def.rationale),
    numerator_definition: text(def.numeratorDefinition),
    denominator_definition: text(def.denominatorDefinition),
    unit: def.unit,
    unit_multiplier: num(def.unitMultiplier),
    decimal_places: num(def.decimalPlaces),
    polarity: def.polarity,
    target_range_low: num(def.targetRange?.low),
    target_range_high: num(def.targetRange?.high),
    area_aggregation: def.areaAggregation,
    time_aggregation: def.timeAggregation,
    frequency: def.frequency,
    period_type: def.periodType,
    area_types: def.areaTypes.join(LIST_SEPARATOR),
    theme: text(def.theme),
    source: text(def.source),
    owner_body_id: text(def.ownerBodyId),
    collection_method: def.collectionMethod,
    comparability_note: text(def.comparabilityNote),
    aliases: def.aliases.map((a) => `${a.scheme}${ALIAS_SEPARATOR}${a.alias}`).join(LIST_SEPARATOR),
  };
}

/** Columns whose cells are always numbers we wrote ourselves, so never a formula. */
export const NUMERIC_CSV_COLUMNS: ReadonlySet<IndicatorCsvColumn> = new Set([
  'unit_multiplier',
  'decimal_places',
  'target_range_low',
  'target_range_high',
]);
