/**
 * The group a council is compared with: its nearest-neighbour group when one is stored (CIPFA, then
 * Oflog), else the councils of its type in its nation; or, when a rule asks, the councils of its type, of its type in
 * its region, or every council in England. Shared groups are found once per run.
 */
import type { Executor } from '../../../platform/db/executor.ts';
import { findNearestGroup, median, quartileOfRank, quartiles, resolveComparatorGroup } from '../../analysis/index.ts';
import { getAncestors } from '../../places/index.ts';
import type { ComparatorChoice, GroupPosition, Polarity } from '../improvement.types.ts';

export interface ComparatorGroup {
  id: string;
  name: string;
  memberCodes: string[];
}

/** The nation a GSS code's first letter stands for. */
const NATIONS: Record<string, string> = { E: 'England', W: 'Wales', S: 'Scotland', N: 'Northern Ireland' };

/** Fewer members with a figure than this give no position: a quarter of a tiny group says little. */
export const MINIMUM_GROUP_SIZE = 4;

export class ComparatorGroups {
  private readonly byType = new Map<string, Promise<ComparatorGroup>>();
  private readonly byRegion = new Map<string, Promise<ComparatorGroup>>();

  /** `england`: the areas of every council in England, the widest group a rule may ask for */
  constructor(
    private readonly db: Executor,
    private readonly englandCodes: readonly string[] = [],
  ) {}

  /** The group a rule's comparator names for the area. */
  async forChoice(area: { code: string; type: string }, choice: ComparatorChoice): Promise<ComparatorGroup> {
    switch (choice) {
      case 'nearest':
        return this.forArea(area);
      case 'type':
        return withArea(await this.typeGroup(area), area.code);
      case 'region':
        return withArea(await this.regionGroup(area), area.code);
      case 'england':
        return withArea(
          { id: 'england-councils', name: 'All councils in England', memberCodes: [...this.englandCodes] },
          area.code,
        );
    }
  }

  /**
   * The councils of the area's type in its own nation: the nations run their services under different
   * laws and publish on different timetables, so a council is not judged against another nation's.
   */
  private typeGroup(area: { code: string; type: string }): Promise<ComparatorGroup> {
    const nation = area.code.charAt(0);
    const key = `${area.type}\u0000${nation}`;
    let group = this.byType.get(key);
    if (!group) {
      group = resolveComparatorGroup(this.db, { area: area.code, group: 'type' }).then((g) => ({
        id: `${g.id}-${nation.toLowerCase()}`,
        name: `${g.name} in ${NATIONS[nation] ?? 'the same nation'}`,
        memberCodes: g.memberCodes.filter((c) => c.charAt(0) === nation),
      }));
      this.byType.set(key, group);
    }
    return group;
  }

  private async regionGroup(area: { code: string; type: string }): Promise<ComparatorGroup> {
    const region = (await getAncestors(this.db, area.code)).find((a) => a.type === 'region');
    if (!region) return this.typeGroup(area);
    const key = `${region.code}\u0000${area.type}`;
    let group = this.byRegion.get(key);
    if (!group) {
      group = resolveComparatorGroup(this.db, { area: area.code, group: 'region' }).then((g) => ({
        id: g.id,
        name: g.name,
        memberCodes: g.memberCodes,
      }));
      this.byRegion.set(key, group);
    }
    return group;
  }

  async forArea(area: { code: string; type: string }): Promise<ComparatorGroup> {
    const nearest = await findNearestGroup(this.db, area.code);
    if (nearest) {
      const members = nearest.memberCodes.includes(area.code) ? nearest.memberCodes : [area.code, ...nearest.memberCodes];
      return { id: nearest.id, name: nearest.name, memberCodes: members };
    }
    return withArea(await this.typeGroup(area), area.code);
  }
}

/** The compared area is always a member of its own group. */
function withArea(g: ComparatorGroup, code: string): ComparatorGroup {
  return g.memberCodes.includes(code) ? g : { ...g, memberCodes: [code, ...g.memberCodes] };
}

export interface PeriodRanking {
  size: number;
  median: number;
  worstQuartileBound: number;
  /** the values' sort keys (smaller is better), rounded as published, for ranking any member */
  keys: Map<string, { key: number; value: number }>;
  sortedKeys: number[];
}

/**
 * A group's figures for one period, ready to rank a member by the indicator's polarity (competition
 * ranking of values rounded as published, as analysis ranks them); null when too few or not judged.
 */
export function rankGroup(
  values: readonly { code: string; value: number }[],
  polarity: Polarity,
  decimalPlaces: number,
): PeriodRanking | null {
  if (polarity === 'none' || values.length < MINIMUM_GROUP_SIZE) return null;
  const numbers = values.map((v) => v.value);
  const mid = median(numbers);
  const q = quartiles(numbers);
  if (mid === null || q === null) return null;
  const scale = 10 ** decimalPlaces;
  const keyOf = (v: number) => {
    const rounded = Math.round(v * scale) / scale;
    return polarity === 'lower_is_better' ? rounded : -rounded;
  };
  const keys = new Map(values.map((v) => [v.code, { key: keyOf(v.value), value: v.value }]));
  return {
    size: values.length,
    median: mid,
    worstQuartileBound: polarity === 'higher_is_better' ? q.q1 : q.q3,
    keys,
    sortedKeys: [...keys.values()].map((k) => k.key).sort((a, b) => a - b),
  };
}

/** 1 + the members strictly better: equal figures share a rank. */
function rankOf(sortedKeys: readonly number[], key: number): number {
  let lo = 0;
  let hi = sortedKeys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedKeys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

export function positionOf(
  ranking: PeriodRanking,
  group: ComparatorGroup,
  period: string,
  areaCode: string,
): GroupPosition | null {
  const own = ranking.keys.get(areaCode);
  if (!own) return null;
  const rank = rankOf(ranking.sortedKeys, own.key);
  return {
    period,
    groupId: group.id,
    groupName: group.name,
    size: ranking.size,
    rank,
    quartile: quartileOfRank(rank, ranking.size),
    median: ranking.median,
    worstQuartileBound: ranking.worstQuartileBound,
    value: own.value,
  };
}
