import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { AUDIT_EXPORT_COLUMNS } from '../../src/modules/audit/index.ts';
import { runCli } from '../../src/main/cli.ts';
import { seedAccountsBodies, TEST_BODIES } from '../support/accounts-factories.ts';
import { freshDatabaseUrl } from '../support/database.ts';

let db: { url: string; cleanup: () => Promise<void> };
let handle: DatabaseHandle;
const dir = mkdtempSync(join(tmpdir(), 'lv-audit-cli-'));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false },
    {
      DATABASE_URL: db.url,
      LOG_LEVEL: 'silent',
      MAIL_OUTBOX_DIR: dir,
      PUBLIC_URL: 'https://localvision.example.org',
      SESSION_SECRET: 'a-cli-test-secret-of-at-least-32-chars',
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  db = await freshDatabaseUrl();
  const migrated = await cli(['db', 'migrate']);
  expect(migrated.err).toBe('');
  handle = openDatabase(parseDatabaseUrl(db.url));
  await seedAccountsBodies(handle.db);
  // a sequence of changes at the command line: invite with a role, grant, revoke, issue a token
  const council = TEST_BODIES.council.id;
  for (const argv of [
    [
      'users',
      'invite',
      '--email',
      'sam@trafford.example',
      '--name',
      'Sam Jones',
      '--role',
      'performance_officer',
      '--body',
      council,
    ],
    ['users', 'grant', '--email', 'sam@trafford.example', '--role', 'assessor'],
    ['users', 'revoke', '--email', 'sam@trafford.example', '--role', 'assessor'],
    ['users', 'token', 'issue', '--body', council, '--name', 'Nightly upload'],
  ])
    expect((await cli(argv)).code, argv.join(' ')).toBe(0);
});
afterAll(async () => {
  await handle.close();
  await db.cleanup();
});

describe('localvision audit export', () => {
  it('writes the log as CSV on standard output, newest first, with who, when and what', async () => {
    const r = await cli(['audit', 'export', '--format', 'csv']);
    expect(r.code).toBe(0);
    const [header, ...rows] = parse(r.out) as string[][];
    expect(header).toEqual([...AUDIT_EXPORT_COLUMNS]);
    const col = (name: (typeof AUDIT_EXPORT_COLUMNS)[number]) => AUDIT_EXPORT_COLUMNS.indexOf(name);
    expect(rows.map((row) => row[col('action')])).toEqual([
      'api_token.issue',
      'role.revoke',
      'role.grant',
      'role.grant',
      'person.invite',
    ]);
    for (const row of rows) {
      expect(row[col('actor_label')]).toMatch(/^command line/);
      expect(row[col('via_kind')]).toBe('cli');
      expect(row[col('occurred_at')]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect(rows[0]![col('summary')]).toMatch(/^Issued API token lv_[0-9a-f]{6} \(Nightly upload\) for Trafford Council$/);
  });

  it('filters by body and action, and writes JSON into a file with --out', async () => {
    const file = join(dir, 'audit.json');
    const r = await cli([
      'audit',
      'export',
      '--body',
      TEST_BODIES.council.id,
      '--action',
      'role',
      '--format',
      'json',
      '--out',
      file,
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe(`Wrote 1 event to ${file}`);
    const events = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
    expect(events).toEqual([
      expect.objectContaining({ action: 'role.grant', body_id: TEST_BODIES.council.id, subject_kind: 'role_grant' }),
    ]);
  });

  it('filters by person and by dates', async () => {
    const sam = await cli(['audit', 'export', '--person', 'sam@trafford.example', '--format', 'json']);
    expect(JSON.parse(sam.out)).toEqual([]);
    const future = await cli(['audit', 'export', '--from', '2999-01-01', '--format', 'json']);
    expect(JSON.parse(future.out)).toEqual([]);
  });

  it('refuses a bad date and a bad format, saying why', async () => {
    const date = await cli(['audit', 'export', '--from', 'last week', '--format', 'csv']);
    expect(date.code).toBe(1);
    expect(date.err).toContain('The audit query is not valid');
    expect(date.err).toContain('column from: must be a date (YYYY-MM-DD)');
    const format = await cli(['audit', 'export', '--format', 'xml']);
    expect(format.code).not.toBe(0);
    expect(format.err).toContain('format must be csv or json');
  });
});
