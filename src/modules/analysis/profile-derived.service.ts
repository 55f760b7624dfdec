/**
 * Profile lines for indicators published only for an area's parts (e.g. ward figures for a
 * council), derived by each indicator's rule with their coverage. Opt-in: it reads the catalogue
 * and derives up to DERIVED_PERIODS recent periods per indicator, so it is slower than the rest of
 * the profile, and derived lines carry no group rank (that would mean deriving every member).
 */
import { listPeriodsWithData } from '../data/index.ts';
import { listIndicators, type IndicatorDefinition } from '../indicators/index.ts';
import type { Area } from '../places/index.ts';
import { FINEST_FIRST } from './area-types.ts';
import type { Executor } from './executor.ts';
import { figuresFor, startFigures, type PartsCache } from './period-figures.service.ts';
import { profileItem, type ProfileItem, type SeriesPoint } from './profile.ts';

export const DERIVED_PERIODS = 5;
const CATALOGUE_PAGE = 500;

export async function derivedProfileItems(db: Executor, area: Area, published: ReadonlySet<string>): Promise<ProfileItem[]> {
  const candidates = (await allIndicators(db)).filter((d) => !published.has(d.code) && publishedBelow(d, area));
  const items: ProfileItem[] = [];
  // the area's parts do not change between indicators or periods: read each level of them once
  const parts: PartsCache = new Map();
  const areas = new Map<string, Area>();
  for (const def of candidates) {
    const series = await derivedSeries(db, def, area.code, parts, areas);
    if (series.some((p) => p.figure.value !== null)) items.push(profileItem(def, series, null, area.code));
  }
  return items;
}

/** Published for a finer type than the area's and combinable across areas. */
function publishedBelow(def: IndicatorDefinition, area: Area): boolean {
  if (def.areaAggregation === 'none' || def.areaTypes.includes(area.type)) return false;
  const rank = FINEST_FIRST.indexOf(area.type);
  return def.areaTypes.some((t) => FINEST_FIRST.indexOf(t) < rank);
}

async function derivedSeries(
  db: Executor,
  def: IndicatorDefinition,
  areaCode: string,
  parts: PartsCache,
  areas: Map<string, Area>,
): Promise<SeriesPoint[]> {
  const periods = (await listPeriodsWithData(db, def.code)).slice(-DERIVED_PERIODS);
  const series: SeriesPoint[] = [];
  for (const period of periods) {
    const figure = (await figuresFor(db, startFigures(def, period.key, parts, areas), [areaCode])).get(areaCode)!;
    series.push({ period, figure });
  }
  return series;
}

async function allIndicators(db: Executor): Promise<IndicatorDefinition[]> {
  const out: IndicatorDefinition[] = [];
  for (;;) {
    const page = await listIndicators(db, { limit: CATALOGUE_PAGE, offset: out.length });
    out.push(...page.items);
    if (page.items.length === 0 || out.length >= page.total) return out;
  }
}
