import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseSearchQuery } from './query.ts';

describe('parseSearchQuery', () => {
  it.each([
    [{}, { ok: true, q: '', page: 1 }],
    [{ q: '  Trafford ' }, { ok: true, q: 'Trafford', page: 1 }],
    [{ q: 'e08000009' }, { ok: true, q: 'E08000009', page: 1 }],
    [
      { q: 'Sale', page: '3' },
      { ok: true, q: 'Sale', page: 3 },
    ],
    [
      { q: 'Sale', page: 'x' },
      { ok: true, q: 'Sale', page: 1 },
    ],
    [
      { q: 'Sale', page: '-2' },
      { ok: true, q: 'Sale', page: 1 },
    ],
    [{ q: ['Sale', 'Bury'] }, { ok: true, q: 'Sale', page: 1 }],
  ])('%j is %j', (raw, expected) => {
    expect(parseSearchQuery(raw)).toEqual(expected);
  });

  it('refuses an over-long search, keeping what was typed', () => {
    const long = 'x'.repeat(MAX_QUERY_LENGTH + 1);
    expect(parseSearchQuery({ q: long })).toEqual({
      ok: false,
      q: long,
      errors: [{ field: 'q', message: 'Search for a place, ward, council or GSS code must be 100 characters or fewer' }],
    });
  });

  it('accepts a search of exactly the longest length', () => {
    expect(parseSearchQuery({ q: 'x'.repeat(MAX_QUERY_LENGTH) }).ok).toBe(true);
  });
});
