/**
 * Fixed reference facts about GSS codes: the four countries and the nine English regions
 * (ONS, data/areas/ons_gss_codes_geography_types.csv), and which country a code belongs to.
 */

export interface NamedCode {
  code: string;
  name: string;
}

export const COUNTRIES: readonly NamedCode[] = [
  { code: 'E92000001', name: 'England' },
  { code: 'W92000004', name: 'Wales' },
  { code: 'S92000003', name: 'Scotland' },
  { code: 'N92000002', name: 'Northern Ireland' },
];

export const ENGLISH_REGIONS: readonly NamedCode[] = [
  { code: 'E12000001', name: 'North East' },
  { code: 'E12000002', name: 'North West' },
  { code: 'E12000003', name: 'Yorkshire and The Humber' },
  { code: 'E12000004', name: 'East Midlands' },
  { code: 'E12000005', name: 'West Midlands' },
  { code: 'E12000006', name: 'East of England' },
  { code: 'E12000007', name: 'London' },
  { code: 'E12000008', name: 'South East' },
  { code: 'E12000009', name: 'South West' },
];

export const ENGLAND = 'E92000001';

const GSS_PATTERN = /^[EWSNK]\d{8}$/;

export function isGssCode(code: string): boolean {
  return GSS_PATTERN.test(code);
}

/** The country a GSS code lies in, from its first letter; null for codes that are not GSS codes. */
export function countryCodeOf(code: string): string | null {
  if (!/^[EWSN]\d{8}$/.test(code)) return null;
  return COUNTRIES.find((c) => c.code.startsWith(code[0]!))?.code ?? null;
}

export function countryCodeForName(name: string): string | undefined {
  const wanted = normaliseName(name);
  return COUNTRIES.find((c) => normaliseName(c.name) === wanted)?.code;
}

/** "Yorkshire and the Humber", "North-West" and "north west" all find their region. */
export function regionCodeForName(name: string): string | undefined {
  const wanted = normaliseName(name);
  return ENGLISH_REGIONS.find((r) => normaliseName(r.name) === wanted)?.code;
}

function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z]+/g, ' ')
    .trim();
}
