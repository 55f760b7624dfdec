/** The trend page: one indicator for one area over time, its summary sentence, chart inputs and table. */
import { formatValue } from '../../../indicators/index.ts';
import type { TimeSeries } from '../../../analysis/index.ts';
import { siteUrls } from '../../urls.ts';
import { lineChartSvg, valuesAt, type FigureView, type LineSeries } from '../common/charts.ts';
import { downloadLinks, type DownloadLinks } from '../common/download.ts';
import { trendSentence } from '../common/trend-sentence.ts';
import { apiUrls, csvOf, figureUrls } from '../common/urls.ts';
import { sentenceCase, unitInWords } from '../common/words.ts';
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
  /** England's figure for the same period, when England's series is shown */
  england: string | undefined;
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
  /** the line chart: the area, its intervals, England and the target */
  figure: FigureView | undefined;
  /** England's series is drawn and tabled beside the area's */
  hasEngland: boolean;
  areaHref: string;
  indicatorHref: string;
  compareHref: string;
  download: DownloadLinks | undefined;
}

export interface TrendOptions {
  target?: TrendTarget;
  /** England's series, drawn for the periods the area has */
  england?: TimeSeries | undefined;
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

/** England's values at the area's periods, when England is another area and has any of them. */
function englandValues(series: TimeSeries, england: TimeSeries | undefined): (number | null)[] | undefined {
  if (!england || england.area.code === series.area.code) return undefined;
  const keys = series.points.map((p) => p.period.key);
  const values = valuesAt(keys, england.points, (p) => p.figure.value);
  return values.some((v) => v !== null) ? values : undefined;
}

/** The line chart of the series, with its confidence band, England and the target when there are some. */
export function trendFigure(
  series: TimeSeries,
  summary: string | undefined,
  england: (number | null)[] | undefined,
  target: TrendTarget | undefined,
): FigureView | undefined {
  const { indicator, area, points } = series;
  if (!points.some((p) => p.figure.value !== null)) return undefined;
  const format = (v: number) => formatValue(indicator, v);
  const hasBand = points.some((p) => p.figure.ciLower !== null && p.figure.ciUpper !== null);
  const main: LineSeries = {
    name: area.name,
    values: points.map((p) => p.figure.value),
    emphasis: true,
    ...(hasBand ? { lower: points.map((p) => p.figure.ciLower), upper: points.map((p) => p.figure.ciUpper) } : {}),
  };
  const title = `${indicator.title}, ${area.name}`;
  const svg = lineChartSvg({
    id: 'trend-chart',
    title,
    summary: summary ?? title,
    yLabel: unitInWords(indicator.unit, indicator.unitMultiplier),
    format,
    categories: points.map((p) => p.period.label),
    series: england ? [main, { name: 'England', values: england }] : [main],
    ...(hasBand ? { bandLabel: '95% confidence interval' } : {}),
    ...(target ? { target: { label: `${target.label}: ${format(target.value)}`, values: points.map(() => target.value) } } : {}),
  });
  return { title, svg };
}

export function trendPageView(series: TimeSeries, opts: TrendOptions = {}): TrendPageView {
  const { indicator, area } = series;
  const pageTitle = `${indicator.title} in ${area.name}`;
  const caption = `${pageTitle}, by period`;
  const hasIntervals = series.points.some((p) => p.figure.ciLower !== null && p.figure.ciUpper !== null);
  const pageUrl = figureUrls.trend({ area: area.code, indicator: indicator.code });
  const summary = trendSummary(series);
  const england = englandValues(series, opts.england);
  return {
    pageTitle,
    errorSummary: [],
    errors: {},
    area: area.code,
    indicator: indicator.code,
    summary,
    target: opts.target ? `${opts.target.label}: ${formatValue(indicator, opts.target.value)}` : undefined,
    hasIntervals,
    caption,
    rows: series.points.map((p, i) => ({
      period: p.period.label,
      value: p.formatted,
      interval: interval(series, p.figure.ciLower, p.figure.ciUpper),
      direction: p.direction ? sentenceCase(p.direction.words) : '–',
      notes: [
        ...(p.figure.status === 'provisional' ? ['Provisional'] : []),
        ...(p.figure.source === 'derived' && p.figure.coverage ? [`Worked out from ${p.figure.coverage.text}`] : []),
      ],
      england: england ? formatValue(indicator, england[i] ?? null) : undefined,
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
    figure: trendFigure(series, summary, england, opts.target),
    hasEngland: england !== undefined,
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
    figure: undefined,
    hasEngland: false,
    areaHref: '',
    indicatorHref: '',
    compareHref: '',
    download: undefined,
  };
}
