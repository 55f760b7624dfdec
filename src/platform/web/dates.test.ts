import { describe, expect, it } from 'vitest';
import { dateInWords, instantInWords } from './dates.ts';

describe('dates in words', () => {
  it.each([
    ['2025-06-30', '30 June 2025'],
    ['2025-01-01', '1 January 2025'],
    // an instant is the day it is in the UK: late on 30 June in UTC is 1 July in summer time
    ['2025-06-30T23:30:00Z', '1 July 2025'],
    ['2025-12-31T23:30:00Z', '31 December 2025'],
    ['not a date', 'not a date'],
    [null, ''],
  ])('%s → %s', (date, words) => {
    expect(dateInWords(date)).toBe(words);
  });

  it.each([
    ['2025-06-01T09:00:00Z', '1 June 2025 at 10:00'],
    ['2025-01-15T09:05:00Z', '15 January 2025 at 09:05'],
    ['soon', 'soon'],
    [null, ''],
  ])('%s → %s', (instant, words) => {
    expect(instantInWords(instant)).toBe(words);
  });
});
