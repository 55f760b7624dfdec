/** The plain words pages use for codes and dates. */
import type { AreaType } from '../places/index.ts';
import { dateInWords } from '../../platform/web/index.ts';

const AREA_TYPE_WORDS: Record<AreaType, string> = {
  country: 'Country',
  region: 'Region',
  combined_authority: 'Combined authority',
  county: 'County',
  metropolitan_county: 'Metropolitan county',
  unitary: 'Unitary authority',
  metropolitan_district: 'Metropolitan district',
  london_borough: 'London borough',
  district: 'District',
  ward: 'Ward',
  lsoa: 'Lower layer super output area (LSOA)',
  neighbourhood: 'Neighbourhood',
};

export function areaTypeInWords(type: AreaType): string {
  return AREA_TYPE_WORDS[type] ?? type;
}

/** "1 June 2025" for an ISO instant or a YYYY-MM-DD date (as in the UK). */
export const longDate = (isoInstantOrDate: string): string => dateInWords(isoInstantOrDate);

/** "1 place", "3 places", "1,234 indicators" */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? singular : plural}`;
}

/** Names joined as in a sentence: "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
