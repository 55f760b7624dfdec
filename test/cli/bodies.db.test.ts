import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { auditForBody } from '../../src/modules/audit/index.ts';
import { selfApprovalAllowed } from '../../src/modules/data/index.ts';
import { runCli } from '../../src/main/cli.ts';
import { seedAccountsBodies, TEST_BODIES } from '../support/accounts-factories.ts';
import { freshDatabaseUrl } from '../support/database.ts';

let db: { url: string; cleanup: () => Promise<void> };
let handle: DatabaseHandle;
const TRAFFORD = TEST_BODIES.council.id;

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false },
    { DATABASE_URL: db.url, LOG_LEVEL: 'silent', SESSION_SECRET: 'a-cli-test-secret-of-at-least-32-chars' },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ruleEvents = async () => (await auditForBody(handle.db, TRAFFORD, { action: 'submission_rules' })).items;

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

describe('localvision bodies self-approval', () => {
  it('shows the rule, then allows and forbids self-approval with a reason kept in the audit log', async () => {
    const shown = await cli(['bodies', 'self-approval', TRAFFORD]);
    expect(shown).toEqual({
      code: 0,
      out: 'Trafford Council needs another officer to approve its submissions: not the person who uploaded or submitted them.\nNever changed.',
      err: '',
    });

    const allowed = await cli(['bodies', 'self-approval', TRAFFORD, '--allow', '--reason', 'One officer until March']);
    expect(allowed.err).toBe('');
    expect(allowed.code).toBe(0);
    expect(allowed.out).toBe(
      'Trafford Council allows the person who uploaded or submitted figures to approve them from now on; the reason is in the audit log.',
    );
    expect(await selfApprovalAllowed(handle.db, TRAFFORD)).toBe(true);
    expect((await cli(['bodies', 'self-approval', TRAFFORD])).out).toMatch(
      /^Trafford Council allows .*\.\nLast changed by command line \(.+\) at 20\d\d-.*: One officer until March$/,
    );

    const same = await cli(['bodies', 'self-approval', TRAFFORD, '--allow', '--reason', 'Again']);
    expect(same.out).toMatch(/already; nothing was changed\.$/);

    const forbidden = await cli(['bodies', 'self-approval', TRAFFORD, '--forbid', '--reason', 'A second officer has started']);
    expect(forbidden.code).toBe(0);
    expect(await selfApprovalAllowed(handle.db, TRAFFORD)).toBe(false);
    expect((await ruleEvents()).map((e) => [e.viaKind, e.actorLabel.startsWith('command line'), e.after])).toEqual([
      ['cli', true, { selfApprovalAllowed: false, reason: 'A second officer has started' }],
      ['cli', true, { selfApprovalAllowed: true, reason: 'One officer until March' }],
    ]);
  });

  it('refuses a change without a reason, both choices at once, and an unknown body, changing nothing', async () => {
    const before = (await ruleEvents()).length;
    const noReason = await cli(['bodies', 'self-approval', TRAFFORD, '--allow']);
    expect(noReason.code).toBe(1);
    expect(noReason.err).toContain('Error: Say why the rule changes with --reason "…"; it is kept in the audit log');
    const blank = await cli(['bodies', 'self-approval', TRAFFORD, '--allow', '--reason', '  ']);
    expect(blank.code).toBe(1);
    expect(blank.err).toContain('reason');
    expect(blank.err).toContain('Nothing was changed.');
    expect((await cli(['bodies', 'self-approval', TRAFFORD, '--allow', '--forbid', '--reason', 'x'])).err).toContain(
      'Give --allow or --forbid, not both',
    );
    expect((await cli(['bodies', 'self-approval', TRAFFORD, '--reason', 'x'])).err).toContain(
      '--reason goes with --allow or --forbid',
    );
    const unknown = await cli(['bodies', 'self-approval', 'nowhere', '--allow', '--reason', 'x']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No body nowhere');
    expect(unknown.err).toContain('bodyId');
    expect(await selfApprovalAllowed(handle.db, TRAFFORD)).toBe(false);
    expect(await ruleEvents()).toHaveLength(before);
  });
});
