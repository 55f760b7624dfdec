/**
 * The group a council is compared with: its nearest-neighbour group when one is stored (CIPFA, then
 * Oflog), else the councils of its type. Groups are found once per run and shared.
 */
import type { Executor } from '../../../platform/db/executor.ts';
import { findNearestGroup, median, quartiles, rankValues, resolveComparatorGroup } from '../../analysis/index.ts';
import type { GroupPosition, Polarity } from '../improvement.types.ts';

export interface ComparatorGroup {
  id: string;
  name: string;
  memberCodes: string[];
}

/** Fewer members with a figure than this give no position: a quarter of a tiny group says little. */
export const MINIMUM_GROUP_SIZE = 4;

export class ComparatorGroups {
  private readonly byType = new Map<string, Promise<ComparatorGroup>>();

  constructor(private readonly db: Executor) {}

  async forArea(area: { code: string; type: string }): Promise<ComparatorGroup> {
    const nearest = await findNearestGroup(this.db, area.code);
    if (nearest) {
      const members = nearest.memberCodes.includes(area.code) ? nearest.memberCodes : [area.code, ...nearest.memberCodes];
      return { id: nearest.id, name: nearest.name, memberCodes: members };
    }
    let group = this.byType.get(area.type);
    if (!group) {
      group = resolveComparatorGroup(this.db, { area: area.code, group: 'type' }).then((g) => ({
        id: g.id,
        name: g.name,
        memberCodes: g.memberCodes,
      }));
      this.byType.set(area.type, group);
    }
    const g = await group;
    return g.memberCodes.includes(area.code) ? g : { ...g, memberCodes: [area.code, ...g.memberCodes] };
  }
}

export interface PeriodRanking {
  size: number;
  median: number;
  worstQuartileBound: number;
  positions: Map<string, { rank: number; quartile: 1 | 2 | 3 | 4; value: number }>;
}

/** A group's figures for one period ranked by the indicator's polarity; null when too few or not judged. */
export function rankGroup(
  values: readonly { code: string; value: number }[],
  polarity: Polarity,
  decimalPlaces: number,
): PeriodRanking | null {
  if (polarity === 'none' || values.length < MINIMUM_GROUP_SIZE) return null;
  const ranking = rankValues(values, { polarity, decimalPlaces });
  const numbers = values.map((v) => v.value);
  const mid = median(numbers);
  const q = quartiles(numbers);
  if (mid === null || q === null) return null;
  return {
    size: values.length,
    median: mid,
    worstQuartileBound: polarity === 'higher_is_better' ? q.q1 : q.q3,
    positions: new Map(ranking.items.map((r) => [r.code, { rank: r.rank, quartile: r.quartile, value: r.value }])),
  };
}

export function positionOf(
  ranking: PeriodRanking,
  group: ComparatorGroup,
  period: string,
  areaCode: string,
): GroupPosition | null {
  const p = ranking.positions.get(areaCode);
  if (!p) return null;
  return {
    period,
    groupId: group.id,
    groupName: group.name,
    size: ranking.size,
    rank: p.rank,
    quartile: p.quartile,
    median: ranking.median,
    worstQuartileBound: ranking.worstQuartileBound,
    value: p.value,
  };
}
