import { describe, expect, it } from 'vitest';
import { instantInWords, roleInWords, whereHeld } from './words.ts';

describe('instantInWords', () => {
  it.each([
    ['2025-06-01T09:05:00.000Z', '1 June 2025 at 09:05 UTC'],
    ['2026-12-31T23:59:59.999Z', '31 December 2026 at 23:59 UTC'],
    ['not a time', 'not a time'],
  ])('%s is %s', (iso, words) => {
    expect(instantInWords(iso)).toBe(words);
  });
});

describe('whereHeld and roleInWords', () => {
  const names = new Map([['trafford-council', 'Trafford Council']]);
  it.each<[{ bodyId: string | null; areaCode: string | null }, string]>([
    [{ bodyId: null, areaCode: null }, 'Everywhere'],
    [{ bodyId: 'trafford-council', areaCode: null }, 'Trafford Council'],
    [{ bodyId: 'trafford-council', areaCode: 'E05015239' }, 'Trafford Council, for area E05015239'],
    [{ bodyId: 'gone-council', areaCode: null }, 'gone-council'],
    [{ bodyId: null, areaCode: 'E05000001' }, 'Area E05000001'],
  ])('%j is held: %s', (grant, words) => {
    expect(whereHeld(grant, names)).toBe(words);
  });

  it('names a role with a capital', () => {
    expect(roleInWords('councillor_ward')).toBe('Ward councillor');
  });
});
