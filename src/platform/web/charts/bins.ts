/**
 * Quantile bins: about the same number of areas in each, so the map shows rank at a glance. Bins that
 * would be empty (few or tied values) are dropped, and each bin is labelled by the lowest and highest
 * value actually in it, so no two labels overlap.
 */
import { scaleQuantile } from 'd3-scale';

export interface Bin {
  /** lowest and highest value in the bin */
  min: number;
  max: number;
  count: number;
}

export interface Binning {
  bins: Bin[];
  /** the bin of a value (an index into `bins`) */
  binOf: (value: number) => number;
}

export function quantileBins(values: readonly number[], wanted: number): Binning {
  if (!Number.isInteger(wanted) || wanted < 1) throw new Error(`bins must be a whole number above 0, got ${wanted}`);
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { bins: [], binOf: () => 0 };
  const quantiles = scaleQuantile<number>()
    .domain(sorted)
    .range(Array.from({ length: wanted }, (_, i) => i))
    .quantiles();
  const cuts = quantiles.filter((q, i) => q !== quantiles[i - 1]);
  // the provisional bin of a value: how many cuts are at or below it; empty ones are then dropped
  const provisional = (v: number) => cuts.filter((c) => c <= v).length;
  const members = new Map<number, number[]>();
  for (const v of sorted) {
    const b = provisional(v);
    const list = members.get(b) ?? [];
    list.push(v);
    members.set(b, list);
  }
  const kept = [...members.keys()].sort((a, b) => a - b);
  const bins = kept.map((b) => {
    const list = members.get(b) ?? [];
    return { min: list[0] ?? 0, max: list[list.length - 1] ?? 0, count: list.length };
  });
  const index = new Map(kept.map((b, i) => [b, i]));
  return { bins, binOf: (v) => index.get(provisional(v)) ?? nearest(kept, provisional(v)) };
}

/** For a value not among those binned: the kept bin nearest its provisional one. */
function nearest(kept: number[], b: number): number {
  let best = 0;
  kept.forEach((k, i) => {
    if (Math.abs(k - b) < Math.abs((kept[best] ?? 0) - b)) best = i;
  });
  return best;
}
