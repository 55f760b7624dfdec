/** The indicator page: the definition in plain words, the choosers, the ranked table, England and the regions, the trend. */
import { formatValue, type IndicatorDefinition } from '../../../indicators/index.ts';
import type { AllAreasRow, AreaFigure } from '../../../analysis/index.ts';
import { paginationFor, pageCountOf, type PaginationView } from '../../../../platform/web/index.ts';
import { siteUrls } from '../../urls.ts';
import { countOf, longDate } from '../../words.ts';
import { downloadLinks, type DownloadLinks } from '../common/download.ts';
import { apiUrls, csvOf, figureUrls } from '../common/urls.ts';
import { areaTypePlural, polarityInWords, quartileInWords, sentenceCase, unitInWords } from '../common/words.ts';
import { ENGLAND, type IndicatorPageData } from './load.ts';
import type { IndicatorQuery } from './query.ts';
import type { FigureView } from '../common/charts.ts';
import { mapView, type MapView } from './map.ts';
import { overTimeTable } from './over-time.ts';

export const ROWS_PER_PAGE = 50;

type SummaryRow = { key: { text: string }; value: { text: string } };
type Option = { value: string; text: string; selected: boolean };

export interface RankedRowView {
  rank: string;
  name: string;
  href: string;
  value: string;
  quartile: string;
  distance: string;
  notes: string[];
  /** the area the reader came from (`?area=`) */
  highlighted?: boolean;
}

export interface PlaceRowView {
  name: string;
  href: string;
  value: string;
  note: string;
}

export interface TableView<Row> {
  caption: string;
  rows: Row[];
  download: DownloadLinks;
}

export interface IndicatorPageView {
  pageTitle: string;
  code: string;
  /** "A local indicator of Trafford Council"; undefined for a national indicator */
  ownership: string | undefined;
  formAction: string;
  definition: SummaryRow[];
  versions: { version: number; recorded: string; note: string }[];
  hasFigures: boolean;
  periodOptions: Option[];
  typeOptions: Option[];
  q: string;
  /** the area the reader came from, kept when the choosers are used */
  area: string;
  periodLabel: string;
  typePlural: string;
  ranked:
    | (TableView<RankedRowView> & {
        summary: string;
        /** when no area has a figure: the latest period with figures for the type */
        latest: { href: string; text: string } | undefined;
        rangeSummary: string | undefined;
        pagination: PaginationView | undefined;
      })
    | undefined;
  places: TableView<PlaceRowView> | undefined;
  trend:
    | (TableView<{ period: string; value: string; median: string }> & {
        summary: string;
        figure: FigureView;
        hasEngland: boolean;
        medianName: string;
      })
    | undefined;
  map: MapView | undefined;
}

function definitionRows(def: IndicatorDefinition): SummaryRow[] {
  const rows: [string, string | null][] = [
    ['What it measures', def.description],
    ['Why it matters', def.rationale],
    ['How it is calculated', calculation(def)],
    ['Which way is better', polarityInWords(def.polarity, def.targetRange)],
    ['Unit', `${unitInWords(def.unit, def.unitMultiplier)}, shown to ${countOf(def.decimalPlaces, 'decimal place')}`],
    ['Published for', def.areaTypes.map((t) => areaTypePlural(t).toLowerCase()).join(', ') || null],
    ['How often', sentenceCase(def.frequency.replace(/_/g, ' '))],
    ['Source', def.source],
    ['Comparability', def.comparabilityNote],
  ];
  return rows
    .filter((r): r is [string, string] => r[1] !== null && r[1] !== '')
    .map(([k, v]) => ({ key: { text: k }, value: { text: v } }));
}

export function ownershipOf(ownerName: string | undefined): string | undefined {
  return ownerName === undefined ? undefined : `A local indicator of ${ownerName}`;
}

export function calculation(def: Pick<IndicatorDefinition, 'numeratorDefinition' | 'denominatorDefinition'>): string | null {
  const { numeratorDefinition: num, denominatorDefinition: den } = def;
  if (num && den) return `${num}, divided by ${den.charAt(0).toLowerCase()}${den.slice(1)}.`;
  return num ?? den ?? null;
}

function figureNotes(f: AreaFigure): string[] {
  const notes: string[] = [];
  if (f.status === 'provisional') notes.push('Provisional');
  if (f.source === 'derived' && f.coverage) notes.push(`Worked out from ${f.coverage.text}`);
  if (f.value === null && f.reason) notes.push(sentenceCase(f.reason));
  return notes;
}

export function rankedRowView(
  def: Pick<IndicatorDefinition, 'unit' | 'unitMultiplier' | 'decimalPlaces'>,
  row: AllAreasRow,
  judged: boolean,
): RankedRowView {
  return {
    rank: row.rankLabel ?? '–',
    name: row.areaName,
    href: siteUrls.area(row.figure.areaCode),
    value: row.figure.status === 'suppressed' ? 'suppressed' : formatValue(def, row.figure.value),
    quartile: sentenceCase(quartileInWords(row.quartile, judged)),
    distance: sentenceCase(row.distance.words),
    notes: figureNotes(row.figure),
  };
}

function rankedTable(data: IndicatorPageData, query: IndicatorQuery): IndicatorPageView['ranked'] {
  const { ranking, indicator, period } = data;
  if (!ranking || !period) return undefined;
  const wanted = query.q.toLowerCase();
  const matching = ranking.rows.filter((r) => wanted === '' || r.areaName.toLowerCase().includes(wanted));
  const pageCount = pageCountOf(matching.length, ROWS_PER_PAGE);
  const page = Math.min(query.page, pageCount);
  const first = (page - 1) * ROWS_PER_PAGE;
  const shown = matching.slice(first, first + ROWS_PER_PAGE);
  const plural = areaTypePlural(data.areaType).toLowerCase();
  const caption = `${indicator.title}: ${plural} ranked, ${period.label}`;
  const pageUrl = figureUrls.indicator(indicator.code, { period: period.key, type: data.areaType, q: query.q, area: query.area });
  const withValue = ranking.rows.filter((r) => r.rank !== null).length;
  return {
    caption,
    rows: shown.map((r) => ({
      ...rankedRowView(indicator, r, ranking.judged),
      ...(r.figure.areaCode === query.area ? { highlighted: true } : {}),
    })),
    download: downloadLinks(
      caption,
      csvOf(pageUrl, { page: undefined }),
      apiUrls.compareAll(indicator.code, period.key, data.areaType),
    ),
    summary: rankedSummary(data, withValue),
    latest:
      withValue === 0 && data.latestWithFigures
        ? {
            href: figureUrls.indicator(indicator.code, { period: data.latestWithFigures.key, type: data.areaType }),
            text: `See ${data.latestWithFigures.label}, the latest period with figures for ${plural}`,
          }
        : undefined,
    rangeSummary:
      pageCount > 1
        ? `Showing ${first + 1} to ${first + shown.length} of ${matching.length.toLocaleString('en-GB')} ${plural}`
        : undefined,
    pagination: paginationFor(page, pageCount, (n) =>
      figureUrls.indicator(indicator.code, { period: period.key, type: data.areaType, q: query.q, area: query.area, page: n }),
    ),
  };
}

function rankedSummary(data: IndicatorPageData, withValue: number): string {
  const { ranking, indicator, period } = data;
  const plural = areaTypePlural(data.areaType).toLowerCase();
  if (!ranking || !period) return '';
  if (withValue === 0) return `No ${plural} have a figure for ${period.label} yet.`;
  const median = ranking.summary.median;
  const medianText = median === null ? '' : `; the median is ${formatValue(indicator, median)}`;
  const order = ranking.judged ? ' Rank 1 is the best.' : ' Ranks order the figures from highest to lowest; neither is better.';
  return `${countOf(withValue, 'area')} of ${ranking.rows.length.toLocaleString('en-GB')} ${plural} have a figure for ${period.label}${medianText}.${order}`;
}

function placesTable(data: IndicatorPageData): IndicatorPageView['places'] {
  const { places, indicator, period } = data;
  if (!places || !period) return undefined;
  const order = (code: string) => (code === ENGLAND ? 0 : data.placeNames.get(code)?.type === 'country' ? 1 : 2);
  const nameOf = (code: string) => data.placeNames.get(code)?.name ?? code;
  const figures = places.figures
    .filter((f) => f.value !== null || f.status === 'suppressed')
    .sort((a, b) => order(a.areaCode) - order(b.areaCode) || nameOf(a.areaCode).localeCompare(nameOf(b.areaCode)));
  if (figures.length === 0) return undefined;
  const caption = `${indicator.title}: England, the other countries and the regions, ${period.label}`;
  return {
    caption,
    rows: figures.map((f) => ({
      name: data.placeNames.get(f.areaCode)?.name ?? f.areaCode,
      href: siteUrls.area(f.areaCode),
      value: f.status === 'suppressed' ? 'suppressed' : formatValue(indicator, f.value),
      note: figureNotes(f).join('; ') || (f.source === 'published' ? 'Published' : ''),
    })),
    download: downloadLinks(
      caption,
      csvOf(figureUrls.indicator(indicator.code, { period: period.key }), { table: 'places' }),
      apiUrls.rollUp(
        indicator.code,
        period.key,
        figures.map((f) => f.areaCode),
      ),
    ),
  };
}

export function indicatorPageView(data: IndicatorPageData, query: IndicatorQuery): IndicatorPageView {
  const { indicator, period } = data;
  return {
    pageTitle: indicator.title,
    code: indicator.code,
    ownership: ownershipOf(data.ownerName),
    formAction: siteUrls.indicator(indicator.code),
    definition: definitionRows(indicator),
    versions: data.versions.map((v) => ({
      version: v.version,
      recorded: longDate(v.createdAt),
      note: v.comparabilityNote ?? (v.version === 1 ? 'First published definition' : 'Definition changed'),
    })),
    hasFigures: period !== undefined,
    periodOptions: [...data.periods].reverse().map((p) => ({ value: p.key, text: p.label, selected: p.key === period?.key })),
    typeOptions: indicator.areaTypes.map((t) => ({ value: t, text: areaTypePlural(t), selected: t === data.areaType })),
    q: query.q,
    area: query.area,
    periodLabel: period?.label ?? '',
    typePlural: areaTypePlural(data.areaType).toLowerCase(),
    ranked: rankedTable(data, query),
    places: placesTable(data),
    trend: overTimeTable(data),
    map: mapView(data, query.area),
  };
}
