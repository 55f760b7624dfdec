/**
 * Server-side SVG charts and maps: pure functions returning SVG strings, each with a title and a text
 * description, meant to sit beside a table of the same figures. Knows no domain. See README.md.
 */
export { lineChartSvg, type LineChartOptions, type LineSeries } from './line-chart.ts';
export { sparklineSvg, type SparklineOptions } from './sparkline.ts';
export { choroplethSvg, type ChoroplethOptions } from './choropleth.ts';
export { parseTopology, topologyFeatures, topologyObjectNames, validInYear, geojsonFeatures, type Topology } from './geo.ts';
export { quantileBins, type Bin, type Binning } from './bins.ts';
export {
  BACKGROUND,
  TEXT,
  SECONDARY_TEXT,
  SERIES_STYLES,
  TARGET_STYLE,
  binColours,
  contrastRatio,
  relativeLuminance,
  type SeriesStyle,
} from './colours.ts';
export {
  trendSentence,
  rangeSentence,
  type TrendPolarity,
  type TrendSentenceInput,
  type NamedValue,
  type LabelledValue,
} from './sentences.ts';
export { escapeXml } from './svg.ts';
export { CHARTS_STYLESHEET_PATH } from './stylesheet.ts';
