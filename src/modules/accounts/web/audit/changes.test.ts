import { describe, expect, it } from 'vitest';
import { describeChanges, fieldInWords, valueInWords } from './changes.ts';

describe('describeChanges', () => {
  it.each<[string, unknown, unknown, [string, string, string][]]>([
    ['nothing recorded', null, null, []],
    [
      'a revocation: only what changed',
      { role: 'assessor', revokedAt: null, revokedBy: null },
      { role: 'assessor', revokedAt: '2025-06-01T09:00:00.000Z', revokedBy: 'p1' },
      [
        ['revoked at', 'none', '2025-06-01T09:00:00.000Z'],
        ['revoked by', 'none', 'p1'],
      ],
    ],
    [
      'something made: every field it has',
      null,
      { email: 'sam@example.org', hasPassword: false },
      [
        ['email', 'none', 'sam@example.org'],
        ['has password', 'none', 'no'],
      ],
    ],
    ['something removed', { name: 'x' }, undefined, [['name', 'x', 'none']]],
    ['a field only after', { a: 1 }, { a: 1, sessions_ended: 2 }, [['sessions ended', 'none', '2']]],
    ['nested values as JSON', { scope: { body: 'a' } }, { scope: { body: 'b' } }, [['scope', '{"body":"a"}', '{"body":"b"}']]],
    ['plain values', 3, 4, [['value', '3', '4']]],
    ['a list', null, ['a', 'b'], [['value', 'none', '["a","b"]']]],
    ['the same state twice', { a: 1 }, { a: 1 }, []],
  ])('%s', (_name, before, after, lines) => {
    expect(describeChanges(before, after).map((l) => [l.field, l.before, l.after])).toEqual(lines);
  });

  it.each([
    ['revokedAt', 'revoked at'],
    ['body_id', 'body id'],
    ['role', 'role'],
  ])('%s in words is %s', (key, words) => {
    expect(fieldInWords(key)).toBe(words);
  });

  it.each<[unknown, string]>([
    [true, 'yes'],
    ['', 'none'],
    [0, '0'],
  ])('%j reads %s', (value, words) => {
    expect(valueInWords(value)).toBe(words);
  });
});
