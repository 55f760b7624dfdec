/**
 * Ranking a set of area figures against each other: rank and quartile by polarity, the group's
 * median and MAD, each area's signed distance from the median in MADs. Pure.
 */
import type { IndicatorDefinition } from '../indicators/index.ts';
import type { AreaFigure } from './figures.ts';
import { madsFromMedian, rankValues } from './ranking.ts';
import { summarise, type GroupSummary } from './statistics.ts';

export type RankingDefinition = Pick<IndicatorDefinition, 'polarity' | 'targetRange' | 'decimalPlaces'>;

export interface RankedFigure {
  figure: AreaFigure;
  /** null when the area has no value */
  rank: number | null;
  rankLabel: string | null;
  quartile: 1 | 2 | 3 | 4 | null;
  /** positive = better when the polarity is known; positive = higher otherwise */
  madsFromMedian: number | null;
}

export interface GroupRanking {
  rows: RankedFigure[];
  summary: GroupSummary;
  /** whether ranks and quartiles are a judgement (false when the polarity is none) */
  judged: boolean;
}

/** Rank the figures; rows come best first, areas without a value last (in the order given). */
export function rankFigures(def: RankingDefinition, figures: readonly AreaFigure[]): GroupRanking {
  const withValue = figures.filter((f): f is AreaFigure & { value: number } => f.value !== null && Number.isFinite(f.value));
  const ranking = rankValues(
    withValue.map((f) => ({ code: f.areaCode, value: f.value })),
    { polarity: def.polarity, targetRange: def.targetRange, decimalPlaces: def.decimalPlaces },
  );
  const summary = summarise(withValue.map((f) => f.value));
  const byCode = new Map(figures.map((f) => [f.areaCode, f]));
  const ranked: RankedFigure[] = ranking.items.map((r) => ({
    figure: byCode.get(r.code)!,
    rank: r.rank,
    rankLabel: r.rankLabel,
    quartile: r.quartile,
    madsFromMedian:
      summary.median === null || summary.mad === null ? null : madsFromMedian(r.value, summary.median, summary.mad, def.polarity),
  }));
  const unranked: RankedFigure[] = figures
    .filter((f) => f.value === null || !Number.isFinite(f.value))
    .map((figure) => ({ figure, rank: null, rankLabel: null, quartile: null, madsFromMedian: null }));
  return { rows: [...ranked, ...unranked], summary, judged: ranking.judged };
}
