/** The places vocabulary: area types, areas, successions and boundary sets. */

export const AREA_TYPES = [
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
] as const;

export type AreaType = (typeof AREA_TYPES)[number];

/** Each type's name in the plural, as a heading or a choice shows it: "Wards", "London boroughs". */
export const AREA_TYPE_PLURALS: Readonly<Record<AreaType, string>> = {
  country: 'Countries',
  region: 'Regions',
  combined_authority: 'Combined authorities',
  county: 'Counties',
  metropolitan_county: 'Metropolitan counties',
  unitary: 'Unitary authorities',
  metropolitan_district: 'Metropolitan districts',
  london_borough: 'London boroughs',
  district: 'Districts',
  ward: 'Wards',
  lsoa: 'Lower layer super output areas (LSOAs)',
  neighbourhood: 'Neighbourhoods',
};

/** Types whose areas are lower-tier or single-tier local authority districts (a ward's or LSOA's parent). */
export const DISTRICT_TYPES: readonly AreaType[] = ['district', 'metropolitan_district', 'london_borough', 'unitary'];

export function isAreaType(value: string): value is AreaType {
  return (AREA_TYPES as readonly string[]).includes(value);
}

export interface Area {
  code: string;
  name: string;
  type: AreaType;
  countryCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  population: number | null;
  populationYear: number | null;
  imdRank: number | null;
  imdScore: number | null;
  imdDecile: number | null;
}

export interface AreaSuccessor {
  code: string;
  changeType: string;
  /** YYYY-MM-DD, or '' when the source gives no date */
  effectiveDate: string;
}

export type BoundaryFormat = 'geojson' | 'topojson';

export interface BoundarySetSummary {
  id: string;
  title: string;
  format: BoundaryFormat;
  areaType: string | null;
  vintage: string | null;
  licence: string;
  attribution: string;
  importedAt: string;
}

export interface BoundarySet extends BoundarySetSummary {
  /** the file's text, as submitted */
  content: string;
}

export interface Page {
  limit: number;
  offset: number;
}
