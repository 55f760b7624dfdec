/**
 * Simplifying projected boundaries, so a national map is small enough to send in a page: detail finer
 * than a pixel or so only adds bytes. Douglas–Peucker, in viewBox units.
 */
export type Point = [number, number];

/** A ring (without its first point repeated at the end): split at the point farthest from the first. */
export function simplifyRing(ring: Point[], tolerance: number): Point[] {
  if (ring.length <= 3) return ring;
  const first = ring[0]!;
  let far = 1;
  let farDistance = -1;
  ring.forEach(([x, y], i) => {
    const d = (x - first[0]) ** 2 + (y - first[1]) ** 2;
    if (d > farDistance) {
      far = i;
      farDistance = d;
    }
  });
  const there = simplifyLine(ring.slice(0, far + 1), tolerance);
  const back = simplifyLine([...ring.slice(far), first], tolerance);
  return [...there, ...back.slice(1, -1)];
}

/** Douglas–Peucker, iterative; keeps both ends. */
export function simplifyLine(points: Point[], tolerance: number): Point[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const limit = tolerance * tolerance;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    let worst = -1;
    let worstDistance = limit;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistanceSquared(points[i]!, points[from]!, points[to]!);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([from, worst], [worst, to]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function segmentDistanceSquared([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return (px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2;
}
