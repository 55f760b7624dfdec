/**
 * Everything known about one area: each indicator with figures for it, its latest value and
 * direction of travel, its rank among the area's default comparator group (nearest neighbours when
 * stored, else all areas of its type), a sparkline, and data-quality flags.
 *
 * Queries: one for all the area's observations, one for the group, one per indicator for the
 * group's figures in the latest period.
 */
import { getValuesForPeriod, queryObservations, type Observation } from '../data/index.ts';
import { getIndicators, type IndicatorDefinition } from '../indicators/index.ts';
import { getArea, listAreaCodesByType, type Area } from '../places/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { pluralOf } from './area-types.ts';
import { findNearestGroup } from './comparator-group.service.ts';
import { rankFigures, type GroupRanking } from './comparison.ts';
import type { Executor } from './executor.ts';
import { noFigure, publishedFigure } from './figures.ts';
import { derivedProfileItems } from './profile-derived.service.ts';
import { profileItem, seriesFromObservations, type ProfileItem } from './profile.ts';

export interface ProfileQuery {
  area: string;
  /** show the figures as they stood at this instant (ISO) */
  asOf?: string;
  /** also derive indicators published only for the area's parts (wards, LSOAs); slower */
  includeDerived?: boolean;
}

export interface ProfileGroup {
  id: string;
  name: string;
  memberCodes: string[];
}

export interface AreaProfile {
  area: Area;
  asOf: string | null;
  group: ProfileGroup;
  items: ProfileItem[];
}

const PAGE = 10_000;

export async function areaProfile(db: Executor, q: ProfileQuery): Promise<AreaProfile> {
  const area = await getArea(db, q.area);
  if (!area) throw new NotFoundError(`No area has the code ${q.area}`);
  const observations = await observationsOf(db, { area: area.code, ...(q.asOf ? { asOf: q.asOf } : {}) });
  const byIndicator = byIndicatorCode(observations);
  const defs = await getIndicators(db, [...byIndicator.keys()]);
  const group = await defaultGroup(db, area);
  const items = await Promise.all(
    [...byIndicator].flatMap(([code, obs]) => {
      const def = defs.get(code);
      return def ? [itemFor(db, def, obs, group, area.code, q.asOf)] : [];
    }),
  );
  if (q.includeDerived) items.push(...(await derivedProfileItems(db, area, new Set(byIndicator.keys()))));
  items.sort(
    (a, b) =>
      (a.indicator.theme ?? '').localeCompare(b.indicator.theme ?? '') || a.indicator.title.localeCompare(b.indicator.title),
  );
  return { area, asOf: q.asOf ?? null, group, items };
}

async function itemFor(
  db: Executor,
  def: IndicatorDefinition,
  obs: Observation[],
  group: ProfileGroup,
  areaCode: string,
  asOf: string | undefined,
): Promise<ProfileItem> {
  const series = seriesFromObservations(obs);
  const latest = [...series].reverse().find((p) => p.figure.value !== null);
  const ranking = latest ? await groupRanking(db, def, latest.period.key, group, asOf) : null;
  return profileItem(def, series, ranking, areaCode);
}

/** The group's published figures for one indicator and period, ranked. */
export async function groupRanking(
  db: Executor,
  def: IndicatorDefinition,
  period: string,
  group: ProfileGroup,
  asOf?: string,
): Promise<GroupRanking> {
  const members = new Set(group.memberCodes);
  const rows = asOf
    ? (await observationsOf(db, { indicator: def.code, period, asOf })).filter((o) => members.has(o.areaCode))
    : await getValuesForPeriod(db, def.code, period, group.memberCodes);
  const byArea = new Map(rows.map((o) => [o.areaCode, o]));
  return rankFigures(
    def,
    group.memberCodes.map((c) => publishedFigure(byArea.get(c)) ?? noFigure(c, 'no figure')),
  );
}

/** Nearest neighbours when a group is stored for the area, else every current area of its type. */
export async function defaultGroup(db: Executor, area: Area): Promise<ProfileGroup> {
  const nearest = await findNearestGroup(db, area.code);
  if (nearest) {
    const memberCodes = nearest.memberCodes.includes(area.code) ? nearest.memberCodes : [area.code, ...nearest.memberCodes];
    return { id: nearest.id, name: nearest.name, memberCodes };
  }
  const codes = await listAreaCodesByType(db, [area.type]);
  return {
    id: `type-${area.type}`,
    name: `All ${pluralOf(area.type)}`,
    memberCodes: codes.includes(area.code) ? codes : [area.code, ...codes],
  };
}

function byIndicatorCode(observations: readonly Observation[]): Map<string, Observation[]> {
  const out = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = out.get(o.indicatorCode);
    if (list) list.push(o);
    else out.set(o.indicatorCode, [o]);
  }
  return out;
}

/** Every observation matching the query, page by page. */
async function observationsOf(
  db: Executor,
  q: { area?: string; indicator?: string; period?: string; asOf?: string },
): Promise<Observation[]> {
  const out: Observation[] = [];
  for (;;) {
    // A page may be shorter than asked for (a capped limit): go on until the total is read.
    const page = await queryObservations(db, { ...q, limit: PAGE, offset: out.length });
    out.push(...page.items);
    if (page.items.length === 0 || out.length >= page.total) return out;
  }
}
