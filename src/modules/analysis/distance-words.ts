/**
 * Plain words for a distance from the median in MADs.
 *
 * Thresholds: by definition half of a group lies within 1 MAD of its median, so |d| < 1 is "similar
 * to"; 1 ≤ |d| < 2 is "better/worse than"; |d| ≥ 2 is "much better/worse than" (for roughly normal
 * figures 2 MADs ≈ 1.35 standard deviations, beyond which lie about the outer tenth on each side).
 */
import type { Polarity } from '../indicators/index.ts';
import { distanceFromRange, type TargetRange } from './ranking.ts';

export const SIMILAR_WITHIN_MADS = 1;
export const MUCH_BEYOND_MADS = 2;

export type DistanceBand =
  | 'much_better'
  | 'better'
  | 'similar'
  | 'worse'
  | 'much_worse'
  | 'much_higher'
  | 'higher'
  | 'lower'
  | 'much_lower'
  | 'within_range'
  | 'above_range'
  | 'below_range'
  | 'not_comparable';

export interface DistanceWords {
  band: DistanceBand;
  words: string;
}

const JUDGED: Record<string, [DistanceBand, string]> = {
  much_up: ['much_better', 'much better than'],
  up: ['better', 'better than'],
  same: ['similar', 'similar to'],
  down: ['worse', 'worse than'],
  much_down: ['much_worse', 'much worse than'],
};
const UNJUDGED: Record<string, [DistanceBand, string]> = {
  much_up: ['much_higher', 'much higher than'],
  up: ['higher', 'higher than'],
  same: ['similar', 'similar to'],
  down: ['lower', 'lower than'],
  much_down: ['much_lower', 'much lower than'],
};

function step(mads: number): keyof typeof JUDGED {
  const a = Math.abs(mads);
  if (a < SIMILAR_WITHIN_MADS) return 'same';
  if (a < MUCH_BEYOND_MADS) return mads > 0 ? 'up' : 'down';
  return mads > 0 ? 'much_up' : 'much_down';
}

/**
 * Describe a distance in MADs already signed by madsFromMedian (positive = better when judged,
 * positive = higher otherwise). `reference` names what is compared with.
 */
export function describeDistance(
  mads: number | null,
  polarity: Polarity,
  reference = 'the median of similar councils',
): DistanceWords {
  if (mads === null)
    return { band: 'not_comparable', words: `cannot be placed against ${reference} (the group's figures do not vary)` };
  const judged = polarity === 'higher_is_better' || polarity === 'lower_is_better';
  const [band, phrase] = (judged ? JUDGED : UNJUDGED)[step(mads)]!;
  return { band, words: `${phrase} ${reference}` };
}

/** For target_range indicators: where the value sits against the range. */
export function describeAgainstRange(value: number, range: TargetRange): DistanceWords {
  if (distanceFromRange(value, range) === 0) return { band: 'within_range', words: 'within the target range' };
  return value > range.high
    ? { band: 'above_range', words: 'above the target range' }
    : { band: 'below_range', words: 'below the target range' };
}
