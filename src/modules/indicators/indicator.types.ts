/** The indicator catalogue's vocabulary and shapes (docs/module-contracts.md, "indicators"). */
import type { AreaType } from '../places/index.ts';
import type { PeriodType } from '../periods/index.ts';

export type Polarity = 'higher_is_better' | 'lower_is_better' | 'target_range' | 'none';
export const POLARITIES: readonly Polarity[] = ['higher_is_better', 'lower_is_better', 'target_range', 'none'];

export type AreaAggregation = 'sum' | 'ratio' | 'population_weighted_mean' | 'none';
export const AREA_AGGREGATIONS: readonly AreaAggregation[] = ['sum', 'ratio', 'population_weighted_mean', 'none'];

export type TimeAggregation = 'sum' | 'ratio' | 'mean' | 'latest' | 'none';
export const TIME_AGGREGATIONS: readonly TimeAggregation[] = ['sum', 'ratio', 'mean', 'latest', 'none'];

/** Units the catalogue accepts: a closed list; 'other' for anything else (shown as a bare number). */
export type IndicatorUnit = 'percentage' | 'count' | 'rate' | 'money' | 'days' | 'score' | 'ratio' | 'index' | 'other';
export const INDICATOR_UNITS: readonly IndicatorUnit[] = [
  'percentage',
  'count',
  'rate',
  'money',
  'days',
  'score',
  'ratio',
  'index',
  'other',
];

export type Frequency = 'annual' | 'quarterly' | 'monthly' | 'multi_year' | 'one_off';
export const FREQUENCIES: readonly Frequency[] = ['annual', 'quarterly', 'monthly', 'multi_year', 'one_off'];

export type CollectionMethod = 'administrative' | 'survey';
export const COLLECTION_METHODS: readonly CollectionMethod[] = ['administrative', 'survey'];

export interface IndicatorAlias {
  /** the scheme the alias belongs to: 'NI', 'BVPI', 'oflog', 'label' (a source file's own wording) */
  scheme: string;
  alias: string;
}

export interface IndicatorDefinition {
  code: string;
  version: number;
  title: string;
  description: string;
  rationale: string | null;
  numeratorDefinition: string | null;
  denominatorDefinition: string | null;
  /** one of INDICATOR_UNITS (typed as string, as in the module contract) */
  unit: string;
  /** for 'rate': per N (e.g. 1000) */
  unitMultiplier: number | null;
  decimalPlaces: number;
  polarity: Polarity;
  targetRange: { low: number; high: number } | null;
  areaAggregation: AreaAggregation;
  timeAggregation: TimeAggregation;
  /** one of FREQUENCIES (typed as string, as in the module contract) */
  frequency: string;
  periodType: PeriodType;
  areaTypes: AreaType[];
  theme: string | null;
  source: string | null;
  ownerBodyId: string | null;
  collectionMethod: CollectionMethod;
  comparabilityNote: string | null;
  aliases: IndicatorAlias[];
  /** when this version was recorded (ISO instant) */
  createdAt: string;
}

export type IndicatorInput = Omit<IndicatorDefinition, 'version' | 'createdAt'>;

export interface SaveResult {
  /** new codes (version 1) */
  created: number;
  /** a changed definition recorded as a new version */
  versioned: number;
  /** definition and aliases exactly as recorded */
  unchanged: number;
  /** definition unchanged but the alias list replaced */
  aliasesUpdated: number;
}

export interface IndicatorQuery {
  q?: string;
  theme?: string;
  /** whose indicators: null for the national ones (owned by no body), a body id for that body's own; any when left out */
  owner?: string | null;
  limit: number;
  offset: number;
}
