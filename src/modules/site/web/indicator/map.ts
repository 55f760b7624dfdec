/** The indicator page's map: the ranked areas' figures on their boundaries, linked to their profiles. */
import { formatValue } from '../../../indicators/index.ts';
import { siteUrls } from '../../urls.ts';
import { choroplethSvg, rangeSentence, type FigureView } from '../common/charts.ts';
import { featureCode, featureName } from '../common/boundaries.ts';
import { areaTypePlural, unitInWords } from '../common/words.ts';
import type { IndicatorPageData } from './load.ts';

export interface MapView extends FigureView {
  summary: string;
  /** the boundaries' source and licence, said under the map */
  attribution: string;
}

/** undefined without figures or without boundaries that cover them. */
export function mapView(data: IndicatorPageData, highlight: string): MapView | undefined {
  const { ranking, period, indicator, boundaries } = data;
  if (!ranking || !period || !boundaries) return undefined;
  const format = (v: number) => formatValue(indicator, v);
  const plural = areaTypePlural(data.areaType).toLowerCase();
  const ranked = new Set(ranking.rows.map((r) => r.figure.areaCode));
  const title = `${indicator.title}: map of ${plural}, ${period.label}`;
  const summary = rangeSentence({
    items: ranking.rows.map((r) => ({ name: r.areaName, value: r.figure.value })),
    format,
    noun: plural,
  });
  const svg = choroplethSvg({
    id: 'map',
    title,
    summary,
    features: boundaries.features,
    values: new Map(ranking.rows.map((r) => [r.figure.areaCode, r.figure.value])),
    format,
    legendTitle: unitInWords(indicator.unit, indicator.unitMultiplier),
    codeOf: featureCode,
    nameOf: featureName,
    ...(highlight !== '' && ranked.has(highlight) ? { highlight } : {}),
    hrefOf: (code) => (ranked.has(code) ? siteUrls.area(code) : undefined),
    reverse: indicator.polarity === 'lower_is_better',
  });
  return {
    title,
    svg,
    summary,
    attribution: `Boundaries: ${boundaries.setTitle}. ${boundaries.attribution} (${boundaries.licence}).`,
  };
}
