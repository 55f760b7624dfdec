import { describe, expect, it } from 'vitest';
import { auditWindow, checkActionFilter, checkAuditEvent, checkPage, jsonText, redactSecrets } from './audit-rules.ts';
import type { AuditEventInput } from './audit.types.ts';

const good: AuditEventInput = {
  actor: { personId: 'p1', label: 'Asha Patel', via: { kind: 'session', id: 'a1b2c3d4e5f6' } },
  action: 'role.grant',
  subject: { kind: 'role_grant', id: 'g1' },
  summary: 'Granted performance officer of Trafford Council to Sam Jones',
};

describe('checkAuditEvent', () => {
  it.each<[string, Partial<AuditEventInput>, string[]]>([
    ['a well-formed event', {}, []],
    ['an action of three words', { action: 'submission.value.revise' }, []],
    ['an action of one word', { action: 'grant' }, ['action']],
    ['an action in capitals', { action: 'Role.Grant' }, ['action']],
    ['an action with a space', { action: 'role. grant' }, ['action']],
    ['an empty subject id', { subject: { kind: 'person', id: ' ' } }, ['subject.id']],
    ['an empty subject kind', { subject: { kind: '', id: 'x' } }, ['subject.kind']],
    ['an unknown via', { actor: { personId: null, label: 'x', via: { kind: 'email' as never, id: null } } }, ['actor.via.kind']],
    ['an empty label', { actor: { personId: null, label: '', via: { kind: 'cli', id: null } } }, ['actor.label']],
    ['an empty summary', { summary: '  ' }, ['summary']],
    ['a summary too long', { summary: 'x'.repeat(1001) }, ['summary']],
  ])('%s', (_name, change, fields) => {
    expect(checkAuditEvent({ ...good, ...change }).map((p) => p.field)).toEqual(fields);
  });
});

describe('redactSecrets and jsonText', () => {
  it.each<[string, unknown, unknown]>([
    ['plain values pass', { role: 'assessor', bodyId: null }, { role: 'assessor', bodyId: null }],
    ['a password is hidden', { email: 'a@b.org', password: 'hunter2hunter2' }, { email: 'a@b.org', password: '[redacted]' }],
    [
      'a hash at any depth is hidden',
      { token: { tokenHash: 'abc', prefix: 'lv_1' } },
      { token: { tokenHash: '[redacted]', prefix: 'lv_1' } },
    ],
    ['inside lists too', [{ secret: 's' }, 3], [{ secret: '[redacted]' }, 3]],
    [
      'a yes/no or null about a password stays',
      { hasPassword: true, passwordHash: null },
      { hasPassword: true, passwordHash: null },
    ],
    ['a hash given as an object is hidden whole', { hash: { n: 1 } }, { hash: '[redacted]' }],
    ['a bare string stays', 'lv_ab12cd', 'lv_ab12cd'],
  ])('%s', (_name, value, expected) => {
    expect(redactSecrets(value)).toEqual(expected);
  });

  it.each<[unknown, string | null]>([
    [undefined, null],
    [null, null],
    [{ a: 1 }, '{"a":1}'],
    [{ password_hash: 'scrypt$…' }, '{"password_hash":"[redacted]"}'],
  ])('stores %j as %j', (value, text) => {
    expect(jsonText(value)).toBe(text);
  });
});

describe('auditWindow', () => {
  it.each<[string, { from?: string; to?: string }, { from?: string; until?: string } | string[]]>([
    ['no bounds', {}, {}],
    ['a date from includes the day', { from: '2025-06-01' }, { from: '2025-06-01T00:00:00.000Z' }],
    ['a date to includes the whole day', { to: '2025-06-01' }, { until: '2025-06-02T00:00:00.000Z' }],
    [
      'one day',
      { from: '2025-06-01', to: '2025-06-01' },
      { from: '2025-06-01T00:00:00.000Z', until: '2025-06-02T00:00:00.000Z' },
    ],
    ['an instant to includes that millisecond', { to: '2025-06-01T09:00:00Z' }, { until: '2025-06-01T09:00:00.001Z' }],
    ['an instant with an offset', { from: '2025-06-01T10:00:00+01:00' }, { from: '2025-06-01T09:00:00.000Z' }],
    ['not a date', { from: 'yesterday' }, ['from']],
    ['an impossible date', { to: '2025-02-30' }, ['to']],
    ['to before from', { from: '2025-06-02', to: '2025-06-01' }, ['to']],
  ])('%s', (_name, q, expected) => {
    const { window, problems } = auditWindow(q);
    if (Array.isArray(expected)) expect(problems.map((p) => p.field)).toEqual(expected);
    else {
      expect(problems).toEqual([]);
      expect(window).toEqual(expected);
    }
  });
});

describe('checkActionFilter and checkPage', () => {
  it.each<[string | undefined, number]>([
    [undefined, 0],
    ['role', 0],
    ['role.grant', 0],
    ['role.%', 1],
    ['role_', 0],
    ['', 1],
  ])('action filter %j gives %i problems', (action, n) => {
    expect(checkActionFilter(action)).toHaveLength(n);
  });

  it.each<[number, number, string[]]>([
    [50, 0, []],
    [1000, 10, []],
    [0, 0, ['limit']],
    [1001, 0, ['limit']],
    [10, -1, ['offset']],
    [2.5, 0.5, ['limit', 'offset']],
  ])('limit %d offset %d', (limit, offset, fields) => {
    expect(checkPage({ limit, offset }).map((p) => p.field)).toEqual(fields);
  });
});
