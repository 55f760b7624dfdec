/** The line chart's legend: swatches and names in rows that wrap to the chart's width. */
import { type SeriesStyle, TEXT } from './colours.ts';
import { lineSwatch } from './marks.ts';
import { attrs, round1, textElement } from './svg.ts';
import { textWidth } from './text.ts';

export type LegendKey =
  | { kind: 'series'; name: string; style: SeriesStyle; strokeWidth: number }
  | { kind: 'band'; name: string; colour: string }
  | { kind: 'target'; name: string; colour: string; dash: string };

const SWATCH = 28;
const GAP = 6;
const ITEM_GAP = 18;
const ROW_HEIGHT = 24;

export interface LaidOutLegend {
  svg: string;
  height: number;
}

/** Lays the keys out left to right from (x, y), starting a new row when one would pass `maxWidth`. */
export function lineLegend(keys: LegendKey[], x: number, y: number, maxWidth: number): LaidOutLegend {
  if (keys.length === 0) return { svg: '', height: 0 };
  let cx = x;
  let row = 0;
  const parts: string[] = [];
  for (const key of keys) {
    const width = SWATCH + GAP + textWidth(key.name);
    if (cx > x && cx + width > x + maxWidth) {
      row += 1;
      cx = x;
    }
    const cy = y + row * ROW_HEIGHT + ROW_HEIGHT / 2;
    parts.push(swatch(key, cx, cy));
    parts.push(textElement('text', { x: round1(cx + SWATCH + GAP), y: round1(cy), dy: '0.35em', fill: TEXT }, key.name));
    cx += width + ITEM_GAP;
  }
  return { svg: `<g class="lv-chart__legend">${parts.join('')}</g>`, height: (row + 1) * ROW_HEIGHT };
}

function swatch(key: LegendKey, x: number, y: number): string {
  switch (key.kind) {
    case 'series':
      return lineSwatch(key.style, x, y, SWATCH, key.strokeWidth);
    case 'band':
      return `<rect${attrs({ x, y: round1(y - 7), width: SWATCH, height: 14, fill: key.colour, 'fill-opacity': 0.25 })}/>`;
    case 'target':
      return `<line${attrs({ x1: x, y1: y, x2: x + SWATCH, y2: y, stroke: key.colour, 'stroke-width': 2, 'stroke-dasharray': key.dash, 'stroke-linecap': 'round' })}/>`;
  }
}
