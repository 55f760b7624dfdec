import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/config.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { resolveApiToken, signIn } from '../../src/modules/accounts/index.ts';
import { runCli } from '../../src/main/cli.ts';
import type { CliIo } from '../../src/main/cli-output.ts';
import { seedAccountsBodies, TEST_BODIES } from '../support/accounts-factories.ts';
import { freshDatabaseUrl } from '../support/database.ts';

let db: { url: string; cleanup: () => Promise<void> };
let handle: DatabaseHandle;
const outbox = mkdtempSync(join(tmpdir(), 'lv-outbox-'));
const ADMIN_PASSWORD = 'the first administrator’s phrase';
const clock = fixedClock('2026-11-25T12:00:00.000Z');

interface CliRun {
  code: number;
  out: string;
  err: string;
}

async function cli(argv: string[], io: Partial<CliIo> = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false, ...io },
    {
      DATABASE_URL: db.url,
      LOG_LEVEL: 'silent',
      MAIL_OUTBOX_DIR: outbox,
      PUBLIC_URL: 'https://localvision.example.org',
      SESSION_SECRET: 'a-cli-test-secret-of-at-least-32-chars',
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const stdin = (text: string): Partial<CliIo> => ({ readStdin: async () => text });

beforeAll(async () => {
  db = await freshDatabaseUrl();
  const migrated = await cli(['db', 'migrate']);
  expect(migrated.err).toBe('');
  handle = openDatabase(parseDatabaseUrl(db.url));
  await seedAccountsBodies(handle.db);
});
afterAll(async () => {
  await handle.close();
  await db.cleanup();
});

const cliEvents = () =>
  handle.db
    .selectFrom('audit_event')
    .select(['action', 'actor_label', 'via_kind'])
    .where('via_kind', '=', 'cli')
    .orderBy('id')
    .execute();

describe('localvision users create-admin', () => {
  it('adds an administrator with the password from standard input, who can then sign in', async () => {
    const r = await cli(
      ['users', 'create-admin', '--email', 'ada@example.org', '--name', 'Ada Admin', '--password-stdin'],
      stdin(`${ADMIN_PASSWORD}\n`),
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Added Ada Admin <ada@example.org> as an administrator \(id [0-9a-f-]{36}\)\./);
    expect(r.out).toContain('https://localvision.example.org/account/sign-in');
    await expect(signIn(handle.db, 'ada@example.org', ADMIN_PASSWORD, {}, { clock })).resolves.toHaveProperty('sessionId');
    expect(await cliEvents()).toEqual([
      { action: 'person.create', actor_label: expect.stringMatching(/^command line/), via_kind: 'cli' },
      { action: 'role.grant', actor_label: expect.stringMatching(/^command line/), via_kind: 'cli' },
    ]);
  });

  it('asks twice for the password at a terminal, without it on the command line', async () => {
    const answers = ['another long phrase here', 'another long phrase here'];
    const prompts: string[] = [];
    const askSecret = async (prompt: string) => {
      prompts.push(prompt);
      return answers.shift()!;
    };
    const r = await cli(['users', 'create-admin', '--email', 'bo@example.org', '--name', 'Bo Admin'], { askSecret });
    expect(r.code).toBe(0);
    expect(prompts).toEqual(['Password: ', 'The same password again: ']);

    const mismatch = ['one long phrase to type', 'another long phrase typed'];
    const refused = await cli(['users', 'create-admin', '--email', 'cy@example.org', '--name', 'Cy'], {
      askSecret: async () => mismatch.shift()!,
    });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('The two passwords are not the same');
  });

  it.each([
    [['--email', 'dee@example.org', '--name', 'Dee'], {}, /Give the password on standard input with --password-stdin/],
    [['--email', 'dee@example.org', '--name', 'Dee', '--password-stdin'], stdin('\n'), /No password on standard input/],
    [['--email', 'dee@example.org', '--name', 'Dee', '--password-stdin'], stdin('short\n'), /must be at least 12 characters/],
    [
      ['--email', 'not-an-address', '--name', 'Dee', '--password-stdin'],
      stdin(`${ADMIN_PASSWORD}\n`),
      /must be an email address/,
    ],
    [['--email', 'ADA@example.org', '--name', 'Ada again', '--password-stdin'], stdin(`${ADMIN_PASSWORD}\n`), /already/],
    [['--name', 'Dee'], {}, /required option '--email <email>' not specified/],
  ])('refuses %j with the reason and exit code 1', async (args, io, reason) => {
    const r = await cli(['users', 'create-admin', ...args], io);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(reason);
  });
});

describe('localvision users invite, list, grant and revoke', () => {
  it('invites a performance officer, saying where the invitation went', async () => {
    const r = await cli([
      'users',
      'invite',
      '--email',
      'pat@trafford.example',
      '--name',
      'Pat Officer',
      '--role',
      'performance_officer',
      '--body',
      TEST_BODIES.council.id,
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Invited Pat Officer <pat@trafford.example> as performance officer of ${TEST_BODIES.council.id}.`);
    const file = join(outbox, 'outbox.jsonl');
    expect(r.out).toContain(`The invitation was written to ${file}`);
    const message = JSON.parse(readFileSync(file, 'utf8').trim().split('\n').at(-1)!) as { to: string; text: string };
    expect(message.to).toBe('pat@trafford.example');
    expect(message.text).toMatch(/https:\/\/localvision\.example\.org\/account\/accept-invitation\?token=[A-Za-z0-9_-]{43}/);
  });

  it.each([
    [['--email', 'x@example.org', '--name', 'X', '--body', TEST_BODIES.council.id], /--body and --area go with --role/],
    [['--email', 'x@example.org', '--name', 'X', '--role', 'mayor'], /role.*is not a role/],
    [['--email', 'x@example.org', '--name', 'X', '--role', 'performance_officer', '--body', 'nowhere'], /is not a known body/],
    [
      ['--email', 'x@example.org', '--name', 'X', '--role', 'performance_officer', '--body', TEST_BODIES.partner.id],
      /held for a council/,
    ],
  ])('refuses an invitation %j with the reason', async (args, reason) => {
    const r = await cli(['users', 'invite', ...args]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(reason);
  });

  it('lists people with their status and roles', async () => {
    const r = await cli(['users', 'list']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^email\s+name\s+status\s+roles$/);
    expect(lines.find((l) => l.startsWith('ada@example.org'))).toMatch(/Ada Admin\s+active\s+administrator$/);
    expect(lines.find((l) => l.startsWith('pat@trafford.example'))).toMatch(
      new RegExp(`Pat Officer\\s+invited\\s+performance officer of ${TEST_BODIES.council.id}$`),
    );
    expect((await cli(['users', 'list', '--q', 'pat'])).out).toMatch(/^1 person$/m);
  });

  it('grants and revokes roles by email address and role, or by grant id', async () => {
    const granted = await cli(['users', 'grant', '--email', 'pat@trafford.example', '--role', 'assessor']);
    expect(granted.code).toBe(0);
    const grantId = /\(grant ([0-9a-f-]{36})\)/.exec(granted.out)![1]!;
    expect(granted.out).toMatch(/^Pat Officer is now assessor/);
    expect((await cli(['users', 'revoke', '--grant', grantId])).out).toBe(`Revoked assessor (grant ${grantId}).`);
    const byRole = await cli([
      'users',
      'revoke',
      '--email',
      'pat@trafford.example',
      '--role',
      'performance_officer',
      '--body',
      TEST_BODIES.council.id,
    ]);
    expect(byRole.code).toBe(0);
    expect((await cli(['users', 'list', '--q', 'pat'])).out).toMatch(/Pat Officer\s+invited\s+-$/m);
  });

  it.each([
    [['grant', '--email', 'nobody@example.org', '--role', 'assessor'], /Nobody has the email address nobody@example.org/],
    [['revoke', '--email', 'pat@trafford.example', '--role', 'assessor'], /Pat Officer holds no such role/],
    [['revoke'], /Say which role to revoke/],
    [['revoke', '--grant', 'no-such-grant'], /No role grant no-such-grant/],
  ])('explains a mistake: %j', async (args, reason) => {
    const r = await cli(['users', ...args]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(reason);
  });

  it('will not take away the role of the last administrator standing', async () => {
    await cli(['users', 'revoke', '--email', 'bo@example.org', '--role', 'administrator']);
    const r = await cli(['users', 'revoke', '--email', 'ada@example.org', '--role', 'administrator']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/only administrator/);
  });
});

describe('localvision users token', () => {
  it('issues a token printed once on standard output, lists it by prefix only, and revokes it', async () => {
    const issued = await cli(['users', 'token', 'issue', '--body', TEST_BODIES.council.id, '--name', 'Trafford nightly upload']);
    expect(issued.code).toBe(0);
    expect(issued.out).toMatch(/^lv_[0-9a-f]{6}_[A-Za-z0-9_-]{43}$/);
    expect(issued.err).toMatch(/Keep it now: it is not shown again/);
    const actor = await resolveApiToken(handle.db, issued.out, { clock });
    expect(actor).toMatchObject({ kind: 'api_token', bodyId: TEST_BODIES.council.id });

    const listed = await cli(['users', 'token', 'list', '--body', TEST_BODIES.council.id]);
    expect(listed.out).toContain(issued.out.slice(0, 9));
    expect(listed.out).not.toContain(issued.out);

    const revoked = await cli(['users', 'token', 'revoke', '--id', actor!.tokenId]);
    expect(revoked.out).toBe(
      `Revoked API token ${issued.out.slice(0, 9)} (Trafford nightly upload) of ${TEST_BODIES.council.id}.`,
    );
    expect(await resolveApiToken(handle.db, issued.out, { clock })).toBeNull();
    const again = await cli(['users', 'token', 'revoke', '--id', actor!.tokenId]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already revoked/);
    expect((await cli(['users', 'token', 'issue', '--body', 'nowhere', '--name', 'x'])).code).toBe(1);
  });

  it('records every change made at the command line in the audit log', async () => {
    const actions = (await cliEvents()).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['person.invite', 'role.grant', 'role.revoke', 'api_token.issue', 'api_token.revoke']),
    );
  });
});
