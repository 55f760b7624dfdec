/**
 * Local copies of the period and area vocabularies from docs/module-contracts.md, used while
 * src/modules/periods and src/modules/places are being written. Switch these to re-exports of the
 * real modules' index.ts when they land (the unions must stay identical).
 */
export type PeriodType =
  'financial_year' | 'financial_quarter' | 'month' | 'calendar_year' | 'academic_year' | 'multi_year' | 'day';

export const PERIOD_TYPES: readonly PeriodType[] = [
  'financial_year',
  'financial_quarter',
  'month',
  'calendar_year',
  'academic_year',
  'multi_year',
  'day',
];

export type AreaType =
  | 'country'
  | 'region'
  | 'combined_authority'
  | 'county'
  | 'metropolitan_county'
  | 'unitary'
  | 'metropolitan_district'
  | 'london_borough'
  | 'district'
  | 'ward'
  | 'lsoa'
  | 'neighbourhood';

export const AREA_TYPES: readonly AreaType[] = [
  'country',
  'region',
  'combined_authority',
  'county',
  'metropolitan_county',
  'unitary',
  'metropolitan_district',
  'london_borough',
  'district',
  'ward',
  'lsoa',
  'neighbourhood',
];
