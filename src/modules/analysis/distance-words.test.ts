import { describe, expect, it } from 'vitest';
import { describeAgainstRange, describeDistance } from './distance-words.ts';

describe('describeDistance', () => {
  it.each([
    [2.5, 'higher_is_better', 'much_better', 'much better than the median of similar councils'],
    [2, 'lower_is_better', 'much_better', 'much better than the median of similar councils'],
    [1.2, 'higher_is_better', 'better', 'better than the median of similar councils'],
    [0.99, 'higher_is_better', 'similar', 'similar to the median of similar councils'],
    [-0.5, 'lower_is_better', 'similar', 'similar to the median of similar councils'],
    [-1, 'higher_is_better', 'worse', 'worse than the median of similar councils'],
    [-3, 'higher_is_better', 'much_worse', 'much worse than the median of similar councils'],
    [1.5, 'none', 'higher', 'higher than the median of similar councils'],
    [-2.2, 'none', 'much_lower', 'much lower than the median of similar councils'],
    [
      null,
      'higher_is_better',
      'not_comparable',
      "cannot be placed against the median of similar councils (the group's figures do not vary)",
    ],
  ] as const)('%s MADs (%s) → %s', (mads, polarity, band, words) => {
    expect(describeDistance(mads, polarity)).toEqual({ band, words });
  });

  it('names its reference', () => {
    expect(describeDistance(0, 'none', 'the median of all metropolitan districts').words).toBe(
      'similar to the median of all metropolitan districts',
    );
  });
});

describe('describeAgainstRange', () => {
  it.each([
    [15, 'within_range'],
    [25, 'above_range'],
    [5, 'below_range'],
  ] as const)('%s → %s', (v, band) => {
    expect(describeAgainstRange(v, { low: 10, high: 20 }).band).toBe(band);
  });
});
