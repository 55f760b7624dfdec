/** The indicator page's series over time: England and the median of the areas of the type shown. */
import { formatValue } from '../../../indicators/index.ts';
import { siteUrls } from '../../urls.ts';
import { downloadLinks } from '../common/download.ts';
import { lineChartSvg, valuesAt, type FigureView } from '../common/charts.ts';
import { trendSentence } from '../common/trend-sentence.ts';
import { apiUrls, csvOf } from '../common/urls.ts';
import { areaTypePlural, unitInWords } from '../common/words.ts';
import type { IndicatorPageData } from './load.ts';
import type { IndicatorPageView } from './view-model.ts';

export interface OverTimeRow {
  period: string;
  england: number | null;
  median: number | null;
}

/** One row for each period of the shown period's type in which England or the median has a figure. */
export function overTimeRows(data: IndicatorPageData): OverTimeRow[] {
  const type = data.period?.type;
  const periods = data.periods.filter((p) => p.type === type);
  const keys = periods.map((p) => p.key);
  const england = valuesAt(keys, data.englandSeries?.points ?? [], (p) => p.figure.value);
  return periods
    .map((p, i) => ({ period: p.label, england: england[i] ?? null, median: data.medians.get(p.key) ?? null }))
    .filter((r) => r.england !== null || r.median !== null);
}

function summaryOf(data: IndicatorPageData): string {
  const title = data.indicator.title;
  const points = (data.englandSeries?.points ?? []).filter((p) => p.figure.value !== null);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `${title}: the median of ${areaTypePlural(data.areaType).toLowerCase()} in each period.`;
  if (first === last) return `${title} in England was ${last.formatted} in ${last.period.label}.`;
  return trendSentence(title, 'England', first, last);
}

export function overTimeTable(data: IndicatorPageData): IndicatorPageView['trend'] {
  const rows = overTimeRows(data);
  if (rows.length === 0) return undefined;
  const { indicator } = data;
  const plural = areaTypePlural(data.areaType).toLowerCase();
  const hasEngland = rows.some((r) => r.england !== null);
  const caption = hasEngland ? `${indicator.title} in England, by year` : `${indicator.title}: median of ${plural}, by year`;
  const medianName = `Median of ${plural}`;
  const summary = summaryOf(data);
  const format = (v: number) => formatValue(indicator, v);
  const title = hasEngland
    ? `${indicator.title}: England and the median of ${plural}`
    : `${indicator.title}: median of ${plural}`;
  const figure: FigureView = {
    title,
    svg: lineChartSvg({
      id: 'england-chart',
      title,
      summary,
      yLabel: unitInWords(indicator.unit, indicator.unitMultiplier),
      format,
      categories: rows.map((r) => r.period),
      series: [
        ...(hasEngland ? [{ name: 'England', values: rows.map((r) => r.england), emphasis: true }] : []),
        { name: medianName, values: rows.map((r) => r.median) },
      ],
    }),
  };
  return {
    caption,
    summary,
    figure,
    hasEngland,
    medianName,
    rows: rows.map((r) => ({
      period: r.period,
      value: formatValue(indicator, r.england),
      median: formatValue(indicator, r.median),
    })),
    download: downloadLinks(
      caption,
      csvOf(siteUrls.indicator(indicator.code), { table: 'england', type: data.areaType }),
      apiUrls.timeSeries(indicator.code, data.englandSeries?.area.code ?? 'E92000001'),
    ),
  };
}
