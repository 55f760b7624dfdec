/**
 * The gap between an area's most and least deprived parts (wards or LSOAs), and whether it narrows.
 *
 * Parts are ordered by deprivation, most deprived first (ties by code). With 10 or more parts the
 * most deprived fifth is compared with the least deprived fifth (quintile i of n parts holds the parts
 * at positions floor(5·i/n)); with fewer, the single most and least deprived parts. A quintile's figure
 * is recomputed from numerators/denominators for ratio indicators (population-weighted for
 * population_weighted_mean) when every part allows it, otherwise the plain mean of the parts' values.
 * gap = most deprived figure − least deprived figure.
 */
import type { AreaAggregation } from '../indicators/index.ts';
import { aggregate } from './aggregate.ts';

export const QUINTILES_FROM_PARTS = 10;

export interface GapPart {
  code: string;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  population?: number | null;
  /** a deprivation rank or score; `mostDeprived` says which end is most deprived */
  deprivation: number | null;
}

export interface GapOptions {
  /** 'lowest' for IMD ranks (1 = most deprived); 'highest' for scores and shares of people deprived */
  mostDeprived: 'lowest' | 'highest';
  rule?: AreaAggregation;
}

export interface GapGroup {
  codes: string[];
  value: number;
  /** how the group's figure was made */
  method: 'ratio' | 'population_weighted_mean' | 'mean' | 'single';
}

export type GapResult =
  | {
      ok: true;
      method: 'quintiles' | 'extremes';
      partsUsed: number;
      mostDeprived: GapGroup;
      leastDeprived: GapGroup;
      gap: number;
    }
  | { ok: false; reason: string };

type UsablePart = GapPart & { value: number; deprivation: number };

export function deprivationGap(parts: readonly GapPart[], options: GapOptions): GapResult {
  const usable = parts.filter((p): p is UsablePart => p.value !== null && p.deprivation !== null && Number.isFinite(p.value));
  if (usable.length < 2)
    return {
      ok: false,
      reason: `a gap needs at least 2 parts with both a figure and a deprivation measure; ${usable.length} have both`,
    };
  const sign = options.mostDeprived === 'lowest' ? 1 : -1;
  const ordered = [...usable].sort((a, b) => sign * (a.deprivation - b.deprivation) || a.code.localeCompare(b.code));
  if (ordered.length < QUINTILES_FROM_PARTS) {
    const most = ordered[0]!;
    const least = ordered[ordered.length - 1]!;
    return {
      ok: true,
      method: 'extremes',
      partsUsed: ordered.length,
      mostDeprived: { codes: [most.code], value: most.value, method: 'single' },
      leastDeprived: { codes: [least.code], value: least.value, method: 'single' },
      gap: most.value - least.value,
    };
  }
  const n = ordered.length;
  const first = ordered.filter((_, i) => Math.floor((5 * i) / n) === 0);
  const last = ordered.filter((_, i) => Math.floor((5 * i) / n) === 4);
  const mostDeprived = groupFigure(first, options.rule);
  const leastDeprived = groupFigure(last, options.rule);
  return {
    ok: true,
    method: 'quintiles',
    partsUsed: n,
    mostDeprived,
    leastDeprived,
    gap: mostDeprived.value - leastDeprived.value,
  };
}

function groupFigure(parts: readonly UsablePart[], rule: AreaAggregation | undefined): GapGroup {
  const codes = parts.map((p) => p.code);
  if (rule === 'ratio' || rule === 'population_weighted_mean') {
    const r = aggregate(
      rule,
      parts.map((p) => ({
        value: p.value,
        numerator: p.numerator ?? null,
        denominator: p.denominator ?? null,
        population: p.population ?? null,
      })),
    );
    if (r.ok) return { codes, value: r.value, method: rule };
  }
  return { codes, value: parts.reduce((s, p) => s + p.value, 0) / parts.length, method: 'mean' };
}

export type GapChange = 'narrowing' | 'widening' | 'no_change';

export interface GapStep {
  period: string;
  gap: number | null;
  /** against the previous period with a gap; null for the first */
  change: GapChange | null;
}

/** Whether the size of the gap (|gap|) narrows or widens, period on period and first to last. */
export function gapTrend(
  series: readonly { period: string; gap: number | null }[],
  tolerance: number,
): { steps: GapStep[]; overall: GapChange | null } {
  let previous: number | null = null;
  let first: number | null = null;
  const steps = series.map((s): GapStep => {
    if (s.gap === null) return { period: s.period, gap: null, change: null };
    const change = previous === null ? null : compareGaps(previous, s.gap, tolerance);
    previous = s.gap;
    first ??= s.gap;
    return { period: s.period, gap: s.gap, change };
  });
  const withGap = steps.filter((s) => s.gap !== null);
  const overall = withGap.length < 2 || first === null || previous === null ? null : compareGaps(first, previous, tolerance);
  return { steps, overall };
}

export function compareGaps(before: number, after: number, tolerance: number): GapChange {
  const d = Math.abs(after) - Math.abs(before);
  if (Math.abs(d) <= tolerance + 1e-12) return 'no_change';
  return d < 0 ? 'narrowing' : 'widening';
}
