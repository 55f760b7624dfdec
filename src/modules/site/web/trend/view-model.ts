/** The trend page: one indicator for one area over time, its summary sentence, chart inputs and table. */
import { formatValue } from '../../../indicators/index.ts';
import type { TimeSeries } from '../../../analysis/index.ts';
import { siteUrls } from '../../urls.ts';
import { downloadLinks, type DownloadLinks } from '../shared/download.ts';
import { trendSentence } from '../shared/trend-sentence.ts';
import { apiUrls, csvOf, figureUrls } from '../shared/urls.ts';
import { sentenceCase } from '../shared/words.ts';
import type { TrendFieldError } from './query.ts';

/** A target for the indicator (none are stored yet): a level to reach by a period, shown as a line. */
export interface TrendTarget {
  value: number;
  /** "Target for 2025/26" */
  label: string;
}

export interface TrendChartPoint {
  label: string;
  value: number | null;
  low: number | null;
  high: number | null;
}

export interface TrendRowView {
  period: string;
  value: string;
  interval: string | undefined;
  direction: string;
  notes: string[];
}

export interface TrendPageView {
  pageTitle: string;
  errorSummary: { text: string; href: string }[];
  errors: Partial<Record<TrendFieldError['field'], { text: string }>>;
  area: string;
  indicator: string;
  summary: string | undefined;
  target: string | undefined;
  hasIntervals: boolean;
  caption: string;
  rows: TrendRowView[];
  chart: { title: string; points: TrendChartPoint[]; target: TrendTarget | undefined; unit: string } | undefined;
  chartSvg: string | undefined;
  areaHref: string;
  indicatorHref: string;
  compareHref: string;
  download: DownloadLinks | undefined;
}

export interface TrendOptions {
  target?: TrendTarget;
}

function interval(series: TimeSeries, low: number | null, high: number | null): string | undefined {
  if (low === null || high === null) return undefined;
  return `${formatValue(series.indicator, low)} to ${formatValue(series.indicator, high)}`;
}

export function trendSummary(series: TimeSeries): string | undefined {
  const points = series.points.filter((p) => p.figure.value !== null);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return undefined;
  const { title } = series.indicator;
  if (first === last) return `${title} in ${series.area.name} was ${last.formatted} in ${last.period.label}.`;
  return trendSentence(title, series.area.name, first, last);
}

export function trendPageView(series: TimeSeries, opts: TrendOptions = {}): TrendPageView {
  const { indicator, area } = series;
  const pageTitle = `${indicator.title} in ${area.name}`;
  const caption = `${pageTitle}, by period`;
  const hasIntervals = series.points.some((p) => p.figure.ciLower !== null && p.figure.ciUpper !== null);
  const pageUrl = figureUrls.trend({ area: area.code, indicator: indicator.code });
  return {
    pageTitle,
    errorSummary: [],
    errors: {},
    area: area.code,
    indicator: indicator.code,
    summary: trendSummary(series),
    target: opts.target ? `${opts.target.label}: ${formatValue(indicator, opts.target.value)}` : undefined,
    hasIntervals,
    caption,
    rows: series.points.map((p) => ({
      period: p.period.label,
      value: p.formatted,
      interval: interval(series, p.figure.ciLower, p.figure.ciUpper),
      direction: p.direction ? sentenceCase(p.direction.words) : '–',
      notes: [
        ...(p.figure.status === 'provisional' ? ['Provisional'] : []),
        ...(p.figure.source === 'derived' && p.figure.coverage ? [`Worked out from ${p.figure.coverage.text}`] : []),
      ],
    })),
    chart: {
      title: pageTitle,
      points: series.points.map((p) => ({
        label: p.period.label,
        value: p.figure.value,
        low: p.figure.ciLower,
        high: p.figure.ciUpper,
      })),
      target: opts.target,
      unit: indicator.unit,
    },
    chartSvg: undefined,
    areaHref: siteUrls.area(area.code),
    indicatorHref: siteUrls.indicator(indicator.code),
    compareHref: figureUrls.compare({ area: area.code, indicator: indicator.code, group: 'type' }),
    download: downloadLinks(caption, csvOf(pageUrl), apiUrls.timeSeries(indicator.code, area.code)),
  };
}

/** The form alone, with what was wrong. */
export function invalidTrendView(area: string, indicator: string, errors: readonly TrendFieldError[]): TrendPageView {
  return {
    pageTitle: 'See a trend',
    errorSummary: errors.map((e) => ({ text: e.message, href: `#${e.field}` })),
    errors: Object.fromEntries(errors.map((e) => [e.field, { text: e.message }])),
    area,
    indicator,
    summary: undefined,
    target: undefined,
    hasIntervals: false,
    caption: '',
    rows: [],
    chart: undefined,
    chartSvg: undefined,
    areaHref: '',
    indicatorHref: '',
    compareHref: '',
    download: undefined,
  };
}
