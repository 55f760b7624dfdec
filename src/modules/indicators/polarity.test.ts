import { describe, expect, it } from 'vitest';
import { normalisePolarity } from './polarity.ts';

describe('normalisePolarity', () => {
  it.each([
    ['desc', 'higher_is_better'],
    ['DESC', 'higher_is_better'],
    [' Descending ', 'higher_is_better'],
    ['Higher is better', 'higher_is_better'],
    ['higher_is_better', 'higher_is_better'],
    ['high', 'higher_is_better'],
    ['asc', 'lower_is_better'],
    ['ASC', 'lower_is_better'],
    ['lower', 'lower_is_better'],
    ['Lower is better', 'lower_is_better'],
    ['lower-is-better', 'lower_is_better'],
    ['target_range', 'target_range'],
    ['Target range', 'target_range'],
    ['None', 'none'],
    ['none', 'none'],
    ['n/a', 'none'],
    ['', 'none'],
    ['   ', 'none'],
  ])('%j → %s', (word, polarity) => {
    expect(normalisePolarity(word)).toEqual({ ok: true, polarity });
  });

  it.each(['up', 'better', 'good', 'highest', '1', 'descc'])('refuses %j', (word) => {
    const r = normalisePolarity(word);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/higher_is_better, lower_is_better, target_range or none/);
  });
});
