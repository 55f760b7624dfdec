/** The search page: the form, its error summary, matching places and indicators, pagination. */
import { paginationFor, type PaginationView } from '../../../../platform/web/index.ts';
import { siteUrls } from '../../urls.ts';
import { areaTypeInWords, countOf, listInWords, longDate } from '../../words.ts';
import { AREAS_PER_PAGE, type SearchResults } from './load.ts';
import { SEARCH_LABEL, type FieldError } from './query.ts';

export interface AreaResultView {
  name: string;
  href: string;
  code: string;
  typeInWords: string;
  /** "Part of Greater Manchester and North West" */
  partOf: string | undefined;
  /** "No longer in use from 1 April 2023" */
  retired: string | undefined;
}

export interface IndicatorResultView {
  title: string;
  href: string;
  code: string;
  description: string;
}

export interface SearchPageView {
  pageTitle: string;
  searchLabel: string;
  q: string;
  errorSummary: { text: string; href: string }[];
  errorMessage: { text: string } | undefined;
  /** nothing asked yet, an error, nothing found, or some results */
  state: 'empty' | 'invalid' | 'none' | 'results';
  areaHeading: string;
  areas: AreaResultView[];
  /** Indicators are listed on the first page of results only. */
  showIndicators: boolean;
  indicatorHeading: string;
  indicators: IndicatorResultView[];
  /** "Showing 21 to 40 of 53 places" when on more than one page */
  rangeSummary: string | undefined;
  pagination: PaginationView | undefined;
}

const quoted = (q: string) => `‘${q}’`;

/** "No places match ‘x’", "1 place matches ‘x’", "3 places match ‘x’" */
function matchHeading(total: number, noun: string, q: string): string {
  if (total === 0) return `No ${noun}s match ${quoted(q)}`;
  return `${countOf(total, noun)} ${total === 1 ? 'matches' : 'match'} ${quoted(q)}`;
}

function emptyView(q: string, state: SearchPageView['state'], pageTitle: string): SearchPageView {
  return {
    pageTitle,
    searchLabel: SEARCH_LABEL,
    q,
    errorSummary: [],
    errorMessage: undefined,
    state,
    areaHeading: '',
    areas: [],
    showIndicators: false,
    indicatorHeading: '',
    indicators: [],
    rangeSummary: undefined,
    pagination: undefined,
  };
}

/** The page before anything is searched for. */
export function emptySearchView(): SearchPageView {
  return emptyView('', 'empty', 'Search');
}

/** The page for a search that could not be run, with the form's errors. */
export function invalidSearchView(q: string, errors: readonly FieldError[]): SearchPageView {
  const first = errors[0];
  return {
    ...emptyView(q, 'invalid', 'Search'),
    errorSummary: errors.map((e) => ({ text: e.message, href: `#${e.field}` })),
    errorMessage: first ? { text: first.message } : undefined,
  };
}

export function areaResultView({ area, parents }: SearchResults['areas']['items'][number]): AreaResultView {
  const parentNames = parents.map((p) => p.name);
  return {
    name: area.name,
    href: siteUrls.area(area.code),
    code: area.code,
    typeInWords: areaTypeInWords(area.type),
    partOf: parentNames.length ? `Part of ${listInWords(parentNames)}` : undefined,
    retired: area.validTo ? `No longer in use from ${longDate(area.validTo)}` : undefined,
  };
}

/** An area named exactly as searched (or with that code) first, then the rest in the order given. */
export function exactMatchesFirst<T extends { area: { name: string; code: string } }>(items: readonly T[], q: string): T[] {
  const wanted = q.trim().toLowerCase();
  const exact = (item: T) => item.area.name.toLowerCase() === wanted || item.area.code.toLowerCase() === wanted;
  return [...items.filter(exact), ...items.filter((item) => !exact(item))];
}

export function searchResultsView(results: SearchResults): SearchPageView {
  const { q, page, areas, indicators } = results;
  const found = areas.total + indicators.total;
  const base = emptyView(q, found === 0 ? 'none' : 'results', `Search results for ${quoted(q)}`);
  if (found === 0) return base;
  const pageCount = Math.max(1, Math.ceil(areas.total / AREAS_PER_PAGE));
  const first = (page - 1) * AREAS_PER_PAGE + 1;
  return {
    ...base,
    areaHeading: matchHeading(areas.total, 'place', q),
    areas: exactMatchesFirst(areas.items, q).map(areaResultView),
    showIndicators: page === 1,
    indicatorHeading: matchHeading(indicators.total, 'indicator', q),
    indicators: indicators.items.map((i) => ({
      title: i.title,
      href: siteUrls.indicator(i.code),
      code: i.code,
      description: i.description,
    })),
    rangeSummary:
      pageCount > 1 ? `Showing ${first} to ${first + areas.items.length - 1} of ${countOf(areas.total, 'place')}` : undefined,
    pagination: paginationFor(page, pageCount, (n) => siteUrls.search({ q, page: n })),
  };
}
