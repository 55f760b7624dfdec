/**
 * The catalogue's vocabularies in the words the definition form uses: each closed list of
 * IndicatorInput as the choices a person reads, in the catalogue's own order.
 */
import type {
  AreaAggregation,
  CollectionMethod,
  Frequency,
  IndicatorUnit,
  Polarity,
  TimeAggregation,
} from '../indicator.types.ts';
import type { AreaType, PeriodType } from '../vocab.ts';
import { AREA_TYPE_PLURALS } from '../../places/index.ts';

export const UNIT_CHOICES: Record<IndicatorUnit, string> = {
  percentage: 'Percentage',
  count: 'Count (a number of things or people)',
  rate: 'Rate, per a number of people or things',
  money: 'Money, in pounds',
  days: 'Days',
  score: 'Score',
  ratio: 'Ratio',
  index: 'Index',
  other: 'Another kind of number',
};

export const POLARITY_CHOICES: Record<Polarity, string> = {
  higher_is_better: 'A higher figure is better',
  lower_is_better: 'A lower figure is better',
  target_range: 'A figure within a target range is best',
  none: 'Neither: the figure is for information',
};

export const AREA_AGGREGATION_CHOICES: Record<AreaAggregation, string> = {
  sum: 'Add them up',
  ratio: 'Work it out again from what is counted and what it is divided by',
  population_weighted_mean: 'Average them, giving each area a weight by its population',
  none: 'They cannot be combined',
};

export const TIME_AGGREGATION_CHOICES: Record<TimeAggregation, string> = {
  sum: 'Add them up',
  ratio: 'Work it out again from what is counted and what it is divided by',
  mean: 'Average them',
  latest: 'Take the latest figure',
  none: 'They cannot be combined',
};

export const FREQUENCY_CHOICES: Record<Frequency, string> = {
  annual: 'Every year',
  quarterly: 'Every quarter',
  monthly: 'Every month',
  multi_year: 'Every few years',
  one_off: 'Once only',
};

export const PERIOD_TYPE_CHOICES: Record<PeriodType, string> = {
  financial_year: 'A financial year (April to March)',
  financial_quarter: 'A quarter of a financial year',
  month: 'A month',
  calendar_year: 'A calendar year',
  academic_year: 'An academic year',
  multi_year: 'A span of several years',
  day: 'A single day',
};

export const AREA_TYPE_CHOICES: Readonly<Record<AreaType, string>> = AREA_TYPE_PLURALS;

export const COLLECTION_METHOD_CHOICES: Record<CollectionMethod, string> = {
  administrative: 'From records kept while providing the service',
  survey: 'From a survey',
};

/** Each field's name as the form labels it, for messages about it. */
export const FIELD_NAMES = {
  code: 'Code',
  title: 'Title',
  description: 'What it measures',
  rationale: 'Why it matters',
  numeratorDefinition: 'What is counted',
  denominatorDefinition: 'What it is divided by',
  unit: 'Unit',
  unitMultiplier: 'Per how many',
  decimalPlaces: 'Decimal places',
  polarity: 'Which way is better',
  targetRangeLow: 'Lowest figure of the target range',
  targetRangeHigh: 'Highest figure of the target range',
  areaAggregation: 'How figures for several areas combine',
  timeAggregation: 'How figures for several periods combine',
  frequency: 'How often figures are published',
  periodType: 'What period each figure is for',
  areaTypes: 'Types of area',
  theme: 'Theme',
  source: 'Where the figures come from',
  collectionMethod: 'How the figures are collected',
  comparabilityNote: 'Comparability note',
  aliases: 'Other codes',
} as const;

export type DefinitionField = keyof typeof FIELD_NAMES;

export function isDefinitionField(name: string): name is DefinitionField {
  return Object.hasOwn(FIELD_NAMES, name);
}
