/** The choropleth's legend, drawn below the map: one row for each bin, then "No data" and the outlined area. */
import type { Bin } from './bins.ts';
import { SECONDARY_TEXT, TEXT } from './colours.ts';
import { attrs, textElement } from './svg.ts';

export interface MapLegendInput {
  title: string;
  bins: Bin[];
  colours: string[];
  format: (value: number) => string;
  noDataCount: number;
  noDataFill: string;
  highlightName?: string | undefined;
}

const ROW = 26;
const SWATCH_W = 28;
const SWATCH_H = 18;
const TITLE_HEIGHT = 24;

export function mapLegendHeight(input: MapLegendInput): number {
  return TITLE_HEIGHT + ROW * rowCount(input) + 4;
}

function rowCount(input: MapLegendInput): number {
  return input.bins.length + 1 + (input.highlightName ? 1 : 0);
}

export function mapLegend(input: MapLegendInput, x: number, y: number): string {
  const rows: string[] = [textElement('text', { x, y: y + 16, fill: TEXT, 'font-weight': 'bold' }, input.title)];
  let top = y + TITLE_HEIGHT;
  const row = (swatch: Record<string, string | number>, label: string, count?: number) => {
    rows.push(`<rect${attrs({ x, y: top + (ROW - SWATCH_H) / 2, width: SWATCH_W, height: SWATCH_H, ...swatch })}/>`);
    const text =
      textElement('tspan', {}, label) +
      (count === undefined ? '' : textElement('tspan', { fill: SECONDARY_TEXT }, ` (${areas(count)})`));
    rows.push(`<text${attrs({ x: x + SWATCH_W + 8, y: top + ROW / 2, dy: '0.35em', fill: TEXT })}>${text}</text>`);
    top += ROW;
  };
  input.bins.forEach((bin, i) => {
    row(
      { fill: input.colours[i] ?? TEXT, stroke: SECONDARY_TEXT, 'stroke-width': 0.5 },
      rangeLabel(bin, input.format),
      bin.count,
    );
  });
  row({ fill: input.noDataFill, stroke: SECONDARY_TEXT, 'stroke-width': 0.5 }, 'No data', input.noDataCount);
  if (input.highlightName) row({ fill: 'none', stroke: TEXT, 'stroke-width': 2.5 }, `Outlined: ${input.highlightName}`);
  return `<g class="lv-map__legend">${rows.join('')}</g>`;
}

export function rangeLabel(bin: Bin, format: (value: number) => string): string {
  const lo = format(bin.min);
  const hi = format(bin.max);
  return lo === hi ? lo : `${lo} to ${hi}`;
}

function areas(n: number): string {
  return n === 1 ? '1 area' : `${n} areas`;
}
