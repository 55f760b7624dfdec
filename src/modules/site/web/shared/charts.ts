/** The charts the figure pages draw (platform/web/charts), through one door, so view models stay pure. */
import { sparklineSvg } from '../../../../platform/web/charts/index.ts';

export type SeriesValue = { label: string; value: number | null };

export type SparklineDrawer = (values: SeriesValue[], title: string, id: string) => string;

/** A small line beside a row whose figures are in words next to it (so hidden from screen readers). */
export function sparklineFor(): SparklineDrawer {
  return (values, title, id) => sparklineSvg({ id, title, values: values.map((v) => v.value), decorative: true });
}
