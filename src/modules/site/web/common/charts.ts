/** The charts the figure pages draw (platform/web/charts), through one door, so view models stay pure. */
import { sparklineSvg } from '../../../../platform/web/charts/index.ts';

export { choroplethSvg, lineChartSvg, rangeSentence, type LineSeries } from '../../../../platform/web/charts/index.ts';

export type SeriesValue = { label: string; value: number | null };

export type SparklineDrawer = (values: SeriesValue[], title: string, id: string) => string;

/** A small line beside a row whose figures are in words next to it (so hidden from screen readers). */
export function sparklineFor(): SparklineDrawer {
  return (values, title, id) => sparklineSvg({ id, title, values: values.map((v) => v.value), decorative: true });
}

/** A chart with its visible caption: the page shows `title` above the SVG, whose `<title>` is the same. */
export interface FigureView {
  title: string;
  svg: string;
}

/** The values of `series` at each of `keys` (null where it has none): to draw it against another series' periods. */
export function valuesAt<P extends { period: { key: string } }>(
  keys: readonly string[],
  points: readonly P[],
  valueOf: (p: P) => number | null,
): (number | null)[] {
  const byKey = new Map(points.map((p) => [p.period.key, valueOf(p)]));
  return keys.map((k) => byKey.get(k) ?? null);
}
