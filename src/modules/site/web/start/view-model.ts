/** The start page: what Local Vision shows, the search box, and the most recent figures published. */
import { siteUrls } from '../../urls.ts';
import { countOf, longDate } from '../../words.ts';
import type { StartPageData } from './load.ts';

/** How many "most recent" rows the page shows. */
export const RECENT_ROWS = 8;

export interface RecentFiguresRow {
  title: string;
  href: string;
  period: string;
}

export interface StartPageView {
  pageTitle: string;
  searchAction: string;
  lastUpdated: string | undefined;
  recent: RecentFiguresRow[];
  catalogueSummary: string | undefined;
}

export function startPageView(data: StartPageData): StartPageView {
  const recent = [...data.latest]
    .sort((a, b) => b.period.end.localeCompare(a.period.end) || a.indicator.title.localeCompare(b.indicator.title))
    .slice(0, RECENT_ROWS)
    .map(({ indicator, period }) => ({ title: indicator.title, href: siteUrls.indicator(indicator.code), period: period.label }));
  return {
    pageTitle: 'See how public services perform where you live',
    searchAction: siteUrls.search(),
    lastUpdated: data.lastImportedAt === undefined ? undefined : longDate(data.lastImportedAt),
    recent,
    catalogueSummary:
      data.indicatorCount === 0
        ? undefined
        : `Figures are held for ${countOf(data.latest.length, 'indicator')} of the ${countOf(data.indicatorCount, 'indicator')} described here.`,
  };
}
