/**
 * The boundaries a map of one area type is drawn with, chosen from the stored boundary sets (places).
 * Parsing a boundary file is slow (the ONS TopoJSON takes a good part of a second), so each set is
 * parsed once and kept in memory, keyed by the database, the set's id and when it was imported; the
 * layers cut from it are kept too, so the charts' projection cache (per FeatureCollection) works.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../platform/db/schema.ts';
import {
  geojsonFeatures,
  parseTopology,
  topologyFeatures,
  topologyObjectNames,
  validInYear,
  type Topology,
} from '../../../../platform/web/charts/index.ts';
import { getBoundarySet, listBoundarySets, type AreaType, type BoundarySetSummary } from '../../../places/index.ts';

/** Which layer of an ONS-style TopoJSON holds each type of area. */
const TOPOLOGY_OBJECTS: Partial<Record<AreaType, readonly string[]>> = {
  country: ['ctry'],
  region: ['rgn'],
  combined_authority: ['cauth'],
  metropolitan_county: ['mcty'],
  county: ['utla', 'cty'],
  unitary: ['ltla'],
  metropolitan_district: ['ltla'],
  london_borough: ['ltla'],
  district: ['ltla'],
};

export interface MapBoundaries {
  features: FeatureCollection;
  setTitle: string;
  attribution: string;
  licence: string;
}

type ParsedSet = { importedAt: string; topology: Topology } | { importedAt: string; collection: FeatureCollection };

interface Cache {
  sets: Map<string, ParsedSet>;
  layers: Map<string, FeatureCollection>;
}

const caches = new WeakMap<object, Cache>();

function cacheFor(db: object): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { sets: new Map(), layers: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

/** An area's code in ONS files (`areacd`), in ward GeoJSON (`area_code`) or generic (`code`, the id). */
export function featureCode(f: Feature): string {
  const p = f.properties ?? {};
  return String(p.areacd ?? p.area_code ?? p.code ?? f.id ?? '');
}

export function featureName(f: Feature): string {
  const p = f.properties ?? {};
  return String(p.areanm ?? p.area_name ?? p.name ?? featureCode(f));
}

async function parsedSet(db: Kysely<Database>, cache: Cache, summary: BoundarySetSummary): Promise<ParsedSet | undefined> {
  const known = cache.sets.get(summary.id);
  if (known && known.importedAt === summary.importedAt) return known;
  const set = await getBoundarySet(db, summary.id);
  if (!set) return undefined;
  for (const key of [...cache.layers.keys()]) if (key.startsWith(`${summary.id}|`)) cache.layers.delete(key);
  const parsed: ParsedSet =
    set.format === 'topojson'
      ? { importedAt: set.importedAt, topology: parseTopology(set.content) }
      : { importedAt: set.importedAt, collection: geojsonFeatures(set.content) };
  cache.sets.set(summary.id, parsed);
  return parsed;
}

/** The set's features for the area type in `year`, in the countries given (by the first letter of their codes). */
function layerOf(
  cache: Cache,
  id: string,
  set: ParsedSet,
  areaType: AreaType,
  year: number,
  countries: string,
): FeatureCollection | undefined {
  if ('collection' in set) return set.collection;
  const names = topologyObjectNames(set.topology);
  const object = (TOPOLOGY_OBJECTS[areaType] ?? []).find((n) => names.includes(n));
  if (!object) return undefined;
  const key = `${id}|${object}|${year}|${countries}`;
  let layer = cache.layers.get(key);
  if (!layer) {
    const inYear = validInYear(year);
    layer = topologyFeatures(set.topology, object, (f) => inYear(f) && countries.includes(featureCode(f).charAt(0)));
    cache.layers.set(key, layer);
  }
  return layer;
}

/**
 * The boundaries covering most of `codes` (the areas with figures), the smaller set when two cover
 * as many (Trafford's wards rather than all of Greater Manchester's); undefined when none covers any.
 */
export async function boundariesFor(
  db: Kysely<Database>,
  areaType: AreaType,
  year: number,
  codes: ReadonlySet<string>,
): Promise<MapBoundaries | undefined> {
  if (codes.size === 0) return undefined;
  const cache = cacheFor(db);
  const countries = [...new Set([...codes].map((c) => c.charAt(0)))].sort().join('');
  const { items } = await listBoundarySets(db, { limit: 100, offset: 0 });
  let best: { features: FeatureCollection; summary: BoundarySetSummary; covered: number } | undefined;
  for (const summary of items) {
    const set = await parsedSet(db, cache, summary);
    const features = set && layerOf(cache, summary.id, set, areaType, year, countries);
    if (!features) continue;
    const covered = features.features.filter((f) => codes.has(featureCode(f))).length;
    if (covered === 0) continue;
    const better =
      !best || covered > best.covered || (covered === best.covered && features.features.length < best.features.features.length);
    if (better) best = { features, summary, covered };
  }
  if (!best) return undefined;
  return {
    features: best.features,
    setTitle: best.summary.title,
    attribution: best.summary.attribution,
    licence: best.summary.licence,
  };
}
