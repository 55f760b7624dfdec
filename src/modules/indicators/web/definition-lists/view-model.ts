/** The lists of indicators a person maintains: one council's local indicators, or the national ones. */
import { pageCountOf, paginationFor, type PaginationView } from '../../../../platform/web/index.ts';
import type { IndicatorDefinition } from '../../indicator.types.ts';
import { definitionUrls } from '../urls.ts';

export const DEFINITIONS_PER_PAGE = 50;

export interface DefinitionRowView {
  code: string;
  title: string;
  version: number;
  editHref: string;
  publicHref: string;
}

export interface DefinitionListPageView {
  pageTitle: string;
  intro: string;
  caption: string;
  newLink: { href: string; text: string };
  rows: DefinitionRowView[];
  /** what the page says when there are none */
  empty: string;
  /** the national list is long: it can be searched */
  search: { action: string; q: string } | undefined;
  rangeSummary: string | undefined;
  pagination: PaginationView | undefined;
}

export interface DefinitionListInput {
  owner: { id: string; name: string } | null;
  items: readonly IndicatorDefinition[];
  total: number;
  page: number;
  q: string;
}

function rowOf(def: IndicatorDefinition): DefinitionRowView {
  return {
    code: def.code,
    title: def.title,
    version: def.version,
    editHref: definitionUrls.edit(def.code),
    publicHref: definitionUrls.indicator(def.code),
  };
}

export function definitionListPageView(input: DefinitionListInput): DefinitionListPageView {
  const { owner, items, total, page, q } = input;
  const pageCount = pageCountOf(total, DEFINITIONS_PER_PAGE);
  const first = (page - 1) * DEFINITIONS_PER_PAGE;
  const hrefOf = (n: number) => (owner ? definitionUrls.local(owner.id, { page: n }) : definitionUrls.national({ q, page: n }));
  const shared = {
    rows: items.map(rowOf),
    rangeSummary:
      pageCount > 1 ? `Showing ${first + 1} to ${first + items.length} of ${total.toLocaleString('en-GB')}` : undefined,
    pagination: paginationFor(Math.min(page, pageCount), pageCount, hrefOf),
  };
  if (owner)
    return {
      ...shared,
      pageTitle: `Local indicators of ${owner.name}`,
      intro: `Indicators ${owner.name} defines for itself. Its performance officers change them; each change makes a new version, and the public page of the indicator shows every version.`,
      caption: `Local indicators of ${owner.name}`,
      newLink: { href: definitionUrls.newIndicator(owner.id), text: 'Define a new local indicator' },
      empty: `${owner.name} has no local indicators yet.`,
      search: undefined,
    };
  return {
    ...shared,
    pageTitle: 'National indicators',
    intro: 'Indicators that are the same for every council. Administrators maintain them; each change makes a new version.',
    caption: 'National indicators',
    newLink: { href: definitionUrls.newIndicator(null), text: 'Define a national indicator' },
    empty: q ? `No national indicator matches “${q}”.` : 'There are no national indicators yet.',
    search: { action: definitionUrls.national(), q },
  };
}

/** For a person who defines local indicators for several councils: which one's. */
export function chooseCouncilPageView(councils: readonly { id: string; name: string }[]) {
  return {
    pageTitle: 'Local indicators',
    councils: councils.map((c) => ({ href: definitionUrls.local(c.id), text: `Local indicators of ${c.name}` })),
  };
}
