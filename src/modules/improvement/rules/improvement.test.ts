import { describe, expect, it } from 'vitest';
import { improvedSince } from './improvement.ts';
import type { Polarity } from '../improvement.types.ts';

describe('improved since the case entered its rung', () => {
  it.each<[string, Polarity, number | null, number | null, number, boolean | null]>([
    ['higher is better, up 1.5: improved', 'higher_is_better', 29.4, 30.9, 1, true],
    ['higher is better, down: not improved', 'higher_is_better', 29.4, 28.0, 1, false],
    ['higher is better, unchanged: not improved', 'higher_is_better', 29.4, 29.4, 1, false],
    ['up 0.04 with one decimal place: rounding, not improved', 'higher_is_better', 29.4, 29.44, 1, false],
    ['up 0.1 with one decimal place: improved', 'higher_is_better', 29.4, 29.5, 1, true],
    ['up 0.4 with no decimal places: rounding, not improved', 'higher_is_better', 29, 29.4, 0, false],
    ['lower is better, down: improved', 'lower_is_better', 12, 10, 0, true],
    ['lower is better, up: not improved', 'lower_is_better', 12, 14, 0, false],
    ['no direction: nothing to compare', 'none', 12, 14, 0, null],
    ['no baseline: nothing to compare', 'higher_is_better', null, 30, 1, null],
    ['no latest figure: nothing to compare', 'higher_is_better', 30, null, 1, null],
  ])('%s', (_, polarity, baseline, latest, dp, expected) => {
    expect(improvedSince(polarity, baseline, latest, dp)).toBe(expected);
  });
});
