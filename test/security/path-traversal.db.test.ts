/**
 * Path traversal: the static file routes serve only what lies in their folders, however the `..`
 * is spelt; download file names built from codes and query values carry no path separator, quote
 * or line break; the importers never use a submitted file's name as a path; and the CLI's import
 * commands, given a traversing or NUL-carrying name, refuse it clearly and write nothing.
 */
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { runCli } from '../../src/main/cli.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import { importAreaFile, importBoundaryFile, listBoundarySets } from '../../src/modules/places/index.ts';
import { importObservations } from '../../src/modules/data/index.ts';
import { freshApp, type TestApp } from '../support/app.ts';
import { freshDatabaseUrl } from '../support/database.ts';
import { parsePage } from '../support/site-dom.ts';
import { NORTH_WEST, TRAFFORD, XSS_INDICATOR, hostileBoundaries, rowCounts, seedHostileData } from '../support/security.ts';

let t: TestApp;
let staticBase: string;
const clock = fixedClock('2025-06-01T09:00:00.000Z');

/** Text that only the files a traversal aims at contain. */
const ROOT = resolve(import.meta.dirname, '../..');
const SECRETS = [
  ['package.json', readFileSync(resolve(ROOT, 'package.json'), 'utf8').split('\n')[1]!.trim()],
  ['etc/passwd', 'root:x:0:0'],
  ['src/platform/web/views/layout.njk', '{%'],
] as const;

beforeAll(async () => {
  t = await freshApp();
  await seedHostileData(t.ctx.database.db);
  const css = parsePage((await t.app.inject('/about')).body)
    .querySelectorAll('link[rel=stylesheet]')
    .map((l) => l.getAttribute('href') ?? '')
    .find((h) => h.endsWith('/site.css'))!;
  staticBase = css.slice(0, css.lastIndexOf('/'));
});
afterAll(async () => t.close());

/** `../` spelt as people spell it to slip past a check. */
const DOT_DOT_SLASH = [
  '../',
  '%2e%2e%2f',
  '..%2f',
  '%2e%2e/',
  '..%5c',
  '..\\',
  '%252e%252e%252f',
  '....//',
  '%c0%ae%c0%ae%c0%af',
];

function traversals(prefix: string): string[] {
  const urls: string[] = [];
  for (const step of DOT_DOT_SLASH)
    for (const depth of [1, 3, 5, 6, 8]) for (const [target] of SECRETS) urls.push(`${prefix}${step.repeat(depth)}${target}`);
  return urls;
}

/** The raw bytes of a request through a real socket, so that no client tidies the path first. */
async function rawGet(port: number, path: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (c) => (data += c.toString('latin1')));
    socket.on('error', fail);
    socket.on('close', () => done(data));
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  });
}

describe('static files', () => {
  it('serves what is in its folders (the checks below would pass on a route that served nothing)', async () => {
    expect((await t.app.inject('/assets/images/favicon.svg')).statusCode).toBe(200);
    expect((await t.app.inject(`${staticBase}/site.css`)).statusCode).toBe(200);
  });

  it.each(['/assets/', '/assets/images/', 'STATIC/'])('reads nothing outside its folder from %s', async (prefix) => {
    const urls = traversals(prefix === 'STATIC/' ? `${staticBase}/` : prefix);
    const problems: string[] = [];
    for (const url of [...urls, `${prefix}images/favicon.svg%00.json`, `${prefix}%00../package.json`]) {
      const response = await t.app.inject({ method: 'GET', url: url.replace('STATIC/', `${staticBase}/`) });
      if (![400, 403, 404].includes(response.statusCode)) problems.push(`${url}: ${response.statusCode}`);
      for (const [name, secret] of SECRETS) if (response.body.includes(secret)) problems.push(`${url}: shows ${name}`);
    }
    expect(problems).toEqual([]);
  });

  it('reads nothing outside its folder when the path arrives untouched on a socket', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    const problems: string[] = [];
    for (const url of [...traversals('/assets/'), ...traversals(`${staticBase}/`)].filter((u) => u.includes('../'))) {
      const response = await rawGet(port, url);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
      if (![400, 403, 404].includes(status)) problems.push(`${url}: ${status}`);
      for (const [name, secret] of SECRETS) if (response.includes(secret)) problems.push(`${url}: shows ${name}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('download file names', () => {
  const e = encodeURIComponent;
  const evil = '../../etc/passwd"\r\nSet-Cookie: stolen=1';
  it.each([
    `/api/v1/observations?format=csv&indicator=${e('../../etc/passwd')}`,
    `/api/v1/observations?format=csv&indicator=${XSS_INDICATOR}&area=${e('a"b\r\nSet-Cookie: x=1')}`,
    `/api/v1/observations?format=csv&indicator=${e('..\\..\\boot.ini')}&period=2023/24`,
    `/api/v1/areas/${NORTH_WEST}/children?format=csv`,
    `/areas/${TRAFFORD}?format=csv&theme=${e(evil)}`,
    `/indicators/${XSS_INDICATOR}?format=csv&type=${e(evil)}&period=${e(evil)}&table=${e(evil)}&q=${e(evil)}`,
    `/indicators/${XSS_INDICATOR}?format=csv&type=ward`,
    `/compare?format=csv&area=${TRAFFORD}&indicator=${XSS_INDICATOR}&group=type&period=${e(evil)}`,
    `/compare?format=csv&area=${TRAFFORD}&group=custom&codes=${e(`${NORTH_WEST},${evil}`)}`,
    `/trend?format=csv&area=${TRAFFORD}&indicator=${XSS_INDICATOR}`,
    `/trend?format=csv&area=${e(evil)}&indicator=${XSS_INDICATOR}`,
  ])('%s: a plain file name, no header smuggled in', async (url) => {
    const response = await t.app.inject({ method: 'GET', url });
    expect([200, 400, 404]).toContain(response.statusCode);
    expect(response.headers['set-cookie']).toBeUndefined();
    const disposition = response.headers['content-disposition'];
    if (response.statusCode === 200 && url.includes('format=csv')) expect(disposition).toBeDefined();
    if (disposition !== undefined) expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.csv"$/);
  });
});

describe('submitted file names', () => {
  const tidy = (name: string) => ({ name, content: `indicator,area,period,value\n${XSS_INDICATOR},${TRAFFORD},2021/22,7\n` });

  /** A real file of many rows: a name that were opened would read them, not the one row sent. */
  const realFile = resolve(ROOT, 'data/areas/uk_local_authorities_current.csv');
  it.each([
    realFile,
    `${'../'.repeat(12)}${realFile.slice(1)}`,
    '..\\..\\..\\Windows\\win.ini',
    'evil\u0000.csv',
    'a/../../b.csv',
  ])('are never opened: %j imports its own content', async (name) => {
    const summary = await importObservations(t.ctx.database.db, tidy(name), { clock });
    expect(summary).toMatchObject({ rowsRead: 1 });
    const areas = await importAreaFile(
      t.ctx.database.db,
      { name, content: 'code,name,type\nE92000001,England,country\n' },
      { clock },
    );
    expect(areas.rowsRead).toBe(1);
  });

  it.each(['../../x/evil.geojson', '..\\..\\evil.geojson', 'a\u0000b.geojson', '/etc/passwd'])(
    'give a boundary set (named after its file) an id with no separator: %j',
    async (name) => {
      await importBoundaryFile(t.ctx.database.db, { ...hostileBoundaries(), name }, { clock });
      const ids = (await listBoundarySets(t.ctx.database.db)).items.map((s) => s.id);
      expect(ids.filter((id) => !/^[a-z0-9][a-z0-9-]*$/.test(id))).toEqual([]);
    },
  );
});

describe('the CLI’s import commands', () => {
  let database: { url: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    database = await freshDatabaseUrl();
    expect((await cli('import', 'areas', 'data/areas/uk_local_authorities_current.csv')).code).toBe(0);
  });
  afterAll(async () => database.cleanup());

  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), interactive: false };
    const code = await runCli(argv, io, { DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  async function counts() {
    const handle = openDatabase(readConfig({ DATABASE_URL: database.url }).database);
    try {
      return await rowCounts(handle.db);
    } finally {
      await handle.close();
    }
  }

  it.each([
    [['import', 'areas', '../../../../../../../../etc/passwd'], /^Error: passwd is not/],
    [['import', 'indicators', '../'.repeat(12) + 'etc/passwd'], /^Error: passwd is /],
    [['import', 'bodies', 'data/../../../../../../../etc/hostname'], /^Error: hostname is not/],
    [['import', 'boundaries', '../../../../../../../../etc/passwd'], /^Error: passwd is not valid JSON/],
    [['import', 'areas', 'data/areas/uk_local_authorities_current.csv\u0000.txt'], /^Error: Cannot read .*null bytes/],
    [['import', 'observations', '../../../../../../../../etc/passwd\u0000'], /^Error: Cannot read .*null bytes/],
    [
      ['import', 'observations', 'data/indicators/trafford_ward_indicators.csv', '--meta', '../../../../../../../etc/passwd'],
      /^Error: passwd is not/,
    ],
    [['import', 'groups', '../../../../../../../../no/such/file.csv'], /^Error: Cannot read .*no such file/],
  ])('%j: refused with a clear error, nothing written', async (argv, message) => {
    const before = await counts();
    const r = await cli(...argv);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(await counts()).toEqual(before);
  });
});
