/**
 * SVG path data for projected polygons, written compactly: the first point of each ring absolute,
 * then relative moves ("l1.2-.5"), all rounded to tenths of a viewBox unit. Coordinates are rounded
 * before differences are taken, so rounding errors never add up along a ring.
 */
import type { Point } from './simplify.ts';

export function polygonsPath(polygons: Point[][][]): string {
  let out = '';
  for (const rings of polygons) {
    for (const ring of rings) out += ringPath(ring);
  }
  return out;
}

function ringPath(ring: Point[]): string {
  let out = '';
  let cx = 0;
  let cy = 0;
  let moves = 0;
  for (const [px, py] of ring) {
    const x = Math.round(px * 10);
    const y = Math.round(py * 10);
    if (out === '') {
      out = `M${tenths(x)}${join(tenths(y))}`;
    } else if (x !== cx || y !== cy) {
      out += (moves === 0 ? `l${tenths(x - cx)}` : join(tenths(x - cx))) + join(tenths(y - cy));
      moves += 1;
    }
    cx = x;
    cy = y;
  }
  // a ring that rounds to fewer than three points draws nothing
  return moves >= 2 ? `${out}z` : '';
}

/** A whole number of tenths as the shortest decimal: 5 → ".5", -12 → "-1.2", 30 → "3". */
export function tenths(n: number): string {
  if (n === 0) return '0';
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const whole = Math.floor(abs / 10);
  const tenth = abs % 10;
  return sign + (whole === 0 ? '' : String(whole)) + (tenth === 0 ? '' : `.${tenth}`);
}

/** Numbers need a separator unless the next one starts with a minus sign. */
function join(number: string): string {
  return number.startsWith('-') ? number : ` ${number}`;
}
