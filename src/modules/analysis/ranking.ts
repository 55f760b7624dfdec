/**
 * Ranking a group by an indicator's polarity, with ties (standard competition ranking: 1=, 1=, 3),
 * quartiles of rank (quartile 1 = the best quarter: ranks 1 … n/4), and the signed distance from the
 * median in MADs. Equal values share a rank, and so a quartile.
 */
import type { Polarity } from '../indicators/index.ts';

export interface TargetRange {
  low: number;
  high: number;
}

export interface RankingRule {
  polarity: Polarity;
  targetRange?: TargetRange | null;
  /** compare values rounded to this many decimal places, so figures shown as equal tie */
  decimalPlaces?: number;
}

export interface RankedValue {
  code: string;
  value: number;
  /** 1 = best (or highest, when polarity is none) */
  rank: number;
  tied: boolean;
  /** "1=" when tied, otherwise "1" */
  rankLabel: string;
  /** 1 = the best quarter (highest quarter when polarity is none) */
  quartile: 1 | 2 | 3 | 4;
}

export interface Ranking {
  items: RankedValue[];
  /** false when the polarity gives no judgement (none): ranks then only order by value, highest first */
  judged: boolean;
}

/** How far a value lies outside the target range (0 inside it). */
export function distanceFromRange(value: number, range: TargetRange): number {
  if (value < range.low) return range.low - value;
  if (value > range.high) return value - range.high;
  return 0;
}

/** The sort key for a value: smaller is better. */
export function badness(value: number, rule: RankingRule): number {
  const v = rule.decimalPlaces === undefined ? value : roundTo(value, rule.decimalPlaces);
  switch (rule.polarity) {
    case 'higher_is_better':
    case 'none':
      return -v;
    case 'lower_is_better':
      return v;
    case 'target_range':
      return rule.targetRange ? distanceFromRange(v, rule.targetRange) : -v;
  }
}

export function isJudged(rule: RankingRule): boolean {
  return (
    rule.polarity === 'higher_is_better' ||
    rule.polarity === 'lower_is_better' ||
    (rule.polarity === 'target_range' && Boolean(rule.targetRange))
  );
}

export function roundTo(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

export function rankValues(values: readonly { code: string; value: number }[], rule: RankingRule): Ranking {
  const keyed = values
    .filter((v) => Number.isFinite(v.value))
    .map((v) => ({ ...v, key: badness(v.value, rule) }))
    .sort((a, b) => a.key - b.key || a.code.localeCompare(b.code));
  const n = keyed.length;
  const items: RankedValue[] = [];
  for (let i = 0; i < n; i++) {
    const cur = keyed[i]!;
    const prev = items[i - 1];
    const rank = prev && keyed[i - 1]!.key === cur.key ? prev.rank : i + 1;
    const tied = prev?.rank === rank || keyed[i + 1]?.key === cur.key;
    items.push({
      code: cur.code,
      value: cur.value,
      rank,
      tied,
      rankLabel: tied ? `${rank}=` : `${rank}`,
      quartile: quartileOfRank(rank, n),
    });
  }
  return { items, judged: isJudged(rule) };
}

/** Quartile of a competition rank among n: min(4, ⌊4(rank − 1) ÷ n⌋ + 1), so ranks 1 … n/4 are quartile 1. */
export function quartileOfRank(rank: number, n: number): 1 | 2 | 3 | 4 {
  if (n <= 0) return 1;
  return Math.min(4, Math.floor((4 * (rank - 1)) / n) + 1) as 1 | 2 | 3 | 4;
}

/**
 * (value − median) ÷ MAD, the unscaled MAD as Oflog publishes it, signed so that positive is better
 * when the polarity is known (lower_is_better flips the sign); for none (and target_range) positive
 * means higher. null when MAD is 0 and the value is not the median.
 */
export function madsFromMedian(value: number, median: number, mad: number, polarity: Polarity): number | null {
  const raw = value - median;
  if (mad === 0) return raw === 0 ? 0 : null;
  const d = raw / mad;
  return polarity === 'lower_is_better' ? 0 - d : d; // 0 - d, not -d: no negative zero
}
