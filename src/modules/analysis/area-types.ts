/** Area-type vocabulary the analysis needs: plural names, tiers, and which types are finest. */
import type { AreaType } from '../places/index.ts';

export const ENGLAND = 'E92000001';

const PLURAL: Record<AreaType, string> = {
  country: 'countries',
  region: 'regions',
  combined_authority: 'combined authorities',
  county: 'county councils',
  metropolitan_county: 'metropolitan counties',
  unitary: 'unitary authorities',
  metropolitan_district: 'metropolitan districts',
  london_borough: 'London boroughs',
  district: 'district councils',
  ward: 'wards',
  lsoa: 'LSOAs',
  neighbourhood: 'neighbourhoods',
};

export function pluralOf(type: AreaType): string {
  return PLURAL[type];
}

/** Types that sit at the same level, so one comparison may mix them (an indicator's types are filtered to the area's tier). */
const TIERS: readonly (readonly AreaType[])[] = [
  ['lsoa'],
  ['neighbourhood'],
  ['ward'],
  ['county', 'unitary', 'metropolitan_district', 'london_borough', 'district'],
  ['metropolitan_county', 'combined_authority'],
  ['region'],
  ['country'],
];

export function tierOf(type: AreaType): readonly AreaType[] {
  return TIERS.find((t) => t.includes(type)) ?? [type];
}

/**
 * The levels a roll-up can build a figure from, finest first. The types of one level together cover
 * the country once: lower-tier councils (districts with the single-tier councils) and upper-tier
 * councils (counties with the single-tier councils) are each one level.
 */
export interface PartLevel {
  types: readonly AreaType[];
  singular: string;
  plural: string;
}

export const PART_LEVELS: readonly PartLevel[] = [
  { types: ['lsoa'], singular: 'LSOA', plural: 'LSOAs' },
  { types: ['neighbourhood'], singular: 'neighbourhood', plural: 'neighbourhoods' },
  { types: ['ward'], singular: 'ward', plural: 'wards' },
  { types: ['district', 'metropolitan_district', 'london_borough', 'unitary'], singular: 'council', plural: 'councils' },
  { types: ['county', 'metropolitan_district', 'london_borough', 'unitary'], singular: 'council', plural: 'councils' },
  { types: ['region'], singular: 'region', plural: 'regions' },
];

/** "1 ward", "21 wards" */
export function countOfLevel(n: number, level: PartLevel): string {
  return `${n} ${n === 1 ? level.singular : level.plural}`;
}

/** The levels holding any of these types, finest first. */
export function levelsWith(types: Iterable<AreaType>): PartLevel[] {
  const set = new Set(types);
  return PART_LEVELS.filter((l) => l.types.some((t) => set.has(t)));
}

/** Area types in order from finest to coarsest (for a default roll-up target). */
export const FINEST_FIRST: readonly AreaType[] = [
  'lsoa',
  'neighbourhood',
  'ward',
  'district',
  'metropolitan_district',
  'london_borough',
  'unitary',
  'county',
  'metropolitan_county',
  'combined_authority',
  'region',
  'country',
];

export const COUNCIL_TYPES: readonly AreaType[] = ['county', 'unitary', 'metropolitan_district', 'london_borough', 'district'];
