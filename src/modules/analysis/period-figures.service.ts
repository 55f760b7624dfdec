/**
 * The figures of one indicator and period, published or derived, for any set of areas.
 *
 * Two ways to load: `loadAllFigures` reads every observation of the indicator and period in one
 * query; `startFigures` reads only what is asked for and fetches parts' figures on demand, level by
 * level. `figuresForMany` reads the areas' own figures first and loads everything only when many
 * of them have to be derived.
 */
import { getValuesForPeriod, type Observation } from '../data/index.ts';
import type { IndicatorDefinition } from '../indicators/index.ts';
import { getAreas, getDescendantCodes, type Area, type AreaType } from '../places/index.ts';
import { levelsWith, type PartLevel } from './area-types.ts';
import { typesAmong } from './area-types.service.ts';
import type { Executor } from './executor.ts';
import { derivedFigure, hasFigure, noFigure, publishedFigure, type AreaFigure } from './figures.ts';

export interface PeriodFigures {
  def: IndicatorDefinition;
  period: string;
  observed: Map<string, Observation>;
  /** codes whose observations were read ('all' after loadAllFigures) */
  fetched: Set<string> | 'all';
  /** the area types with figures (loadAllFigures), or the indicator's declared types */
  typesWithData: Set<AreaType>;
  /** the levels a derivation looks in, finest first */
  levels: PartLevel[];
  /** areas read so far (for populations) */
  areas: Map<string, Area>;
}

/** Up to this many areas without a published figure are derived reading only their parts' figures. */
export const FEW_AREAS = 50;

export async function loadAllFigures(db: Executor, def: IndicatorDefinition, period: string): Promise<PeriodFigures> {
  const rows = await getValuesForPeriod(db, def.code, period);
  const observed = new Map(rows.map((o) => [o.areaCode, o]));
  const typesWithData = await typesAmong(db, [...observed.keys()]);
  return { def, period, observed, fetched: 'all', typesWithData, levels: levelsWith(typesWithData), areas: new Map() };
}

export function startFigures(def: IndicatorDefinition, period: string): PeriodFigures {
  const typesWithData = new Set(def.areaTypes);
  return {
    def,
    period,
    observed: new Map(),
    fetched: new Set(),
    typesWithData,
    levels: levelsWith(typesWithData),
    areas: new Map(),
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

/** Read the observations of the codes not read yet (nothing when everything was loaded). */
async function ensureObserved(db: Executor, ctx: PeriodFigures, codes: readonly string[]): Promise<void> {
  if (ctx.fetched === 'all') return;
  const fetched = ctx.fetched;
  const missing = [...new Set(codes)].filter((c) => !fetched.has(c));
  if (missing.length === 0) return;
  for (const o of await getValuesForPeriod(db, ctx.def.code, ctx.period, missing)) ctx.observed.set(o.areaCode, o);
  for (const c of missing) fetched.add(c);
}

async function ensureAreas(db: Executor, ctx: PeriodFigures, codes: readonly string[]): Promise<void> {
  const missing = codes.filter((c) => !ctx.areas.has(c));
  if (missing.length === 0) return;
  for (const [code, area] of await getAreas(db, missing)) ctx.areas.set(code, area);
}

/** Figures for the codes: published where published, otherwise derived. */
export async function figuresFor(db: Executor, ctx: PeriodFigures, codes: readonly string[]): Promise<Map<string, AreaFigure>> {
  await ensureObserved(db, ctx, codes);
  const out = new Map<string, AreaFigure>();
  for (const code of codes) out.set(code, publishedFigure(ctx.observed.get(code)) ?? (await deriveFigure(db, ctx, code)));
  return out;
}

interface Candidate {
  level: PartLevel;
  expected: number;
  withData: Observation[];
}

/**
 * The level of the area's current descendants to derive from: the finest level with every part
 * holding a figure, else the level with the best share of parts with a figure (finer on a tie).
 */
async function chooseLevel(db: Executor, ctx: PeriodFigures, code: string): Promise<Candidate | undefined> {
  let best: Candidate | undefined;
  for (const level of ctx.levels) {
    const partCodes = await getDescendantCodes(db, code, level.types);
    if (partCodes.length === 0) continue;
    await ensureObserved(db, ctx, partCodes);
    const withData = partCodes.map((c) => ctx.observed.get(c)).filter((o): o is Observation => o !== undefined && hasFigure(o));
    if (withData.length === 0) continue;
    const candidate = { level, expected: partCodes.length, withData };
    if (withData.length === partCodes.length) return candidate;
    if (!best || withData.length / partCodes.length > best.withData.length / best.expected) best = candidate;
  }
  return best;
}

async function deriveFigure(db: Executor, ctx: PeriodFigures, code: string): Promise<AreaFigure> {
  const chosen = await chooseLevel(db, ctx, code);
  if (!chosen) return noFigure(code, 'no figure is published for this area and none of its parts has one');
  if (ctx.def.areaAggregation === 'population_weighted_mean')
    await ensureAreas(
      db,
      ctx,
      chosen.withData.map((o) => o.areaCode),
    );
  const parts = chosen.withData.map((o) => ({ ...o, population: ctx.areas.get(o.areaCode)?.population ?? null }));
  return derivedFigure({ def: ctx.def, areaCode: code, level: chosen.level, expected: chosen.expected, parts });
}
