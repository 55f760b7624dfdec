/** Point markers and line swatches shared by the line chart and its legend. */
import { type MarkerShape, type SeriesStyle, BACKGROUND } from './colours.ts';
import { attrs, round1 } from './svg.ts';

/** A marker centred on (x, y); `inner` is put inside it (a `<title>`, say). */
export function marker(shape: MarkerShape, x: number, y: number, size: number, fill: string, inner = ''): string {
  const common = { fill, stroke: BACKGROUND, 'stroke-width': 1 };
  const s = size;
  let open: string;
  switch (shape) {
    case 'circle':
      open = `<circle${attrs({ cx: round1(x), cy: round1(y), r: s, ...common })}`;
      return closeWith(open, 'circle', inner);
    case 'square':
      open = `<rect${attrs({ x: round1(x - s * 0.9), y: round1(y - s * 0.9), width: round1(s * 1.8), height: round1(s * 1.8), ...common })}`;
      return closeWith(open, 'rect', inner);
    case 'triangle':
      open = `<path${attrs({ d: `M${round1(x)},${round1(y - s * 1.2)}L${round1(x + s * 1.1)},${round1(y + s * 0.8)}L${round1(x - s * 1.1)},${round1(y + s * 0.8)}Z`, ...common })}`;
      return closeWith(open, 'path', inner);
    case 'diamond':
      open = `<path${attrs({ d: `M${round1(x)},${round1(y - s * 1.25)}L${round1(x + s * 1.25)},${round1(y)}L${round1(x)},${round1(y + s * 1.25)}L${round1(x - s * 1.25)},${round1(y)}Z`, ...common })}`;
      return closeWith(open, 'path', inner);
  }
}

function closeWith(open: string, name: string, inner: string): string {
  return inner ? `${open}>${inner}</${name}>` : `${open}/>`;
}

/** A short sample of a series' line with its marker, for a legend. */
export function lineSwatch(style: SeriesStyle, x: number, y: number, width: number, strokeWidth: number): string {
  const line = `<line${attrs({
    x1: round1(x),
    y1: round1(y),
    x2: round1(x + width),
    y2: round1(y),
    stroke: style.colour,
    'stroke-width': strokeWidth,
    'stroke-dasharray': style.dash || undefined,
  })}/>`;
  return line + marker(style.marker, x + width / 2, y, 4, style.colour);
}
