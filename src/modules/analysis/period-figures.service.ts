/**
 * The figures of one indicator and period, published or derived, for any set of areas.
 *
 * Two ways to load: `loadAllFigures` reads every observation of the indicator and period in one
 * query; `startFigures` reads only what is asked for and fetches parts' figures on demand, level by
 * level. `figuresForMany` reads the areas' own figures first and loads everything only when many
 * of them have to be derived.
 */
import { getFiguresForPeriods, type ObservedFigures } from '../data/index.ts';
import type { IndicatorDefinition } from '../indicators/index.ts';
import { getAreas, getDescendantCodesMany, type Area, type AreaType } from '../places/index.ts';
import { levelsWith, type PartLevel } from './area-types.ts';
import { typesAmong } from './area-types.service.ts';
import type { Executor } from './executor.ts';
import { derivedFigure, hasFigure, noFigure, publishedFigure, type AreaFigure } from './figures.ts';

export interface PeriodFigures {
  def: IndicatorDefinition;
  period: string;
  observed: Map<string, ObservedFigures>;
  /** codes whose observations were read ('all' after loadAllFigures) */
  fetched: Set<string> | 'all';
  /** the area types with figures (loadAllFigures), or the indicator's declared types */
  typesWithData: Set<AreaType>;
  /** the levels a derivation looks in, finest first */
  levels: PartLevel[];
  /** areas read so far (for populations) */
  areas: Map<string, Area>;
  /** parts of areas by level (types joined by commas), shareable between periods: the hierarchy does not change with them */
  parts: PartsCache;
}

export type PartsCache = Map<string, Map<string, string[]>>;

/** Up to this many areas without a published figure are derived reading only their parts' figures. */
export const FEW_AREAS = 50;

export async function loadAllFigures(db: Executor, def: IndicatorDefinition, period: string): Promise<PeriodFigures> {
  const rows = await getFiguresForPeriods(db, [{ indicator: def.code, period }]);
  const observed = new Map(rows.map((o) => [o.areaCode, o]));
  const typesWithData = await typesAmong(db, [...observed.keys()]);
  return {
    def,
    period,
    observed,
    fetched: 'all',
    typesWithData,
    levels: levelsWith(typesWithData),
    areas: new Map(),
    parts: new Map(),
  };
}

/**
 * Figures of one period, read on demand; pass the same `parts` (and `areas`) for several periods to
 * read the hierarchy (and the parts' populations) once.
 */
export function startFigures(
  def: IndicatorDefinition,
  period: string,
  parts: PartsCache = new Map(),
  areas: Map<string, Area> = new Map(),
): PeriodFigures {
  const typesWithData = new Set(def.areaTypes);
  return {
    def,
    period,
    observed: new Map(),
    fetched: new Set(),
    typesWithData,
    levels: levelsWith(typesWithData),
    areas,
    parts,
  };
}

/** Figures for many areas: their own first; their parts' on demand, or all at once when many lack one. */
export async function figuresForMany(
  db: Executor,
  def: IndicatorDefinition,
  period: string,
  codes: readonly string[],
): Promise<Map<string, AreaFigure>> {
  const few = startFigures(def, period);
  await ensureObserved(db, few, codes);
  const unpublished = codes.filter((c) => publishedFigure(few.observed.get(c)) === undefined);
  return figuresFor(db, unpublished.length <= FEW_AREAS ? few : await loadAllFigures(db, def, period), codes);
}

/**
 * Read the observations of the codes not read yet (nothing when everything was loaded); when many
 * are missing, every figure of the indicator and period in one query (a scan beats that many seeks).
 */
async function ensureObserved(db: Executor, ctx: PeriodFigures, codes: readonly string[]): Promise<void> {
  if (ctx.fetched === 'all') return;
  const fetched = ctx.fetched;
  const missing = [...new Set(codes)].filter((c) => !fetched.has(c));
  if (missing.length === 0) return;
  const all = missing.length > READ_ALL_ABOVE;
  const pair = [{ indicator: ctx.def.code, period: ctx.period }];
  for (const o of await getFiguresForPeriods(db, pair, all ? undefined : missing)) ctx.observed.set(o.areaCode, o);
  if (all) ctx.fetched = 'all';
  else for (const c of missing) fetched.add(c);
}

/** More missing codes than this are read with every other figure of the period (see ensureObserved). */
const READ_ALL_ABOVE = 1_000;

async function ensureAreas(db: Executor, ctx: PeriodFigures, codes: readonly string[]): Promise<void> {
  const missing = codes.filter((c) => !ctx.areas.has(c));
  if (missing.length === 0) return;
  for (const [code, area] of await getAreas(db, missing)) ctx.areas.set(code, area);
}

/** Figures for the codes: published where published, otherwise derived. */
export async function figuresFor(db: Executor, ctx: PeriodFigures, codes: readonly string[]): Promise<Map<string, AreaFigure>> {
  await ensureObserved(db, ctx, codes);
  const published = new Map<string, AreaFigure>();
  for (const code of codes) {
    const figure = publishedFigure(ctx.observed.get(code));
    if (figure) published.set(code, figure);
  }
  const derived = await deriveFigures(
    db,
    ctx,
    codes.filter((c) => !published.has(c)),
  );
  return new Map(codes.map((c) => [c, published.get(c) ?? derived.get(c)!]));
}

interface Candidate {
  level: PartLevel;
  expected: number;
  withData: ObservedFigures[];
}

/**
 * For each area, the level of its current descendants to derive from: the finest level with every
 * part holding a figure, else the level with the best share of parts with a figure (finer on a
 * tie). Level by level for all the areas at once: one closure query and one figure query a level.
 */
async function chooseLevels(db: Executor, ctx: PeriodFigures, codes: readonly string[]): Promise<Map<string, Candidate>> {
  const best = new Map<string, Candidate>();
  let open = [...new Set(codes)];
  for (const level of ctx.levels) {
    if (open.length === 0) break;
    const partsOf = await partsAt(db, ctx.parts, open, level.types);
    await ensureObserved(db, ctx, [...partsOf.values()].flat());
    const stillOpen: string[] = [];
    for (const code of open) {
      const partCodes = partsOf.get(code) ?? [];
      const withData = partCodes
        .map((c) => ctx.observed.get(c))
        .filter((o): o is ObservedFigures => o !== undefined && hasFigure(o));
      const candidate = { level, expected: partCodes.length, withData };
      const seen = best.get(code);
      if (withData.length > 0 && (!seen || withData.length / partCodes.length > seen.withData.length / seen.expected))
        best.set(code, candidate);
      if (withData.length === 0 || withData.length < partCodes.length) stillOpen.push(code);
    }
    open = stillOpen;
  }
  return best;
}

async function deriveFigures(db: Executor, ctx: PeriodFigures, codes: readonly string[]): Promise<Map<string, AreaFigure>> {
  const out = new Map<string, AreaFigure>();
  if (codes.length === 0) return out;
  const chosen = await chooseLevels(db, ctx, codes);
  if (ctx.def.areaAggregation === 'population_weighted_mean')
    await ensureAreas(
      db,
      ctx,
      [...chosen.values()].flatMap((c) => c.withData.map((o) => o.areaCode)),
    );
  for (const code of codes) {
    const c = chosen.get(code);
    if (!c) {
      out.set(code, noFigure(code, 'no figure is published for this area and none of its parts has one'));
      continue;
    }
    const parts = c.withData.map((o) => ({ ...o, population: ctx.areas.get(o.areaCode)?.population ?? null }));
    out.set(code, derivedFigure({ def: ctx.def, areaCode: code, level: c.level, expected: c.expected, parts }));
  }
  return out;
}

/** The current parts of each area at one level, from the cache where known. */
async function partsAt(
  db: Executor,
  cache: PartsCache,
  codes: readonly string[],
  types: readonly AreaType[],
): Promise<Map<string, string[]>> {
  const key = types.join(',');
  let level = cache.get(key);
  if (!level) cache.set(key, (level = new Map()));
  const unknown = codes.filter((c) => !level.has(c));
  if (unknown.length > 0) for (const [code, parts] of await getDescendantCodesMany(db, unknown, types)) level.set(code, parts);
  for (const c of unknown) if (!level.has(c)) level.set(c, []);
  return new Map(codes.map((c) => [c, level.get(c)!]));
}
