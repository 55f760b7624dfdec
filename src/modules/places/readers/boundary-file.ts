/**
 * Checking a boundary file before it is kept for maps: a GeoJSON FeatureCollection of features
 * with valid geometry types, or a TopoJSON Topology with objects and arcs.
 */
import type { ProblemDetail } from '../../../platform/errors.ts';
import type { AreaType, BoundaryFormat } from '../area.types.ts';

const GEOMETRY_TYPES = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection'];

export interface BoundaryFileInfo {
  format: BoundaryFormat;
  /** features (GeoJSON) or geometries in all objects (TopoJSON) */
  featureCount: number;
  /** the area type when every feature's code has the same GSS prefix */
  areaType: AreaType | null;
  /** a top-level "name", if the file has one */
  name: string | null;
}

export type BoundaryInspection = { ok: true; info: BoundaryFileInfo } | { ok: false; problems: ProblemDetail[] };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function inspectBoundaryFile(json: unknown): BoundaryInspection {
  if (!isObject(json)) return fail('', json, 'the file must be a JSON object');
  if (json.type === 'FeatureCollection') return inspectGeoJson(json);
  if (json.type === 'Topology') return inspectTopoJson(json);
  return fail('type', json.type, 'must be "FeatureCollection" (GeoJSON) or "Topology" (TopoJSON)');
}

function fail(field: string, value: unknown, reason: string): BoundaryInspection {
  return { ok: false, problems: [{ field, value: typeof value === 'object' ? undefined : value, reason }] };
}

function inspectGeoJson(json: Json): BoundaryInspection {
  if (!Array.isArray(json.features)) return fail('features', undefined, 'a FeatureCollection needs a "features" array');
  const problems: ProblemDetail[] = [];
  json.features.forEach((f: unknown, i) => {
    if (!isObject(f) || f.type !== 'Feature')
      problems.push({ field: `features[${i}].type`, reason: 'each feature must have "type": "Feature"' });
    else if (f.geometry !== null && !validGeometry(f.geometry))
      problems.push({
        field: `features[${i}].geometry`,
        reason: `must be null or a geometry (${GEOMETRY_TYPES.join(', ')}) with coordinates`,
      });
  });
  if (problems.length > 0) return { ok: false, problems };
  const codes = json.features.map((f) => codeOf((f as Json).properties));
  return {
    ok: true,
    info: {
      format: 'geojson',
      featureCount: json.features.length,
      areaType: commonType(codes),
      name: typeof json.name === 'string' ? json.name : null,
    },
  };
}

function validGeometry(g: unknown): boolean {
  if (!isObject(g) || typeof g.type !== 'string' || !GEOMETRY_TYPES.includes(g.type)) return false;
  return g.type === 'GeometryCollection' ? Array.isArray(g.geometries) : Array.isArray(g.coordinates);
}

function inspectTopoJson(json: Json): BoundaryInspection {
  if (!isObject(json.objects) || Object.keys(json.objects).length === 0)
    return fail('objects', undefined, 'a Topology needs a non-empty "objects" object');
  if (!Array.isArray(json.arcs)) return fail('arcs', undefined, 'a Topology needs an "arcs" array');
  const problems: ProblemDetail[] = [];
  let count = 0;
  for (const [name, object] of Object.entries(json.objects)) {
    if (!isObject(object) || typeof object.type !== 'string')
      problems.push({ field: `objects.${name}`, reason: 'each object needs a "type"' });
    else count += Array.isArray(object.geometries) ? object.geometries.length : 1;
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    info: { format: 'topojson', featureCount: count, areaType: null, name: typeof json.name === 'string' ? json.name : null },
  };
}

/** The first GSS-looking code among a feature's properties. */
function codeOf(properties: unknown): string | undefined {
  if (!isObject(properties)) return undefined;
  for (const key of ['area_code', 'areacd', 'code', ...Object.keys(properties)]) {
    const v = properties[key];
    if (typeof v === 'string' && /^[EWSN]\d{8}$/.test(v)) return v;
  }
  return undefined;
}

const PREFIX_TYPES: Record<string, AreaType> = {
  E05: 'ward',
  W05: 'ward',
  S13: 'ward',
  N08: 'ward',
  E01: 'lsoa',
  W01: 'lsoa',
  E10: 'county',
  E11: 'metropolitan_county',
  E12: 'region',
  E47: 'combined_authority',
  E92: 'country',
};

export function commonType(codes: readonly (string | undefined)[]): AreaType | null {
  const types = new Set(codes.map((c) => (c ? PREFIX_TYPES[c.slice(0, 3)] : undefined)));
  const [only] = types;
  return types.size === 1 && only !== undefined ? only : null;
}

/** A readable, stable id from a file name: "GM ward 2023.geojson" → "gm-ward-2023". */
export function boundaryIdFromName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(geo|topo)?json$/i, '');
  return base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
