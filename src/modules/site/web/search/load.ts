/** The search page's figures: matching areas (a page of them, with their parents) and indicators. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../../platform/db/schema.ts';
import { listIndicators, type IndicatorDefinition } from '../../../indicators/index.ts';
import { getParents, searchAreas, type Area } from '../../../places/index.ts';

export const AREAS_PER_PAGE = 20;
/** Indicators are listed on the first page only, the best few. */
export const INDICATORS_SHOWN = 10;

export interface AreaMatch {
  area: Area;
  parents: Area[];
}

export interface SearchResults {
  q: string;
  page: number;
  areas: { items: AreaMatch[]; total: number };
  indicators: { items: IndicatorDefinition[]; total: number };
}

export async function searchSite(db: Kysely<Database>, q: string, requestedPage: number): Promise<SearchResults> {
  let page = requestedPage;
  let found = await searchAreas(db, { q, limit: AREAS_PER_PAGE, offset: (page - 1) * AREAS_PER_PAGE });
  const lastPage = Math.max(1, Math.ceil(found.total / AREAS_PER_PAGE));
  if (page > lastPage) {
    // a page past the end (an old link, a hand-typed address) shows the last page
    page = lastPage;
    found = await searchAreas(db, { q, limit: AREAS_PER_PAGE, offset: (page - 1) * AREAS_PER_PAGE });
  }
  const items: AreaMatch[] = [];
  for (const area of found.items) items.push({ area, parents: await getParents(db, area.code) });
  // pages after the first carry on through the places (page > 1 means there are more than a page of them)
  const indicators = page === 1 ? await listIndicators(db, { q, limit: INDICATORS_SHOWN, offset: 0 }) : { items: [], total: 0 };
  return { q, page, areas: { items, total: found.total }, indicators };
}
