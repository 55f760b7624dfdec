/** Polarity words as real files spell them, mapped to the catalogue's four. Pure. */
import type { Polarity } from './indicator.types.ts';

export type PolarityParse = { ok: true; polarity: Polarity } | { ok: false; reason: string };

const WORDS: Record<string, Polarity> = {
  // rank_order in Oflog's files: "desc" ranks the highest value first, so higher is better
  desc: 'higher_is_better',
  descending: 'higher_is_better',
  asc: 'lower_is_better',
  ascending: 'lower_is_better',
  'higher is better': 'higher_is_better',
  'high is better': 'higher_is_better',
  'high is good': 'higher_is_better',
  'bigger is better': 'higher_is_better',
  higher: 'higher_is_better',
  high: 'higher_is_better',
  'lower is better': 'lower_is_better',
  'low is better': 'lower_is_better',
  'low is good': 'lower_is_better',
  'smaller is better': 'lower_is_better',
  lower: 'lower_is_better',
  low: 'lower_is_better',
  'target range': 'target_range',
  'within range': 'target_range',
  'within target range': 'target_range',
  range: 'target_range',
  none: 'none',
  'no polarity': 'none',
  neutral: 'none',
  'not applicable': 'none',
  'n/a': 'none',
  na: 'none',
  '': 'none',
};

/** Case, spaces, hyphens and underscores do not matter: "Higher_is-better" is "higher is better". */
export function normalisePolarity(word: string): PolarityParse {
  const key = word
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  const polarity = WORDS[key];
  if (polarity) return { ok: true, polarity };
  return {
    ok: false,
    reason: 'is not a polarity we know; use higher_is_better, lower_is_better, target_range or none',
  };
}
