/**
 * Everything known about one area: each indicator with figures for it, its latest value and
 * direction of travel, its rank among the area's default comparator group (nearest neighbours when
 * stored, else all areas of its type), a sparkline, and data-quality flags.
 *
 * Queries, however many indicators: the area, its figures for every indicator, the definitions,
 * the comparator group, and the group's figures for every (indicator, latest period) pair at once.
 */
import { getFiguresForArea, getFiguresForPeriods, type ObservedFigures } from '../data/index.ts';
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

export async function areaProfile(db: Executor, q: ProfileQuery): Promise<AreaProfile> {
  const area = await getArea(db, q.area);
  if (!area) throw new NotFoundError(`No area has the code ${q.area}`);
  const byIndicator = groupBy(await getFiguresForArea(db, area.code, q.asOf), (o) => o.indicatorCode);
  const defs = await getIndicators(db, [...byIndicator.keys()]);
  const group = await defaultGroup(db, area);
  const lines = [...byIndicator].flatMap(([code, obs]) => {
    const def = defs.get(code);
    if (!def) return [];
    const series = seriesFromObservations(obs);
    return [{ def, series, latest: [...series].reverse().find((p) => p.figure.value !== null) }];
  });
  const rankings = await groupRankings(
    db,
    lines.flatMap((l) => (l.latest ? [{ def: l.def, period: l.latest.period.key }] : [])),
    group,
    q.asOf,
  );
  const items = lines.map((l) => profileItem(l.def, l.series, rankings.get(l.def.code) ?? null, area.code));
  if (q.includeDerived) items.push(...(await derivedProfileItems(db, area, new Set(byIndicator.keys()))));
  items.sort(
    (a, b) =>
      (a.indicator.theme ?? '').localeCompare(b.indicator.theme ?? '') || a.indicator.title.localeCompare(b.indicator.title),
  );
  return { area, asOf: q.asOf ?? null, group, items };
}

/** The group's published figures for one indicator and period, ranked. */
export async function groupRanking(
  db: Executor,
  def: IndicatorDefinition,
  period: string,
  group: ProfileGroup,
  asOf?: string,
): Promise<GroupRanking> {
  return (await groupRankings(db, [{ def, period }], group, asOf)).get(def.code)!;
}

/** The group's published figures for several (indicator, period) pairs, read in one go, ranked; by indicator code. */
async function groupRankings(
  db: Executor,
  lines: readonly { def: IndicatorDefinition; period: string }[],
  group: ProfileGroup,
  asOf: string | undefined,
): Promise<Map<string, GroupRanking>> {
  const out = new Map<string, GroupRanking>();
  if (lines.length === 0) return out;
  const pairs = lines.map((l) => ({ indicator: l.def.code, period: l.period }));
  const rows = await getFiguresForPeriods(db, pairs, group.memberCodes, asOf);
  const byKey = groupBy(rows, (o) => `${o.indicatorCode}\u0000${o.period}`);
  for (const { def, period } of lines) {
    const byArea = new Map((byKey.get(`${def.code}\u0000${period}`) ?? []).map((o) => [o.areaCode, o]));
    out.set(
      def.code,
      rankFigures(
        def,
        group.memberCodes.map((c) => publishedFigure(byArea.get(c)) ?? noFigure(c, 'no figure')),
      ),
    );
  }
  return out;
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

function groupBy<K>(items: readonly ObservedFigures[], keyOf: (o: ObservedFigures) => K): Map<K, ObservedFigures[]> {
  const out = new Map<K, ObservedFigures[]>();
  for (const o of items) {
    const key = keyOf(o);
    const list = out.get(key);
    if (list) list.push(o);
    else out.set(key, [o]);
  }
  return out;
}
