/**
 * Boundaries in, GeoJSON FeatureCollections out: TopoJSON (such as ONS's multi-layer file, whose
 * features carry `areacd`, `areanm` and optional `start`/`end` years) and plain GeoJSON.
 */
import type { Feature, FeatureCollection, GeoJsonProperties, Geometry } from 'geojson';
import { feature } from 'topojson-client';

export type Topology = Parameters<typeof feature>[0];

/** Parse TopoJSON text, checking its outline. */
export function parseTopology(text: string): Topology {
  const value: unknown = JSON.parse(text);
  if (!isObject(value) || value.type !== 'Topology' || !isObject(value.objects) || !Array.isArray(value.arcs)) {
    throw new Error('Not a TopoJSON topology: expected {"type": "Topology", "objects": {…}, "arcs": […]}');
  }
  return value as unknown as Topology;
}

/** Names of the layers a topology holds, e.g. ltla, utla, rgn. */
export function topologyObjectNames(topology: Topology): string[] {
  return Object.keys(topology.objects).sort();
}

/** The features of one layer of a topology, optionally filtered (see `validInYear`). */
export function topologyFeatures(
  topology: Topology,
  objectName: string,
  filter?: (feature: Feature<Geometry, GeoJsonProperties>) => boolean,
): FeatureCollection {
  const object = topology.objects[objectName];
  if (!object) {
    throw new Error(`The topology has no object "${objectName}"; it has ${topologyObjectNames(topology).join(', ')}`);
  }
  const converted = feature(topology, object);
  const features: Feature[] = converted.type === 'FeatureCollection' ? converted.features : [converted];
  return { type: 'FeatureCollection', features: filter ? features.filter(filter) : features };
}

/**
 * A filter keeping features valid in `year`: `start` (first year) and `end` (last year) are inclusive
 * and either may be absent, as in ONS's boundary file (Bournemouth has end 2018, BCP start 2019).
 */
export function validInYear(year: number): (feature: Feature<Geometry, GeoJsonProperties>) => boolean {
  return (f) => {
    const start = yearOf(f.properties?.start);
    const end = yearOf(f.properties?.end);
    return (start === undefined || start <= year) && (end === undefined || end >= year);
  };
}

function yearOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d{4}$/.test(value.trim())) return Number(value);
  return undefined;
}

/** Parse GeoJSON text: a FeatureCollection, a single Feature or a bare geometry. */
export function geojsonFeatures(text: string): FeatureCollection {
  const value: unknown = JSON.parse(text);
  if (!isObject(value) || typeof value.type !== 'string') throw new Error('Not GeoJSON: expected an object with a "type"');
  if (value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) throw new Error('Not GeoJSON: a FeatureCollection needs a "features" list');
    return { type: 'FeatureCollection', features: value.features as Feature[] };
  }
  if (value.type === 'Feature') return { type: 'FeatureCollection', features: [value as unknown as Feature] };
  const geometryTypes = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];
  if (geometryTypes.includes(value.type)) {
    return { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: value as unknown as Geometry }] };
  }
  throw new Error(`Not GeoJSON: unknown type "${value.type}"`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
