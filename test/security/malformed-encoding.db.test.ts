/**
 * Malformed encodings: a file that is not UTF-8 (Latin-1 bytes, a lone continuation byte, an
 * overlong or cut-short sequence, UTF-16 with its byte-order mark) is refused by every importer
 * with the line and byte offset of the first bad byte, and nothing is written; the same file in
 * UTF-8 with a byte-order mark is accepted. Addresses with a malformed percent-encoding get a clear
 * 400 (a page, or the API's JSON error), never a 500.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { runCli } from '../../src/main/cli.ts';
import type { CliIo } from '../../src/main/cli-output.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { ValidationError } from '../../src/platform/errors.ts';
import type { SubmittedFile } from '../../src/platform/files.ts';
import type { ImportSummary } from '../../src/platform/import-summary.ts';
import { importAreaFile, importBoundaryFile } from '../../src/modules/places/index.ts';
import { importBodyFile } from '../../src/modules/bodies/index.ts';
import { importIndicatorFile } from '../../src/modules/indicators/index.ts';
import { importObservations } from '../../src/modules/data/index.ts';
import { importComparatorGroups } from '../../src/modules/analysis/index.ts';
import { freshApp, type TestApp } from '../support/app.ts';
import { freshDatabaseUrl } from '../support/database.ts';
import { parsePage } from '../support/site-dom.ts';
import {
  FORMULA_DEFINITION,
  STOCKPORT,
  TRAFFORD,
  XSS_INDICATOR,
  rowCounts,
  scriptPolicy,
  seedHostileData,
} from '../support/security.ts';

let t: TestApp;
let db: Kysely<Database>;
const clock = fixedClock('2025-06-01T09:00:00.000Z');

beforeAll(async () => {
  t = await freshApp();
  db = t.ctx.database.db;
  await seedHostileData(db);
});
afterAll(async () => t.close());

/** Where a file's text goes bad: `BAD` marks the spot, on line 3 of every file. */
const MARK = 'BAD';

type Importer = (db: Kysely<Database>, file: SubmittedFile) => Promise<ImportSummary>;

/** Each importer the CLI runs, with a small file it accepts (once `BAD` is written as é in UTF-8). */
const FILES: Record<string, { name: string; text: string; run: Importer }> = {
  areas: {
    name: 'areas.csv',
    text: `code,name,type,parent_codes\nE05000101,First,ward,${TRAFFORD}\nE05000102,Caf${MARK} ward,ward,${TRAFFORD}\n`,
    run: (d, f) => importAreaFile(d, f, { clock }),
  },
  'areas (JSON)': {
    name: 'areas.json',
    text: `{"areas": [\n{"code": "E05000103", "name": "First", "type": "ward"},\n{"code": "E05000104", "name": "Caf${MARK}", "type": "ward"}\n]}\n`,
    run: (d, f) => importAreaFile(d, f, { clock }),
  },
  indicators: {
    name: 'indicators.json',
    text: `{"indicators": [\n${JSON.stringify({ ...FORMULA_DEFINITION, code: 'ENC1', title: 'First' })},\n${JSON.stringify({ ...FORMULA_DEFINITION, code: 'ENC2', title: `Caf${MARK}` })}\n]}\n`,
    run: (d, f) => importIndicatorFile(d, f, { clock }),
  },
  observations: {
    name: 'observations.csv',
    text: `indicator,area,period,value,note\n${XSS_INDICATOR},${TRAFFORD},2020/21,1,\n${XSS_INDICATOR},${STOCKPORT},2020/21,2,Caf${MARK}\n`,
    run: (d, f) => importObservations(d, f, { clock }),
  },
  'observations (JSON)': {
    name: 'observations.json',
    text: `{"observations": [\n{"indicator": "${XSS_INDICATOR}", "area": "${TRAFFORD}", "period": "2019/20", "value": 1},\n{"indicator": "${XSS_INDICATOR}", "area": "${STOCKPORT}", "period": "2019/20", "value": 2, "note": "Caf${MARK}"}\n]}\n`,
    run: (d, f) => importObservations(d, f, { clock }),
  },
  bodies: {
    name: 'bodies.json',
    text: `{"bodies": [\n{"id": "enc-one", "name": "First", "kind": "partner"},\n{"id": "enc-two", "name": "Caf${MARK}", "kind": "partner"}\n]}\n`,
    run: (d, f) => importBodyFile(d, f, { clock }),
  },
  groups: {
    name: 'groups.csv',
    text: `group_id,group_name,kind,anchor,area_code\nenc-group,Caf${MARK} group,custom,${TRAFFORD},${STOCKPORT}\nenc-group,Caf${MARK} group,custom,${TRAFFORD},E08000002\n`,
    run: (d, f) => importComparatorGroups(d, f, { clock }),
  },
  boundaries: {
    name: 'enc.geojson',
    text: `{"type": "FeatureCollection", "features": [\n{"type": "Feature", "properties": {"area_code": "${TRAFFORD}"}, "geometry": null},\n{"type": "Feature", "properties": {"area_code": "${STOCKPORT}", "area_name": "Caf${MARK}"}, "geometry": null}\n]}\n`,
    run: (d, f) => importBoundaryFile(d, f, { clock, id: 'enc' }),
  },
};

/** The same text with `bytes` where `BAD` stands, and where they start. */
function withBytes(text: string, bytes: readonly number[]): { content: Buffer; offset: number; line: number } {
  const at = text.indexOf(MARK);
  const before = Buffer.from(text.slice(0, at));
  const content = Buffer.concat([before, Buffer.from(bytes), Buffer.from(text.slice(at + MARK.length).replaceAll(MARK, 'e'))]);
  return { content, offset: before.length, line: text.slice(0, at).split('\n').length };
}

const BAD_BYTES: [string, number[]][] = [
  ['é saved as Latin-1', [0xe9]],
  ['a lone continuation byte', [0x80]],
  ['an overlong "/"', [0xc0, 0xaf]],
  ['a surrogate', [0xed, 0xa0, 0x80]],
  ['an invalid byte', [0xff]],
];

async function refusal(run: Importer, file: SubmittedFile): Promise<ValidationError> {
  const before = await rowCounts(db);
  const error = await run(db, file).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect(await rowCounts(db)).toEqual(before);
  return error as ValidationError;
}

describe.each(Object.entries(FILES))('%s', (_kind, { name, text, run }) => {
  it.each(BAD_BYTES)('refuses %s, naming its line and byte, writing nothing', async (_what, bytes) => {
    const bad = withBytes(text, bytes);
    const error = await refusal(run, { name, content: bad.content });
    expect(error.message).toBe(`${name} is not valid UTF-8 text`);
    expect(error.details).toEqual([{ line: bad.line, reason: expect.stringContaining(`at byte ${bad.offset};`) }]);
  });

  it('refuses a character cut short by the end of the file', async () => {
    const cut = Buffer.concat([Buffer.from(text.replaceAll(MARK, 'e')), Buffer.from([0xe2, 0x82])]);
    const error = await refusal(run, { name, content: cut });
    expect(error.details[0]?.reason).toContain(`at byte ${cut.length - 2};`);
  });

  it('refuses UTF-16 with its byte-order mark, saying so', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replaceAll(MARK, 'é'), 'utf16le')]);
    const error = await refusal(run, { name, content: utf16 });
    expect(error.details).toEqual([{ line: 1, reason: expect.stringMatching(/UTF-16.*save it as UTF-8/) }]);
  });

  it('accepts the same file in UTF-8 with a byte-order mark', async () => {
    const summary = await run(db, { name, content: Buffer.from(`\uFEFF${text.replaceAll(MARK, 'é')}`) });
    expect(summary.rowsRead).toBeGreaterThan(0);
    expect(summary.rowsRejected).toBe(0);
  });
});

describe('the CLI', () => {
  let database: { url: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    database = await freshDatabaseUrl();
  });
  afterAll(async () => database.cleanup());

  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), interactive: false };
    const code = await runCli(argv, io, { DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it.each([
    ['areas', 'areas.csv', `code,name,type\nE92000001,England,country\nE12000002,North ${MARK}est,region\n`, [0xe9]],
    ['areas', 'areas.csv', `code,name,type\nE92000001,England,country\nE12000002,North ${MARK}est,region\n`, [0x80]],
    ['indicators', 'indicators.json', FILES.indicators!.text, [0xc0, 0xaf]],
    ['observations', 'observations.csv', FILES.observations!.text, [0xff]],
  ] as const)('import %s %s refuses bytes %j with the line and byte, and changes nothing', async (kind, name, text, bytes) => {
    const folder = mkdtempSync(join(tmpdir(), 'lv-enc-'));
    try {
      const bad = withBytes(text, bytes);
      writeFileSync(join(folder, name), bad.content);
      const r = await cli('import', kind, join(folder, name));
      expect(r.code).toBe(1);
      expect(r.err).toBe(
        `Error: ${name} is not valid UTF-8 text\n  line ${bad.line}: invalid UTF-8 byte sequence at byte ${bad.offset}; save the file as UTF-8 and try again\nNothing was changed.`,
      );
      for (const what of ['areas', 'indicators', 'observations'])
        expect((await cli('export', what)).out.trim().split('\n'), what).toHaveLength(1); // the header only
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('addresses with a malformed percent-encoding', () => {
  it.each([
    ['/areas/%E0%A4%A', 400],
    ['/areas/%ff', 400],
    ['/areas/%c0%af', 400],
    ['/indicators/%E0%A4%A', 400],
    ['/%ff', 400],
    ['/search?q=%ff', 200],
    ['/search?q=%E0%A4%A', 200],
    ['/trend?area=%ff&indicator=%E0%A4%A', 404],
    ['/compare?area=%ff', 400],
  ])('page %s answers %i with a page', async (url, status) => {
    const response = await t.app.inject(url);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(scriptPolicy(String(response.headers['content-security-policy']))).toMatchObject({ self: true, unsafeInline: false });
    expect(parsePage(response.body).querySelector('h1')?.text.trim()).toBeTruthy();
  });

  it.each([
    ['/api/v1/areas/%ff', 400, 'bad_url'],
    ['/api/v1/areas/%E0%A4%A', 400, 'bad_url'],
    ['/api/v1/indicators/%c0%af/versions', 400, 'bad_url'],
    ['/api/v1/areas?q=%E0%A4%A', 200, undefined],
    ['/api/v1/observations?indicator=%c0%ae%c0%ae', 200, undefined],
    ['/api/v1/observations?area=%ff&indicator=%ff', 200, undefined],
  ])('API %s answers %i in JSON', async (url, status, code) => {
    const response = await t.app.inject(url);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = response.json();
    if (code) expect(body).toEqual({ error: { code, message: expect.stringMatching(/not valid/), details: [] } });
    else expect(body.total).toBe(0);
  });
});
