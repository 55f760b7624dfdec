import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/config.ts';
import { runCli } from '../../src/main/cli.ts';
import type { CliIo } from '../../src/main/cli-output.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { freshDatabaseUrl } from '../support/database.ts';
import { ASHFORD, BARTON, seedCasesWorld } from '../support/cases-factories.ts';

let db: { url: string; cleanup: () => Promise<void> };
let handle: DatabaseHandle;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), interactive: false };
  const code = await runCli(argv, io, { DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const count = async (table: 'ladder_case' | 'case_event' | 'trigger_rule' | 'ladder_setting') =>
  Number(
    (
      await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let ashfordCase: number;

beforeAll(async () => {
  db = await freshDatabaseUrl();
  expect((await cli('db', 'migrate')).code).toBe(0);
  handle = openDatabase(parseDatabaseUrl(db.url));
  await seedCasesWorld(handle.db);
});
afterAll(async () => {
  await handle.close();
  await db.cleanup();
});

describe('localvision triggers and cases', () => {
  it('runs the triggers, opening cases, and a second run changes nothing', async () => {
    const first = await cli('triggers', 'run');
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /^Firings recorded: 3\nCases opened: 2 \(\d+, \d+\)\nCases added to: 0\nCases closed as recovered: 0/,
    );
    const again = await cli('triggers', 'run', '--json');
    expect(JSON.parse(again.out)).toMatchObject({ firingsRecorded: 0, casesOpened: [], casesAddedTo: [], casesRecovered: [] });
    expect(await count('ladder_case')).toBe(2);
  });

  it('lists and shows cases, with filters and as JSON', async () => {
    const list = await cli('cases', 'list', '--status', 'open', '--body', ASHFORD.bodyId, '--json');
    const page = JSON.parse(list.out) as { cases: { id: number; title: string }[]; total: number };
    expect(page.total).toBe(1);
    ashfordCase = page.cases[0]!.id;
    expect((await cli('cases', 'list', '--kind', 'red_red')).out).toContain('Ashford Council');
    expect((await cli('cases', 'list', '--kind', 'red_red')).out).not.toContain('Barton Council');
    expect((await cli('cases', 'list', '--rung', '2')).out).toBe('0 cases');
    const shown = await cli('cases', 'show', String(ashfordCase));
    expect(shown.out).toContain(`Case ${ashfordCase}: Ashford Council: Household waste recycled and composted (RECY)`);
    expect(shown.out).toContain('Timeline:');
    expect(shown.out).toMatch(/open → open, rung 1 \(system: triggers\)/);
    expect(JSON.parse((await cli('cases', 'show', String(ashfordCase), '--json')).out).firings).toHaveLength(2);
    const missing = await cli('cases', 'show', '9999');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no case has the id 9999');
  });

  it('acts on a case, and refuses an action the case does not allow with the reason, changing nothing', async () => {
    const ok = await cli('cases', 'act', String(ashfordCase), 'acknowledge', '--owner', 'Head of Waste');
    expect(ok.err).toBe('');
    expect(ok.out).toMatch(new RegExp(`^Case ${ashfordCase}: Acknowledged, rung 1`));
    const events = await count('case_event');
    const refused = await cli('cases', 'act', String(ashfordCase), 'escalate');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^Error: .*reason/i);
    expect(await count('case_event')).toBe(events);
    const bad = await cli('cases', 'act', String(ashfordCase), 'reopen');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('the actions are');
  });

  it('escalates overdue cases on the clock given, once', async () => {
    const now = Date.now();
    const soon = new Date(now + 10 * 86_400_000).toISOString();
    expect((await cli('cases', 'escalate-overdue', '--now', soon)).out).toBe('Checked 2 open cases: 0 escalated');
    const later = new Date(now + 100 * 86_400_000).toISOString();
    const escalated = await cli('cases', 'escalate-overdue', '--now', later, '--json');
    expect(JSON.parse(escalated.out)).toEqual({ checked: 2, escalated: expect.arrayContaining([ashfordCase]) });
    expect(JSON.parse((await cli('cases', 'escalate-overdue', '--now', later, '--json')).out).escalated).toEqual([]);
    expect((await cli('cases', 'escalate-overdue', '--now', 'next week')).code).not.toBe(0);
  });

  it('shows and sets the rules, refusing an unknown parameter with where it is', async () => {
    const rules = await cli('triggers', 'rules');
    expect(rules.out).toContain('bottom_quartile (every council, every indicator) version 1: on');
    const set = await cli(
      'triggers',
      'set',
      'bottom_quartile',
      '--body',
      BARTON.bodyId,
      '--param',
      'periods=3',
      '--reason',
      'Three years',
    );
    expect(set.err).toBe('');
    expect(set.out).toContain(`Added bottom_quartile (${BARTON.bodyId}, every indicator) version 1: on`);
    const before = await count('trigger_rule');
    const bad = await cli('triggers', 'set', 'bottom_quartile', '--param', 'weeks=3', '--reason', 'x');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('weeks');
    expect(bad.err).toContain('Nothing was changed.');
    const noReason = await cli('triggers', 'set', 'bottom_quartile', '--param', 'periods=3');
    expect(noReason.code).not.toBe(0);
    expect(await count('trigger_rule')).toBe(before);
  });

  it('shows and sets the rung deadlines', async () => {
    expect((await cli('cases', 'deadlines')).out).toContain('rung 1: 90 days');
    const set = await cli('cases', 'deadlines', '--body', ASHFORD.bodyId, '--rung', '1', '--days', '30', '--reason', 'Pilot');
    expect(set.err).toBe('');
    expect(set.out).toContain('rung 1: 30 days');
    const bad = await cli('cases', 'deadlines', '--body', 'nowhere', '--rung', '1', '--days', '30', '--reason', 'x');
    expect(bad.code).toBe(1);
    expect(await count('ladder_setting')).toBe(1);
  });
});
