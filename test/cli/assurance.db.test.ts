import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/config.ts';
import { runCli } from '../../src/main/cli.ts';
import type { CliIo } from '../../src/main/cli-output.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { refreshRiskProfiles } from '../../src/modules/improvement/index.ts';
import { freshDatabaseUrl } from '../support/database.ts';
import {
  assuranceClock,
  COUNCILS,
  exampleCouncilFacts,
  partnershipFile,
  seedAssuranceWorld,
  seedCase,
} from '../support/assurance-factories.ts';

let db: { url: string; cleanup: () => Promise<void> };
let handle: DatabaseHandle;
const work = mkdtempSync(join(tmpdir(), 'lv-assurance-cli-'));
const goodFile = join(work, 'partnerships.json');
const badFile = join(work, 'bad.json');

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), interactive: false };
  const code = await runCli(argv, io, { DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  db = await freshDatabaseUrl();
  expect((await cli('db', 'migrate')).code).toBe(0);
  handle = openDatabase(parseDatabaseUrl(db.url));
  await seedAssuranceWorld(handle.db);
  await seedCase(handle.db, { bodyId: COUNCILS.trafford.id, areaCode: COUNCILS.trafford.area, rung: 2 });
  await refreshRiskProfiles(handle.db, { clock: assuranceClock(), facts: exampleCouncilFacts() });
  writeFileSync(goodFile, JSON.stringify(partnershipFile(), null, 2));
  const bad = partnershipFile({ members: [COUNCILS.trafford.id, COUNCILS.stockport.id, 'E08000099'] });
  writeFileSync(badFile, JSON.stringify(bad, null, 2));
});
afterAll(async () => {
  await handle.close();
  await db.cleanup();
});

describe('localvision risk', () => {
  it('shows every council’s score, highest first, and one council’s breakdown beside the formula', async () => {
    const table = await cli('risk', 'show');
    expect(table.code).toBe(0);
    const lines = table.out.split('\n');
    expect(lines[0]).toMatch(/^score\s+band\s+model\s+computed\s+council$/);
    expect(lines.slice(1, 4).map((l) => l.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['45.8', 'high'],
      ['25', 'medium'],
      ['0', 'low'],
    ]);
    expect(lines[4]).toBe('3 councils');

    const one = await cli('risk', 'show', COUNCILS.trafford.id);
    expect(one.code).toBe(0);
    expect(one.out).toContain('Trafford Council (trafford-council), Trafford: score 45.8, high risk');
    expect(one.out).toMatch(/off_target\s+0\.50 × +25 → +12\.5 +1 of 2 targets off track/);
    expect(one.out).toContain('Risk model version 1 (system: default model');
    expect(one.out).toContain('Bands: high from 40, medium from 20, low below.');
    expect(one.out).toContain('Themes flagged: Local services, Adult social care and health');

    const json = JSON.parse((await cli('risk', 'show', COUNCILS.trafford.id, '--json')).out) as {
      profile: { score: number };
      model: { version: number };
    };
    expect([json.profile.score, json.model.version]).toEqual([45.8, 1]);

    const unknown = await cli('risk', 'show', 'nowhere-council');
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain('No risk profile for nowhere-council');
  });

  it('prints the model, and refuses a change without a reason or with a bad weight, naming the field', async () => {
    const model = await cli('risk', 'weights');
    expect(model.out).toMatch(/open_cases\s+weight\s+25/);
    const noReason = await cli('risk', 'weights', '--set', 'open_cases=0');
    expect(noReason.code).not.toBe(0);
    expect(noReason.err).toContain('reason');
    const negative = await cli('risk', 'weights', '--set', 'worsening=-1', '--reason', 'testing');
    expect(negative.code).not.toBe(0);
    expect(negative.err).toContain('weights.worsening');
    expect(negative.err).toContain('must be 0 or more');
    expect((await cli('risk', 'weights')).out).toContain('Risk model version 1');
  });
});

describe('localvision inspection schedule', () => {
  it('lists councils soonest first with the themes inspected', async () => {
    const schedule = await cli('inspection', 'schedule');
    expect(schedule.code).toBe(0);
    const rows = schedule.out.split('\n').slice(1, 4);
    expect(rows.map((r) => r.split(/\s{2,}/)[0])).toEqual(['2025-12-01', '2026-06-01', '2028-06-01']);
    expect(rows[2]).toContain('self-assessment');
    const json = JSON.parse((await cli('inspection', 'schedule', '--json')).out) as { bodyId: string }[];
    expect(json.map((s) => s.bodyId)).toEqual([COUNCILS.trafford.id, COUNCILS.bury.id, COUNCILS.stockport.id]);
  });
});

describe('localvision partnerships', () => {
  it('imports a file, changes nothing the second time, and refuses a bad file saying where', async () => {
    const bad = await cli('partnerships', 'import', badFile);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('partnerships[0].members[2]');
    expect(bad.err).toContain('no council "E08000099"');

    const first = await cli('partnerships', 'import', goodFile);
    expect(first.err).toBe('');
    expect(first.out.split('\n')).toEqual([
      'greater-manchester-improvement: created; peer reviews 1 recorded, 0 changed, 0 unchanged',
      'partnerships.json: imported',
    ]);
    const again = await cli('partnerships', 'import', goodFile);
    expect(again.out).toContain('partnerships.json: nothing to change');

    const list = await cli('partnerships', 'list');
    expect(list.out).toContain(
      'greater-manchester-improvement  2025-01-15  1        Bury Council, Stockport Council, Trafford Council',
    );
    const json = JSON.parse((await cli('partnerships', 'list', '--json')).out) as { id: string; memberBodyIds: string[] }[];
    expect(json.map((p) => [p.id, p.memberBodyIds.length])).toEqual([['greater-manchester-improvement', 3]]);
  });
});

describe('localvision risk weights', () => {
  it('adds a version with its reason and scores every council again under it', async () => {
    const changed = await cli(
      'risk',
      'weights',
      '--set',
      'open_cases=0',
      '--bands',
      'high=50',
      '--reason',
      'Cases are counted by the triggers',
    );
    expect(changed.err).toBe('');
    expect(changed.out).toContain('Risk model version 2');
    expect(changed.out).toContain('Bands: high from 50, medium from 20, low below.');
    expect(changed.out).toMatch(/Risk profiles: \d+ changed/);
    const show = await cli('risk', 'show', '--json');
    const profiles = JSON.parse(show.out) as { modelVersion: number }[];
    expect(profiles.length).toBeGreaterThan(0);
    expect(profiles.every((p) => p.modelVersion === 2)).toBe(true);
  });
});
