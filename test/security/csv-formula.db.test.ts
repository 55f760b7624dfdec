/**
 * Spreadsheet formula injection in downloads: names and texts beginning with = + - @, a tab or a
 * carriage return come out of every CSV download (the pages' "Download this table (CSV)" links, the
 * API's format=csv lists and the CLI's exports) with the apostrophe that makes a spreadsheet show
 * them as text, and no carriage return is left outside quotes; a real negative number stays a number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAreas } from '../../src/modules/places/index.ts';
import { exportBodies } from '../../src/modules/bodies/index.ts';
import { exportIndicators } from '../../src/modules/indicators/index.ts';
import { createSubmission, exportObservations, setCollectionDeadline } from '../../src/modules/data/index.ts';
import { cliActor, issueApiToken } from '../../src/modules/accounts/index.ts';
import { freshApp, type TestApp } from '../support/app.ts';
import { parsePage } from '../support/site-dom.ts';
import {
  CR_INSIDE,
  FORMULAS,
  FORMULA_INDICATOR,
  HOSTILE_BODY,
  HOSTILE_FILE_NAME,
  HOSTILE_PLAN,
  NEGATIVE_VALUE,
  NORTH_WEST,
  TRAFFORD,
  XSS_INDICATOR,
  crawlPages,
  csvRows,
  formulaProblems,
  hasBareCarriageReturn,
  seedHostileData,
} from '../support/security.ts';

let t: TestApp;
/** Every download, by address (or CLI command), with its text. */
const downloads = new Map<string, string>();

/** Lists that need an API token (the audit log) are read with one of the hostile body. */
let token = '';
const secured = new Set<string>();

async function download(url: string): Promise<string> {
  const headers = secured.has(url.split('?')[0]!) ? { authorization: `Bearer ${token}` } : {};
  const response = await t.app.inject({ method: 'GET', url, headers });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
  expect(response.headers['content-type'], url).toMatch(/^text\/csv/);
  downloads.set(url, response.body);
  return response.body;
}

beforeAll(async () => {
  t = await freshApp();
  await seedHostileData(t.ctx.database.db);
  // the pages' download links, found as a person finds them
  const pages = await crawlPages(t.app, ['/', '/search?q=alert', `/compare?area=${TRAFFORD}&group=region`]);
  const links = new Set(
    [...pages.values()].flatMap((p) =>
      parsePage(p.body)
        .querySelectorAll('a[href*="format=csv"]')
        .map((a) => a.getAttribute('href')!),
    ),
  );
  // the API's lists, from its OpenAPI document: every GET with a format parameter
  const doc = t.app.swagger() as {
    paths: Record<string, { get?: { parameters?: { name: string; in: string; required?: boolean }[]; security?: unknown[] } }>;
  };
  token = (
    await issueApiToken(t.ctx.database.db, cliActor(), { bodyId: HOSTILE_BODY.id, name: FORMULAS.equals }, { clock: t.clock })
  ).plaintext;
  // a submission of the hostile body's, whose file name is a formula (its lists and rows are downloads too)
  const deps = { clock: t.clock };
  await setCollectionDeadline(
    t.ctx.database.db,
    cliActor(),
    { indicator: FORMULA_INDICATOR, period: '2024/25', bodyId: HOSTILE_BODY.id, dueDate: '2025-06-30' },
    deps,
  );
  const file = {
    name: HOSTILE_FILE_NAME,
    content: `indicator,area,period,value\n${FORMULA_INDICATOR},${TRAFFORD},2024/25,${NEGATIVE_VALUE}\n`,
  };
  const submissionId = (await createSubmission(t.ctx.database.db, cliActor(), { bodyId: HOSTILE_BODY.id, file }, deps)).id;
  for (const [path, op] of Object.entries(doc.paths)) {
    const parameters = op.get?.parameters ?? [];
    if (!parameters.some((p) => p.name === 'format')) continue;
    expect(parameters.filter((p) => p.in === 'query' && p.required)).toEqual([]);
    const id = path.startsWith('/api/v1/plans/') ? HOSTILE_PLAN.id : submissionId;
    const address = path.replace('{code}', NORTH_WEST).replace('{id}', id);
    if (op.get?.security?.length) secured.add(address);
    links.add(`${address}?format=csv`);
  }
  for (const url of links) await download(url);
});
afterAll(async () => t.close());

describe('every CSV download', () => {
  it('includes the pages’ tables and the API’s lists', () => {
    const paths = new Set([...downloads.keys()].map((u) => u.split('?')[0]));
    for (const path of [
      `/areas/${TRAFFORD}`,
      `/indicators/${XSS_INDICATOR}`,
      '/compare',
      '/trend',
      '/api/v1/areas',
      '/api/v1/imports',
      '/api/v1/audit',
    ])
      expect(paths, path).toContain(path);
    expect(downloads.size).toBeGreaterThan(20);
  });

  it('has nothing a spreadsheet would run', () => {
    expect([...downloads].flatMap(([url, csv]) => formulaProblems(url, csv))).toEqual([]);
  });

  it.each(Object.entries(FORMULAS))('shows the name starting with %s as text, behind an apostrophe', (_kind, formula) => {
    const where = [...downloads].filter(([, csv]) => csvRows(csv).some((row) => row.includes(`'${formula}`)));
    expect(where.map(([url]) => url)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/api\/v1\/areas/)]));
    expect(where.map(([url]) => url)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/indicators\//)]));
  });

  it('shows an indicator title, a body name, a group name and an import’s file name behind an apostrophe', () => {
    const cells = (url: string) => csvRows(downloads.get(url) ?? '').flat();
    expect(cells('/api/v1/indicators?format=csv')).toContain(`'${FORMULAS.equals}`);
    expect(cells('/api/v1/bodies?format=csv').some((c) => c.startsWith(`'${FORMULAS.equals}`))).toBe(true);
    expect(cells('/api/v1/comparator-groups?format=csv').some((c) => c.startsWith(`'${FORMULAS.at}`))).toBe(true);
    expect(cells('/api/v1/imports?format=csv')).toContain(`'${HOSTILE_FILE_NAME}`);
    expect(cells('/api/v1/indicators?format=csv')).toContain(CR_INSIDE);
  });
});

describe('a negative number', () => {
  it.each([
    [`/api/v1/observations?indicator=${XSS_INDICATOR}&area=${TRAFFORD}&format=csv`, 'value'],
    [`/indicators/${XSS_INDICATOR}?format=csv`, 'value'],
    [`/indicators/${FORMULA_INDICATOR}?format=csv`, 'value'],
    [`/areas/${TRAFFORD}?format=csv`, 'value'],
    [`/areas/${TRAFFORD}?format=csv`, 'value_shown'],
    [`/trend?area=${TRAFFORD}&indicator=${XSS_INDICATOR}&format=csv`, 'value'],
    [`/compare?area=${TRAFFORD}&indicator=${XSS_INDICATOR}&group=type&format=csv`, 'value'],
  ])('%s keeps Trafford’s -3.5 a number in its %s column', async (url, column) => {
    const [header = [], ...rows] = csvRows(await download(url));
    const index = header.indexOf(column);
    expect(index, `no ${column} column in ${header.join(',')}`).toBeGreaterThanOrEqual(0);
    const values = rows.map((r) => r[index]);
    expect(values).toContain(String(NEGATIVE_VALUE));
    expect(values).not.toContain(`'${NEGATIVE_VALUE}`);
  });
});

describe('the CLI’s exports', () => {
  const exports = {
    observations: () => exportObservations(t.ctx.database.db, { format: 'csv' }),
    indicators: () => exportIndicators(t.ctx.database.db, 'csv'),
  };

  it.each(Object.entries(exports))('export %s --format csv has nothing a spreadsheet would run', async (name, run) => {
    const csv = await run();
    expect(formulaProblems(name, csv)).toEqual([]);
  });

  it('export observations keeps -3.5 a number', async () => {
    expect(await exports.observations()).toMatch(new RegExp(`^${XSS_INDICATOR},${TRAFFORD},2023/24,-3\\.5,`, 'm'));
  });

  it('export indicators quotes the source with a carriage return inside', async () => {
    const csv = await exports.indicators();
    expect(hasBareCarriageReturn(csv)).toBe(false);
    expect(csvRows(csv).flat()).toContain(CR_INSIDE);
  });

  // the area and body files guard formula cells and quote carriage returns like the indicators' files
  it.each([
    ['areas', () => exportAreas(t.ctx.database.db, { format: 'csv' })],
    ['bodies', () => exportBodies(t.ctx.database.db, { format: 'csv' })],
  ])('export %s --format csv has nothing a spreadsheet would run', async (name, run) => {
    expect(formulaProblems(name, await run())).toEqual([]);
  });
});
