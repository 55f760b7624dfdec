/**
 * Projecting boundaries to SVG path data. The result depends only on the features and the width, so it
 * is kept (per FeatureCollection object, weakly): a page drawing the same map with new values
 * projects nothing again. Load the boundaries once and pass the same object each time.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { type GeoProjection, type GeoStream, geoStream, geoTransverseMercator } from 'd3-geo';
import { polygonsPath } from './path-data.ts';
import { type Point, simplifyRing } from './simplify.ts';

export interface ProjectedMap {
  width: number;
  height: number;
  /** path data for each feature, in order; null for a feature with no area to draw */
  paths: (string | null)[];
}

const PAD = 4;
/** Tall places are fitted within this height-to-width ratio. */
const MAX_ASPECT = 2;
/** How far (in viewBox units) a simplified boundary may stray from the true one. */
export const TOLERANCE = 0.4;
/** Islands and other parts smaller than this (in square viewBox units) are left out; never an area's largest part. */
export const MIN_PART_AREA = 0.5;

const cache = new WeakMap<FeatureCollection, Map<number, ProjectedMap>>();

export function projectedMap(collection: FeatureCollection, width: number): ProjectedMap {
  let byWidth = cache.get(collection);
  if (!byWidth) {
    byWidth = new Map();
    cache.set(collection, byWidth);
  }
  let projected = byWidth.get(width);
  if (!projected) {
    projected = project(collection, width);
    byWidth.set(width, projected);
  }
  return projected;
}

/**
 * A transverse Mercator centred on the features' middle meridian: for Great Britain that is close to
 * the British National Grid, so shapes look as they do on Ordnance Survey maps. Each feature is
 * projected once at unit scale (no adaptive resampling: boundaries are dense enough), then scaled to
 * fit the width, which for a d3 projection is the same as fitting first.
 */
function project(collection: FeatureCollection, width: number): ProjectedMap {
  const projection = geoTransverseMercator()
    .rotate([-middleLongitude(collection), 0])
    .precision(0)
    .scale(1)
    .translate([0, 0]);
  const shapes = collection.features.map((f) => (f.geometry ? projectedPolygons(projection, f.geometry) : []));
  const [x0, y0, x1, y1] = extent(shapes);
  const inner = width - 2 * PAD;
  let k = x1 > x0 ? inner / (x1 - x0) : 1;
  let height = Math.ceil((y1 - y0) * k + 2 * PAD);
  if (height > width * MAX_ASPECT) {
    height = Math.ceil(width * MAX_ASPECT);
    k = (height - 2 * PAD) / (y1 - y0);
  }
  const tx = (width - k * (x0 + x1)) / 2;
  const ty = (height - k * (y0 + y1)) / 2;
  const paths = shapes.map((polygons) => {
    const scaled = polygons.map((rings) => rings.map((ring) => ring.map(([x, y]): Point => [k * x + tx, k * y + ty])));
    return polygonsPath(withoutSpecks(scaled).map((rings) => rings.map((ring) => simplifyRing(ring, TOLERANCE)))) || null;
  });
  return { width, height: Math.max(height, 1), paths };
}

/** The polygons of a geometry as projected rings; lines and points have no area and are left out. */
function projectedPolygons(projection: GeoProjection, geometry: Geometry): Point[][][] {
  const polygons: Point[][][] = [];
  let rings: Point[][] | null = null;
  let ring: Point[] | null = null;
  const sink: GeoStream = {
    polygonStart: () => void (rings = []),
    polygonEnd: () => {
      if (rings && rings.length > 0) polygons.push(rings);
      rings = null;
    },
    lineStart: () => void (ring = []),
    lineEnd: () => {
      if (rings && ring) rings.push(ring);
      ring = null;
    },
    point: (x, y) => void ring?.push([x, y]),
  };
  geoStream(forD3(geometry), projection.stream(sink));
  return polygons;
}

function extent(shapes: Point[][][][]): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygons of shapes) {
    for (const [x, y] of polygons.flat(2)) {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return x0 <= x1 ? [x0, y0, x1, y1] : [0, 0, 1, 1];
}

/** Leaves out the parts of an area too small to see, keeping its largest part. */
function withoutSpecks(polygons: Point[][][]): Point[][][] {
  if (polygons.length < 2) return polygons;
  const sizes = polygons.map((rings) => Math.abs(signedArea(rings[0] ?? [])));
  const largest = Math.max(...sizes);
  return polygons.filter((_, i) => (sizes[i] ?? 0) >= MIN_PART_AREA || sizes[i] === largest);
}

/** The middle of the features' longitudes (areas crossing the antimeridian are not expected). */
function middleLongitude(collection: FeatureCollection): number {
  let west = Infinity;
  let east = -Infinity;
  for (const f of collection.features) {
    for (const [lon] of positionsOf(f)) {
      if (lon === undefined) continue;
      if (lon < west) west = lon;
      if (lon > east) east = lon;
    }
  }
  return west <= east ? (west + east) / 2 : 0;
}

function positionsOf(feature: Feature): Position[] {
  const g = feature.geometry;
  if (g?.type === 'Polygon') return g.coordinates.flat();
  if (g?.type === 'MultiPolygon') return g.coordinates.flat(2);
  return [];
}

/**
 * d3-geo reads rings on the sphere: exterior clockwise, holes anticlockwise. GeoJSON written to
 * RFC 7946 winds them the other way, which d3 would read as "everything but this area"; such rings are
 * turned round. (Judged on the plane of longitude and latitude, which is sound for areas this size.)
 */
function forD3(geometry: Geometry): Geometry {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: polygonForD3(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon') return { ...geometry, coordinates: geometry.coordinates.map(polygonForD3) };
  return geometry;
}

function polygonForD3(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => {
    const clockwise = signedArea(ring as Point[]) < 0;
    return clockwise === (i === 0) ? ring : [...ring].reverse();
  });
}

/** Shoelace area: positive when the ring runs anticlockwise with y pointing up. */
function signedArea(ring: readonly Point[] | readonly Position[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const [ax = 0, ay = 0] = ring[i] ?? [];
    const [bx = 0, by = 0] = ring[(i + 1) % n] ?? [];
    sum += ax * by - bx * ay;
  }
  return sum / 2;
}
