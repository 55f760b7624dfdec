import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { MemoryMailSender, OutboxMailSender } from './mail.ts';
import { invitationMessage, passwordResetMessage } from './messages.ts';

const LINK = 'https://localvision.example/invitation/SECRET-TOKEN-abc';
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('OutboxMailSender', () => {
  it('appends one JSON line per message and logs a line without the link', async () => {
    dir = mkdtempSync(join(tmpdir(), 'lv-mail-'));
    const logged: { fields: object; message: string }[] = [];
    const sender = new OutboxMailSender(
      join(dir, 'outbox'),
      { info: (fields, message) => logged.push({ fields, message }) },
      fixedClock('2025-06-01T09:00:00.000Z'),
    );
    await sender.send(invitationMessage('sam@example.org', 'Sam Jones', LINK, '2025-06-08T09:00:00.000Z'));
    await sender.send(passwordResetMessage('asha@example.org', 'Asha Patel', LINK, '2025-06-01T10:00:00.000Z'));
    const lines = readFileSync(sender.file, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines.map((l) => [l.queuedAt, l.kind, l.to])).toEqual([
      ['2025-06-01T09:00:00.000Z', 'invitation', 'sam@example.org'],
      ['2025-06-01T09:00:00.000Z', 'password_reset', 'asha@example.org'],
    ]);
    expect(lines[0]?.text).toContain(LINK);
    expect(statSync(sender.file).mode & 0o077).toBe(0);
    expect(logged).toHaveLength(2);
    expect(logged[0]?.message).toBe('mail written to the outbox');
    expect(JSON.stringify(logged)).not.toContain('SECRET-TOKEN');
    expect(JSON.stringify(logged)).toContain('You have been invited to Local Vision');
  });
});

describe('messages', () => {
  it.each([
    [
      'invitation',
      invitationMessage('sam@example.org', 'Sam Jones', LINK, '2025-06-08T09:00:00.000Z'),
      'until 2025-06-08 at 09:00 UTC',
    ],
    [
      'password reset',
      passwordResetMessage('sam@example.org', 'Sam Jones', LINK, '2025-06-01T10:00:00.000Z'),
      'until 2025-06-01 at 10:00 UTC',
    ],
  ])('the %s names the person, carries the link and says until when', (_name, message, until) => {
    expect(message.text).toContain('Dear Sam Jones,');
    expect(message.text).toContain(LINK);
    expect(message.text).toContain(until);
  });

  it('MemoryMailSender finds the last message to an address', async () => {
    const mail = new MemoryMailSender();
    await mail.send(invitationMessage('Sam@Example.org', 'Sam', 'a', '2025-06-08T09:00:00.000Z'));
    await mail.send(passwordResetMessage('sam@example.org', 'Sam', 'b', '2025-06-08T09:00:00.000Z'));
    expect(mail.lastTo('SAM@example.org')?.kind).toBe('password_reset');
    expect(mail.lastTo('nobody@example.org')).toBeUndefined();
  });
});
