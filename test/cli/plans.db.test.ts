import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/config.ts';
import { runCli } from '../../src/main/cli.ts';
import type { CliIo } from '../../src/main/cli-output.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { freshDatabaseUrl } from '../support/database.ts';
import { examplePlans, seedPlansWorld } from '../support/plans-factories.ts';

let db: { url: string; cleanup: () => Promise<void> };
let handle: DatabaseHandle;
const work = mkdtempSync(join(tmpdir(), 'lv-plans-cli-'));
const plansFile = join(work, 'plans.json');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    interactive: false,
  };
  const code = await runCli(argv, io, { DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const count = async (table: 'plan_version' | 'target_assessment' | 'plan_item' | 'status_rule' | 'action_update') =>
  Number(
    (
      await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  db = await freshDatabaseUrl();
  const migrated = await cli('db', 'migrate');
  expect(migrated.err).toBe('');
  expect(migrated.code).toBe(0);
  handle = openDatabase(parseDatabaseUrl(db.url));
  await seedPlansWorld(handle.db);
  writeFileSync(plansFile, JSON.stringify(examplePlans(), null, 2));
});
afterAll(async () => {
  await handle.close();
  await db.cleanup();
});

describe('localvision plans', () => {
  it('checks a file without writing (dry run), imports it and judges the targets, and a second import changes nothing', async () => {
    const dry = await cli('plans', 'import', plansFile, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('trafford-scs: recorded (version 1)');
    expect(dry.out).toContain('plans.json: checked; nothing was written (dry run)');
    expect(await count('plan_version')).toBe(0);

    const first = await cli('plans', 'import', plansFile);
    expect(first.err).toBe('');
    expect(first.out.split('\n')).toEqual([
      'trafford-scs: recorded (version 1); 1 tolerance set',
      'trafford-laa: recorded (version 1); 3 tolerances set',
      'waste-service: recorded (version 1); 1 progress report',
      'national priorities: 1 recorded, 0 changed, 0 unchanged',
      'plans.json: imported',
      'Targets judged: 4 assessed, 4 changed',
    ]);
    const again = await cli('plans', 'import', plansFile);
    expect(again.out).toContain('plans.json: nothing to change');
    expect(again.out).toContain('Targets judged: 4 assessed, 0 changed');
    expect(await count('plan_version')).toBe(3);
    expect(await count('target_assessment')).toBe(4);
  });

  it('lists the plans, shows a thread as a tree with statuses, and judges again on asking', async () => {
    const list = await cli('plans', 'list');
    expect(list.out).toMatch(
      /trafford-laa\s+Local Area Agreement\s+version 1 from 2024-04-01\s+-\s+Trafford Local Area Agreement/,
    );
    expect(list.out).toContain('3 plans');

    const show = await cli('plans', 'show', 'trafford-scs');
    expect(show.code).toBe(0);
    const lines = show.out.split('\n');
    expect(lines[0]).toBe(
      'Trafford Sustainable Community Strategy (trafford-scs), Sustainable Community Strategy, version 1 in force from 2024-04-01',
    );
    expect(lines[1]).toBe('Status: off track (off track 1, at risk 2, on track 2)');
    expect(lines).toContain('  [off track] theme green: A greener Trafford (off track 1, at risk 2, on track 2)');
    expect(lines.find((l) => l.includes('target G1'))).toMatch(
      /^ {8}\[off track\] target G1: .*Trafford Partnership.*6 in FY2023/,
    );
    expect(lines.find((l) => l.includes('action A1'))).toMatch(
      /^ {10}\[on track\] action A1: .*\[Waste service plan\].*40% as of 2025-05-20/,
    );
    const json = JSON.parse((await cli('plans', 'show', 'trafford-scs', '--json')).out) as { status: string; nodes: unknown[] };
    expect(json.status).toBe('off_track');
    expect((await cli('plans', 'show', 'trafford-scs', '--on', '2020-01-01')).err).toContain('No version of');

    expect((await cli('plans', 'assess', '--plan', 'trafford-laa')).out).toBe('Targets judged: 3 assessed, 0 changed');
  });

  it('exports a plan as JSON and as CSV that import again to no change', async () => {
    const before = await Promise.all((['plan_version', 'plan_item', 'status_rule', 'action_update'] as const).map(count));
    for (const planId of ['trafford-scs', 'trafford-laa', 'waste-service'])
      for (const format of ['json', 'csv'] as const) {
        const file = join(work, `${planId}.${format}`);
        const exported = await cli('plans', 'export', planId, '--format', format, '--out', file);
        expect(exported.code).toBe(0);
        expect(exported.err).toMatch(/^Wrote version 1 of .* to /);
        const reimported = await cli('plans', 'import', file);
        expect(reimported.err).toBe('');
        expect(reimported.out.split('\n')[0]).toBe(`${planId}: unchanged (version 1)`);
      }
    expect(await Promise.all((['plan_version', 'plan_item', 'status_rule', 'action_update'] as const).map(count))).toEqual(
      before,
    );
    const csv = readFileSync(join(work, 'trafford-laa.csv'), 'utf8').split('\n');
    expect(csv[0]).toMatch(/^plan,kind,key,parent,title,/);
    expect(csv.find((l) => l.startsWith('trafford-laa,target,N1,'))).toContain('500000');
  });

  it('turns an edited CSV into a new draft, and refuses a file with problems, listing each, changing nothing', async () => {
    const file = join(work, 'trafford-scs.csv');
    const edited = readFileSync(file, 'utf8').replace(
      'Recycle 62% of household waste by 2025/26',
      'Recycle 65% of household waste by 2025/26',
    );
    writeFileSync(join(work, 'edited.csv'), edited);
    const draft = await cli('plans', 'import', join(work, 'edited.csv'));
    expect(draft.out.split('\n')[0]).toBe('trafford-scs: new draft (version 2)');
    expect((await cli('plans', 'show', 'trafford-scs', '--draft')).out).toContain('Recycle 65%');

    const bad = edited.replace(',REC,', ',NOPE,').replace('2025-05-20', '2025-13-01');
    writeFileSync(join(work, 'bad.csv'), bad);
    const versions = await count('plan_version');
    const refused = await cli('plans', 'import', join(work, 'bad.csv'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/line \d+, column indicator: is not a known indicator code or alias \(value "NOPE"\)/);
    expect(refused.err).toContain('Nothing was changed.');
    expect(await count('plan_version')).toBe(versions);
  });
});
