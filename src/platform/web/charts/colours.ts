/**
 * Colours for charts and maps. Text uses GOV.UK's text colours on white (both well above 4.5:1);
 * lines use the Government Analysis Function's categorical palette, chosen for colour-blind readers,
 * each at least 3:1 against white, and each series also has its own dash and marker so they differ in
 * greyscale; maps use viridis, whose lightness rises steadily from one end to the other.
 */
import { interpolateViridis } from 'd3-scale-chromatic';

export const BACKGROUND = '#ffffff';
export const TEXT = '#0b0c0c';
export const SECONDARY_TEXT = '#505a5f';
/** Gridlines and axes: decoration, so they need no text-level contrast. */
export const GRID = '#b1b4b6';
export const AXIS = '#505a5f';
/** Area borders on maps. */
export const BORDER = '#ffffff';
/** Hatching for "no data": a pattern, so it cannot be mistaken for any colour of the scale. */
export const NO_DATA_HATCH = '#505a5f';
export const NO_DATA_FILL = '#ffffff';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface SeriesStyle {
  colour: string;
  /** `stroke-dasharray`, or '' for a solid line */
  dash: string;
  marker: MarkerShape;
}

/** Dark blue and orange first: the pair the Analysis Function recommends, far apart in lightness too. */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: '#12436d', dash: '', marker: 'circle' },
  { colour: '#f46a25', dash: '10 4', marker: 'square' },
  { colour: '#28a197', dash: '10 3 2 3', marker: 'triangle' },
  { colour: '#801650', dash: '4 3', marker: 'diamond' },
  { colour: '#3d3d3d', dash: '14 4', marker: 'circle' },
  { colour: '#a285d1', dash: '2 2', marker: 'square' },
];

export function seriesStyle(index: number): SeriesStyle {
  return SERIES_STYLES[index % SERIES_STYLES.length] ?? { colour: TEXT, dash: '', marker: 'circle' };
}

/** The target line: dotted and near-black, unlike any series. */
export const TARGET_STYLE = { colour: TEXT, dash: '2 5' } as const;

/**
 * `n` fills for binned values, lowest bin first, from light to dark along viridis
 * (so darker means more); `reverse` makes darker mean less.
 */
export function binColours(n: number, options: { reverse?: boolean } = {}): string[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`binColours needs a whole number of bins above 0, got ${n}`);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = n === 1 ? 0.5 : i / (n - 1);
    out.push(hex(interpolateViridis(options.reverse ? t : 1 - t)));
  }
  return out;
}

interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Reads `#rgb`, `#rrggbb` and `rgb(r, g, b)`: the forms our palettes and d3's interpolators give. */
export function parseRgb(cssColour: string): Rgb {
  const text = cssColour.trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  if (short)
    return {
      r: parseInt(short[1]! + short[1]!, 16),
      g: parseInt(short[2]! + short[2]!, 16),
      b: parseInt(short[3]! + short[3]!, 16),
    };
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(text);
  if (long) return { r: parseInt(long[1]!, 16), g: parseInt(long[2]!, 16), b: parseInt(long[3]!, 16) };
  const fn = /^rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(text);
  if (fn) return { r: Number(fn[1]), g: Number(fn[2]), b: Number(fn[3]) };
  throw new Error(`Not a colour: ${cssColour}`);
}

function hex(cssColour: string): string {
  const { r, g, b } = parseRgb(cssColour);
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance of a CSS colour. */
export function relativeLuminance(cssColour: string): number {
  const c = parseRgb(cssColour);
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/** WCAG contrast ratio between two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
