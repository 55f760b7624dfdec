/**
 * A time-series line chart: one or more series over ordered periods, with gaps where a value is
 * missing, an optional shaded interval per series and an optional dotted target line.
 */
import { scalePoint, type ScaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { AXIS, BACKGROUND, GRID, SECONDARY_TEXT, TARGET_STYLE, TEXT, seriesStyle } from './colours.ts';
import { type LegendKey, lineLegend } from './line-legend.ts';
import { marker } from './marks.ts';
import { attrs, escapeXml, round1, svgDocument, textElement } from './svg.ts';
import { FONT_SIZE, textWidth } from './text.ts';
import { valueScale } from './y-domain.ts';

export interface LineSeries {
  name: string;
  values: (number | null)[];
  /** the lower and upper ends of an interval (a confidence interval, say), drawn as a shaded band */
  lower?: (number | null)[];
  upper?: (number | null)[];
  /** drawn thicker and on top: the area the page is about */
  emphasis?: boolean;
}

export interface LineChartOptions {
  /** unique on the page; prefixes the ids inside the chart */
  id: string;
  title: string;
  /** the text summary, read as the chart's description */
  summary: string;
  yLabel: string;
  format: (value: number) => string;
  /** period labels, in order; every series has one value for each */
  categories: string[];
  series: LineSeries[];
  target?: { label: string; values: (number | null)[] };
  /** start the value axis at zero (for counts whose size matters); otherwise a nice range around the data */
  includeZero?: boolean;
  /** name of the shaded band in the legend */
  bandLabel?: string;
  /** viewBox size; the chart scales to its container's width */
  width?: number;
  height?: number;
}

interface Plot {
  x: (index: number) => number;
  y: ScaleLinear<number, number>;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

interface Point {
  x: number;
  y: number | null;
}

const TICK = 6;

export function lineChartSvg(opts: LineChartOptions): string {
  checkLengths(opts);
  const width = opts.width ?? 560;
  const height = opts.height ?? 320;
  const legend = lineLegend(legendKeys(opts), 4, 4, width - 8);
  const yLabelY = legend.height + 4 + FONT_SIZE;
  const plot = layOut(opts, width, height, yLabelY + 14);
  const body = [
    `<rect${attrs({ width, height, fill: BACKGROUND })}/>`,
    legend.svg,
    textElement('text', { class: 'lv-chart__axis-label', x: 4, y: yLabelY, fill: TEXT }, opts.yLabel),
    valueAxis(plot, opts.format),
    periodAxis(plot, opts.categories),
    ...opts.series.map((s, i) => band(plot, s, seriesStyle(i).colour)),
    opts.target ? targetLine(plot, opts.target) : '',
    ...drawOrder(opts.series).map((i) => seriesLine(plot, opts.series[i]!, i, opts)),
    allMissing(opts) ? noDataNote(plot) : '',
  ];
  return svgDocument(
    { id: opts.id, title: opts.title, summary: opts.summary, width, height, className: 'lv-chart--line' },
    body.join(''),
  );
}

function checkLengths(opts: LineChartOptions): void {
  const n = opts.categories.length;
  const lists: [string, unknown[] | undefined][] = opts.series.flatMap((s) => [
    [s.name, s.values],
    [`${s.name} (lower)`, s.lower],
    [`${s.name} (upper)`, s.upper],
  ]);
  if (opts.target) lists.push([opts.target.label, opts.target.values]);
  for (const [name, list] of lists) {
    if (list && list.length !== n) throw new Error(`${name} has ${list.length} values for ${n} periods`);
  }
}

function numbersOf(opts: LineChartOptions): number[] {
  const lists = opts.series.flatMap((s) => [s.values, s.lower ?? [], s.upper ?? []]);
  if (opts.target) lists.push(opts.target.values);
  return lists.flat().filter((v): v is number => v !== null && Number.isFinite(v));
}

function allMissing(opts: LineChartOptions): boolean {
  return opts.series.every((s) => s.values.every((v) => v === null || !Number.isFinite(v)));
}

function layOut(opts: LineChartOptions, width: number, height: number, top: number): Plot {
  const bottom = height - 34;
  const y = valueScale(numbersOf(opts), opts.includeZero ?? false, [bottom, top]);
  const widest = Math.max(0, ...y.ticks(5).map((t) => textWidth(opts.format(t))));
  const left = Math.max(widest + TICK + 8, 24);
  const right = width - 12;
  const x = scalePoint<number>()
    .domain(opts.categories.map((_, i) => i))
    .range([left, right])
    .padding(0.4);
  return { x: (i) => x(i) ?? left, y, left, right, top, bottom };
}

function valueAxis(plot: Plot, format: (v: number) => string): string {
  const parts = plot.y.ticks(5).map((t) => {
    const y = round1(plot.y(t));
    return (
      `<line${attrs({ x1: plot.left, x2: plot.right, y1: y, y2: y, stroke: GRID, 'stroke-width': 1 })}/>` +
      textElement('text', { x: plot.left - TICK - 2, y, dy: '0.35em', 'text-anchor': 'end', fill: SECONDARY_TEXT }, format(t))
    );
  });
  return `<g class="lv-chart__y-axis">${parts.join('')}</g>`;
}

/** Period labels, thinned when they would overlap; the latest period is always labelled. */
function periodAxis(plot: Plot, categories: string[]): string {
  const n = categories.length;
  const step = n > 1 ? Math.abs(plot.x(1) - plot.x(0)) : plot.right - plot.left;
  const widest = Math.max(0, ...categories.map((c) => textWidth(c))) + 8;
  const every = Math.max(1, Math.ceil(widest / step));
  const parts = [
    `<line${attrs({ x1: plot.left, x2: plot.right, y1: plot.bottom, y2: plot.bottom, stroke: AXIS, 'stroke-width': 1 })}/>`,
  ];
  categories.forEach((label, i) => {
    const x = round1(plot.x(i));
    parts.push(`<line${attrs({ x1: x, x2: x, y1: plot.bottom, y2: plot.bottom + TICK, stroke: AXIS, 'stroke-width': 1 })}/>`);
    if ((n - 1 - i) % every === 0) {
      parts.push(
        textElement('text', { x, y: plot.bottom + TICK + FONT_SIZE + 2, 'text-anchor': 'middle', fill: SECONDARY_TEXT }, label),
      );
    }
  });
  return `<g class="lv-chart__x-axis">${parts.join('')}</g>`;
}

function pointsOf(plot: Plot, values: readonly (number | null)[]): Point[] {
  return values.map((v, i) => ({ x: plot.x(i), y: v === null || !Number.isFinite(v) ? null : plot.y(v) }));
}

const linePath = line<Point>()
  .defined((p) => p.y !== null)
  .x((p) => p.x)
  .y((p) => p.y ?? 0)
  .digits(1);

function band(plot: Plot, series: LineSeries, colour: string): string {
  if (!series.lower || !series.upper) return '';
  const lower = pointsOf(plot, series.lower);
  const upper = pointsOf(plot, series.upper);
  const rows = lower.map((p, i) => ({ x: p.x, y0: p.y, y1: upper[i]?.y ?? null }));
  const d = area<(typeof rows)[number]>()
    .defined((r) => r.y0 !== null && r.y1 !== null)
    .x((r) => r.x)
    .y0((r) => r.y0 ?? 0)
    .y1((r) => r.y1 ?? 0)
    .digits(1)(rows);
  return d ? `<path${attrs({ class: 'lv-chart__band', d, fill: colour, 'fill-opacity': 0.25, stroke: 'none' })}/>` : '';
}

function targetLine(plot: Plot, target: { label: string; values: (number | null)[] }): string {
  const points = pointsOf(plot, target.values);
  const defined = points.filter((p) => p.y !== null);
  const last = defined[defined.length - 1];
  if (!last || last.y === null) return '';
  // a lone value (with no neighbour to join) is drawn as a short level mark
  const lone = points
    .filter((p, i) => p.y !== null && points[i - 1]?.y == null && points[i + 1]?.y == null)
    .map((p) => `M${round1(p.x - 16)},${round1(p.y ?? 0)}h32`);
  const d = (linePath(points) ?? '') + lone.join('');
  const style = {
    stroke: TARGET_STYLE.colour,
    'stroke-width': 2,
    'stroke-dasharray': TARGET_STYLE.dash,
    'stroke-linecap': 'round',
    fill: 'none',
  };
  const label = textElement(
    'text',
    {
      x: round1(Math.min(last.x + 10, plot.right)),
      y: round1(last.y - 8),
      'text-anchor': 'end',
      fill: TEXT,
      stroke: BACKGROUND,
      'stroke-width': 4,
      'paint-order': 'stroke',
    },
    target.label,
  );
  return `<g class="lv-chart__target"><path${attrs({ d, ...style })}/>${label}</g>`;
}

/** Emphasised series last, so they are drawn on top. */
function drawOrder(series: LineSeries[]): number[] {
  const indexes = series.map((_, i) => i);
  return [...indexes.filter((i) => !series[i]!.emphasis), ...indexes.filter((i) => series[i]!.emphasis)];
}

function seriesLine(plot: Plot, series: LineSeries, index: number, opts: LineChartOptions): string {
  const style = seriesStyle(index);
  const d = linePath(pointsOf(plot, series.values)) ?? '';
  const path = `<path${attrs({
    d,
    fill: 'none',
    stroke: style.colour,
    'stroke-width': series.emphasis ? 3.5 : 2,
    'stroke-dasharray': style.dash || undefined,
    'stroke-linejoin': 'round',
  })}/>`;
  const marks = series.values.map((v, i) => {
    if (v === null || !Number.isFinite(v)) return '';
    const tip = `<title>${escapeXml(pointTip(series, i, v, opts))}</title>`;
    return marker(style.marker, plot.x(i), plot.y(v), series.emphasis ? 5 : 4, style.colour, tip);
  });
  return `<g${attrs({ class: 'lv-chart__series', 'data-series': series.name })}>${path}${marks.join('')}</g>`;
}

function pointTip(series: LineSeries, i: number, value: number, opts: LineChartOptions): string {
  const lo = series.lower?.[i];
  const hi = series.upper?.[i];
  const interval = lo != null && hi != null ? ` (${opts.format(lo)} to ${opts.format(hi)})` : '';
  return `${series.name}, ${opts.categories[i] ?? ''}: ${opts.format(value)}${interval}`;
}

function legendKeys(opts: LineChartOptions): LegendKey[] {
  const keys: LegendKey[] = [];
  if (opts.series.length > 1) {
    opts.series.forEach((s, i) =>
      keys.push({ kind: 'series', name: s.name, style: seriesStyle(i), strokeWidth: s.emphasis ? 3.5 : 2 }),
    );
  }
  const banded = opts.series.findIndex((s) => s.lower && s.upper);
  if (banded >= 0) keys.push({ kind: 'band', name: opts.bandLabel ?? 'Confidence interval', colour: seriesStyle(banded).colour });
  if (opts.target && keys.length > 0)
    keys.push({ kind: 'target', name: opts.target.label, colour: TARGET_STYLE.colour, dash: TARGET_STYLE.dash });
  return keys;
}

function noDataNote(plot: Plot): string {
  const x = round1((plot.left + plot.right) / 2);
  const y = round1((plot.top + plot.bottom) / 2);
  return textElement('text', { x, y, 'text-anchor': 'middle', fill: TEXT }, 'No data');
}
