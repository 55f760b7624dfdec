/**
 * Has a case's indicator improved since the case entered its rung? Automatic escalation waits while
 * it has: a council turning things round is left to finish the job. Better means better in the
 * indicator's direction by more than the rounding of its published figures.
 */
import type { Polarity } from '../improvement.types.ts';
import { roundingOf, worseBy } from './compare.ts';

/**
 * true: `latest` is better than `baseline` beyond rounding; false: not (the same or worse); null: nothing to
 * compare (no baseline, no latest figure, or an indicator without a direction).
 */
export function improvedSince(
  polarity: Polarity,
  baseline: number | null,
  latest: number | null,
  decimalPlaces: number,
): boolean | null {
  if (baseline === null || latest === null || !Number.isFinite(baseline) || !Number.isFinite(latest)) return null;
  const worse = worseBy(polarity, baseline, latest);
  if (worse === null) return null;
  const scale = Math.max(1, Math.abs(baseline), Math.abs(latest));
  return -worse - roundingOf(decimalPlaces) > 1e-9 * scale;
}
