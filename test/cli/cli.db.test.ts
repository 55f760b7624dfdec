import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli.ts';
import type { CliIo } from '../../src/main/cli-output.ts';
import { freshDatabaseUrl } from '../support/database.ts';

let db: { url: string; cleanup: () => Promise<void> };
const work = mkdtempSync(join(tmpdir(), 'lv-cli-'));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), interactive: false };
  const code = await runCli(argv, io, { DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  db = await freshDatabaseUrl();
  expect((await cli('import', 'areas', 'data/areas/uk_local_authorities_current.csv')).code).toBe(0);
  expect((await cli('import', 'indicators', 'src/modules/indicators/demo/indicators.json')).code).toBe(0);
});
afterAll(async () => db.cleanup());

describe('localvision CLI', () => {
  it('imports the real recycling file and exports Trafford with its real figures', async () => {
    const imp = await cli('import', 'observations', 'data/indicators/trafford_lab_household_recycling_rate_all_LAs.csv');
    expect(imp.err).toBe('');
    expect(imp.code).toBe(0);
    expect(imp.out).toMatch(/rows read 3205, written \d+, unchanged 0, rejected 0/);

    const exp = await cli('export', 'observations', '--indicator', 'NI192', '--area', 'E08000009', '--format', 'csv');
    expect(exp.code).toBe(0);
    expect(exp.out).toMatch(/NI192,E08000009,2015\/16,60\.4/);
    expect(exp.out).toMatch(/NI192,E08000009,2023\/24,58\.4/);
    expect(exp.out).toMatch(/NI192,E08000009,2019\/20,56\.89999999999999/);

    const again = await cli('import', 'observations', 'data/indicators/trafford_lab_household_recycling_rate_all_LAs.csv');
    expect(again.out).toMatch(/written 0, unchanged 3205/);
  });

  it('refuses a file with one bad row, naming its line and reason, and changes nothing', async () => {
    const before = await cli('export', 'observations', '--format', 'csv');
    const bad = join(work, 'bad.csv');
    writeFileSync(
      bad,
      'indicator,area,period,value\nNI192,E08000009,2024/25,61.0\nNI192,E08000009,2025/26,sixty\nNI192,E08000003,2024/25,40.1\n',
    );
    const r = await cli('import', 'observations', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/line 3, column value: .*sixty/);
    expect(r.err).toMatch(/Nothing was changed/);
    const after = await cli('export', 'observations', '--format', 'csv');
    expect(after.out).toBe(before.out);
  });

  it('writes an export to a file', async () => {
    const file = join(work, 'indicators.json');
    expect((await cli('export', 'indicators', '--format', 'json', '-o', file)).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('indicators');
  });

  it.each([
    [['import', 'observations', 'no-such-file.csv'], /Cannot read no-such-file.csv: no such file/],
    [['export', 'things'], /cannot export "things"/],
    [['export', 'areas', '--format', 'xml'], /format must be csv or json/],
  ])('explains a mistake: %j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
  });
});
