import { describe, expect, it } from 'vitest';
import { apiTokenHash, newApiToken, randomSecret, sessionRefOf, sha256Hex } from './secrets.ts';

describe('secrets', () => {
  it('makes 32-byte base64url secrets, different each time', () => {
    const a = randomSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomSecret()).not.toBe(a);
  });

  it('hashes with SHA-256 in hex', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sessionRefOf(sha256Hex('abc'))).toBe('ba7816bf8f01');
  });

  it('makes API tokens with a visible prefix and finds their hash again', () => {
    const t = newApiToken();
    expect(t.prefix).toMatch(/^lv_[0-9a-f]{6}$/);
    expect(t.plaintext.startsWith(`${t.prefix}_`)).toBe(true);
    expect(apiTokenHash(t.plaintext)).toBe(t.hash);
  });

  it.each([
    '',
    'lv_ab12cd',
    'Bearer lv_ab12cd_x',
    `lv_ABCDEF_${'a'.repeat(43)}`,
    `lv_ab12cd_${'a'.repeat(44)}`,
    'x'.repeat(10_000),
  ])('refuses %j as a token', (presented) => {
    expect(apiTokenHash(presented)).toBeUndefined();
  });
});
