/**
 * A small inline trend line (80×20) with its latest value marked. Meant to sit beside the figure it
 * illustrates: set `decorative` when a text equivalent is next to it, so screen readers skip it.
 */
import { line } from 'd3-shape';
import { scaleLinear } from 'd3-scale';
import { seriesStyle } from './colours.ts';
import { attrs, round1, svgDocument } from './svg.ts';

export interface SparklineOptions {
  id: string;
  title: string;
  values: (number | null)[];
  /** read as the description when not decorative; by default "From X to Y" over the known values */
  summary?: string;
  format?: (value: number) => string;
  /** hide from assistive technology (`aria-hidden`), for when the same facts are in text beside it */
  decorative?: boolean;
  width?: number;
  height?: number;
}

const PAD = 3;

export function sparklineSvg(opts: SparklineOptions): string {
  const width = opts.width ?? 80;
  const height = opts.height ?? 20;
  const known = opts.values.flatMap((v, i) => (v !== null && Number.isFinite(v) ? [{ i, v }] : []));
  const colour = seriesStyle(0).colour;
  let body = '';
  if (known.length > 0) {
    const lo = Math.min(...known.map((k) => k.v));
    const hi = Math.max(...known.map((k) => k.v));
    const y = scaleLinear()
      .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
      .range([height - PAD, PAD]);
    const last = Math.max(opts.values.length - 1, 1);
    const x = (i: number) => PAD + (i * (width - 2 * PAD)) / last;
    const d = line<number | null>()
      .defined((v) => v !== null && Number.isFinite(v))
      .x((_, i) => x(i))
      .y((v) => y(v ?? 0))
      .digits(1)(opts.values);
    const end = known[known.length - 1]!;
    body =
      `<path${attrs({ d, fill: 'none', stroke: colour, 'stroke-width': 1.5, 'stroke-linejoin': 'round', 'vector-effect': 'non-scaling-stroke' })}/>` +
      `<circle${attrs({ class: 'lv-sparkline__last', cx: round1(x(end.i)), cy: round1(y(end.v)), r: 2.5, fill: colour })}/>`;
  }
  return svgDocument(
    {
      id: opts.id,
      title: opts.title,
      summary: opts.summary ?? defaultSummary(known, opts.format ?? String),
      width,
      height,
      className: 'lv-sparkline',
      hidden: opts.decorative ?? false,
    },
    body,
  );
}

function defaultSummary(known: { v: number }[], format: (value: number) => string): string {
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return 'No data';
  if (known.length === 1) return `Only one value: ${format(first.v)}`;
  return `From ${format(first.v)} to ${format(last.v)}`;
}
