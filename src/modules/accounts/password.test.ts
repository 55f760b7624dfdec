import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  hashPassword,
  needsRehash,
  SCRYPT_PARAMS,
  type ScryptParams,
  verifyAgainstDummy,
  verifyPassword,
} from './password.ts';

/** Cheap parameters keep these tests fast; the stored string carries them, so verification follows. */
const CHEAP: ScryptParams = { N: 1024, r: 8, p: 1 };

describe('hashPassword and verifyPassword', () => {
  it('stores scrypt$N$r$p$salt$hash and verifies the same password only', async () => {
    const stored = await hashPassword('correct horse battery', CHEAP);
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('salts: the same password hashes differently twice', async () => {
    expect(await hashPassword('correct horse battery', CHEAP)).not.toBe(await hashPassword('correct horse battery', CHEAP));
  });

  it('uses today’s parameters by default, and says when a hash needs redoing', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored.startsWith(`scrypt$${SCRYPT_PARAMS.N}$${SCRYPT_PARAMS.r}$${SCRYPT_PARAMS.p}$`)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
    expect(needsRehash(await hashPassword('x', CHEAP))).toBe(true);
  });

  it.each([
    ['not scrypt', 'bcrypt$10$abc'],
    ['too few parts', 'scrypt$1024$8$1$c2FsdA=='],
    ['N not a power of two', 'scrypt$1000$8$1$c2FsdA==$a2V5'],
    ['a cost that would exhaust memory', `scrypt$${2 ** 24}$8$1$c2FsdA==$a2V5`],
    ['a key of the wrong length', 'scrypt$1024$8$1$c2FsdA==$a2V5'],
    ['empty', ''],
  ])('refuses a stored hash that is %s', async (_name, stored) => {
    expect(await verifyPassword('anything at all', stored)).toBe(false);
  });

  it('fails against the dummy', async () => {
    expect(await verifyAgainstDummy('a dummy password nobody has')).toBe(false);
  });
});

describe('checkPassword', () => {
  it.each<[string, string, string | null]>([
    ['a long passphrase', 'plum tree river stone', null],
    ['exactly 12 characters', 'abcdefghijkl', null],
    ['11 characters', 'abcdefghijk', 'must be at least 12 characters'],
    ['12 emoji count as 12', '🐝'.repeat(11) + '🌳', null],
    ['201 characters', 'ab'.repeat(100) + 'c', 'must be at most 200 characters'],
    ['one character repeated', 'aaaaaaaaaaaaaa', 'must not be one character repeated'],
    ['the email address', 'Sam.Jones@Example.org', 'must not be your email address'],
    ['the email with spaces', ' sam.jones@example.org ', 'must not be your email address'],
  ])('%s', (_name, password, reason) => {
    const problems = checkPassword(password, 'sam.jones@example.org');
    expect(problems.map((p) => p.reason)).toEqual(reason ? [reason] : []);
    for (const p of problems) expect(p).toEqual({ field: 'password', reason: p.reason });
  });
});
