import { describe, expect, it } from 'vitest';
import { IdentitySet } from './identity-set.ts';

describe('IdentitySet', () => {
  it('returns 0 for a new identity and the first line for a repeat', () => {
    const set = new IdentitySet(4);
    expect(set.add(0, 0, 2)).toBe(0);
    expect(set.add(0, 1, 3)).toBe(0);
    expect(set.add(1, 0, 4)).toBe(0);
    expect(set.add(0, 1, 9)).toBe(3);
    expect(set.add(1, 0, 10)).toBe(4);
    expect(set.size).toBe(3);
  });

  it('keeps every identity and line while it grows', () => {
    const set = new IdentitySet(2);
    const n = 200_000;
    for (let i = 0; i < n; i++) expect(set.add(i % 97, Math.floor(i / 97), i + 2)).toBe(0);
    for (let i = 0; i < n; i += 7) expect(set.add(i % 97, Math.floor(i / 97), 1)).toBe(i + 2);
    expect(set.size).toBe(n);
  });

  it('tells large pair and area numbers apart', () => {
    const set = new IdentitySet();
    expect(set.add(2 ** 29 - 1, 2 ** 24 - 1, 5)).toBe(0);
    expect(set.add(2 ** 29 - 1, 2 ** 24 - 2, 6)).toBe(0);
    expect(set.add(2 ** 29 - 2, 2 ** 24 - 1, 7)).toBe(0);
    expect(set.add(2 ** 29 - 1, 2 ** 24 - 1, 8)).toBe(5);
  });
});
