/** The area profile: what the area is, where it sits, its councils, and every indicator grouped by theme. */
import type { ProfileItem } from '../../../analysis/index.ts';
import type { AreaType } from '../../../places/index.ts';
import { paginationFor, pageCountOf, type PaginationView } from '../../../../platform/web/index.ts';
import { siteUrls } from '../../urls.ts';
import { areaTypeInWords, countOf, listInWords } from '../../words.ts';
import { downloadLinks, type DownloadLinks } from '../common/download.ts';
import { apiUrls, csvOf, figureUrls } from '../common/urls.ts';
import { areaTypePlural, qualityNotes, quartileInWords, rankInWords, sentenceCase } from '../common/words.ts';
import type { AreaPageData } from './load.ts';

/** Children of one type shown on one page before they are paged (an authority has hundreds of LSOAs). */
export const CHILDREN_PER_PAGE = 50;

export interface LinkView {
  text: string;
  href: string;
}

export interface ChildGroupView {
  type: string;
  heading: string;
  id: string;
  items: LinkView[];
  rangeSummary: string | undefined;
  pagination: PaginationView | undefined;
}

export interface IndicatorRowView {
  title: string;
  href: string;
  summary: string;
  value: string;
  period: string;
  direction: string;
  rank: string;
  quartile: string;
  notes: string[];
  trendHref: string;
  compareHref: string;
  /** values oldest first, for a sparkline */
  sparkline: { label: string; value: number | null }[];
  sparklineSvg: string | undefined;
}

export interface ThemeView {
  heading: string;
  id: string;
  caption: string;
  rows: IndicatorRowView[];
  download: DownloadLinks;
}

export interface AreaPageView {
  pageTitle: string;
  code: string;
  typeInWords: string;
  facts: { key: { text: string }; value: { text?: string; html?: string } }[];
  parents: LinkView[];
  councils: { name: string; tier: string }[];
  childGroups: ChildGroupView[];
  comparatorNote: string;
  themes: ThemeView[];
  compareHref: string;
  apiHref: string;
}

export interface AreaPageOptions {
  childType?: string;
  page?: number;
  /** draws a sparkline (the charts module), when available */
  sparkline?: (values: { label: string; value: number | null }[], title: string, id: string) => string;
}

const TIER_WORDS: Record<string, string> = {
  single: 'Single-tier council (all local services)',
  upper: 'County council (upper tier)',
  lower: 'District council (lower tier)',
  combined: 'Combined authority',
};

export function themeInWords(theme: string | null): string {
  return theme ? sentenceCase(theme.replace(/[_-]+/g, ' ')) : 'Other indicators';
}

export function themeId(theme: string | null): string {
  return `theme-${(theme ?? 'other').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

function facts(data: AreaPageData): AreaPageView['facts'] {
  const { area } = data;
  const rows: AreaPageView['facts'] = [
    { key: { text: 'Type of area' }, value: { text: areaTypeInWords(area.type) } },
    { key: { text: 'GSS code' }, value: { text: area.code } },
  ];
  if (data.parents.length > 0)
    rows.push({ key: { text: 'Part of' }, value: { text: listInWords(data.parents.map((p) => p.name)) } });
  if (area.population !== null)
    rows.push({
      key: { text: 'Population' },
      value: {
        text: `${area.population.toLocaleString('en-GB')}${area.populationYear ? ` (${area.populationYear} estimate)` : ''}`,
      },
    });
  if (area.imdDecile !== null)
    rows.push({
      key: { text: 'Deprivation' },
      value: { text: `Decile ${area.imdDecile} of 10 on the Index of Multiple Deprivation (1 is the most deprived tenth)` },
    });
  else if (area.imdRank !== null)
    rows.push({
      key: { text: 'Deprivation' },
      value: {
        text: `Ranked ${area.imdRank.toLocaleString('en-GB')} on the Index of Multiple Deprivation (1 is the most deprived)`,
      },
    });
  if (area.validTo) rows.push({ key: { text: 'No longer in use from' }, value: { text: area.validTo } });
  return rows;
}

export function childGroups(data: AreaPageData, opts: Pick<AreaPageOptions, 'childType' | 'page'>): ChildGroupView[] {
  const byType = new Map<AreaType, LinkView[]>();
  for (const child of data.children) {
    const list = byType.get(child.type) ?? [];
    list.push({ text: child.name, href: siteUrls.area(child.code) });
    byType.set(child.type, list);
  }
  return [...byType].map(([type, items]) => {
    const pageCount = pageCountOf(items.length, CHILDREN_PER_PAGE);
    const page = opts.childType === type ? Math.min(Math.max(1, opts.page ?? 1), pageCount) : 1;
    const first = (page - 1) * CHILDREN_PER_PAGE;
    const shown = items.slice(first, first + CHILDREN_PER_PAGE);
    const id = `children-${type}`;
    return {
      type,
      id,
      heading: `${areaTypePlural(type)} (${items.length.toLocaleString('en-GB')})`,
      items: shown,
      rangeSummary:
        pageCount > 1 ? `Showing ${first + 1} to ${first + shown.length} of ${items.length.toLocaleString('en-GB')}` : undefined,
      pagination: paginationFor(page, pageCount, (n) => `${figureUrls.area(data.area.code, { childType: type, page: n })}#${id}`),
    };
  });
}

export function indicatorRow(
  item: ProfileItem,
  areaCode: string,
  opts: Pick<AreaPageOptions, 'sparkline'> = {},
): IndicatorRowView {
  const { indicator, latest, direction, comparison, flags } = item;
  return {
    title: indicator.title,
    href: figureUrls.indicator(indicator.code, { area: areaCode }),
    summary: indicator.summary,
    value: latest?.formatted ?? 'no data',
    period: latest?.period.label ?? '',
    direction: direction ? sentenceCase(direction.words) : 'Not known (no earlier figure)',
    rank: comparison ? rankInWords(comparison.rankLabel, comparison.of) : 'Not ranked',
    quartile: comparison ? sentenceCase(quartileInWords(comparison.quartile, comparison.judged)) : 'Not ranked',
    notes: qualityNotes(flags),
    trendHref: figureUrls.trend({ area: areaCode, indicator: indicator.code }),
    compareHref: figureUrls.compare({ area: areaCode, indicator: indicator.code, group: 'type' }),
    sparkline: item.sparkline.map((p) => ({ label: p.label, value: p.value })),
    sparklineSvg:
      opts.sparkline && item.sparkline.filter((p) => p.value !== null).length > 1
        ? opts.sparkline(
            item.sparkline.map((p) => ({ label: p.label, value: p.value })),
            `${indicator.title}, ${item.sparkline[0]?.label ?? ''} to ${item.sparkline[item.sparkline.length - 1]?.label ?? ''}`,
            `sparkline-${indicator.code.replace(/[^A-Za-z0-9_-]/g, '_')}`,
          )
        : undefined,
  };
}

export function themesOf(data: AreaPageData, opts: AreaPageOptions = {}): ThemeView[] {
  const { area, profile } = data;
  const byTheme = new Map<string | null, ProfileItem[]>();
  for (const item of profile.items) byTheme.set(item.indicator.theme, [...(byTheme.get(item.indicator.theme) ?? []), item]);
  return [...byTheme].map(([theme, items]) => {
    const heading = themeInWords(theme);
    const caption = `${heading}: the latest figures for ${area.name}`;
    return {
      heading,
      id: themeId(theme),
      caption,
      rows: items.map((item) => indicatorRow(item, area.code, opts)),
      download: downloadLinks(caption, csvOf(siteUrls.area(area.code), { theme: theme ?? '' }), apiUrls.profile(area.code)),
    };
  });
}

export function areaPageView(data: AreaPageData, opts: AreaPageOptions = {}): AreaPageView {
  const { area, profile } = data;
  return {
    pageTitle: area.name,
    code: area.code,
    typeInWords: areaTypeInWords(area.type),
    facts: facts(data),
    parents: data.parents.map((p) => ({
      text: `${p.name} (${areaTypeInWords(p.type).toLowerCase()})`,
      href: siteUrls.area(p.code),
    })),
    councils: data.councils.map((c) => ({ name: c.name, tier: TIER_WORDS[c.tier ?? ''] ?? 'Council' })),
    childGroups: childGroups(data, opts),
    comparatorNote: `Ranks and quartiles compare ${area.name} with ${profile.group.name.charAt(0).toLowerCase()}${profile.group.name.slice(1)} (${countOf(profile.group.memberCodes.length, 'area')}), in the latest period with a figure.`,
    themes: themesOf(data, opts),
    compareHref: figureUrls.compare({ area: area.code, group: 'type' }),
    apiHref: apiUrls.profile(area.code),
  };
}
