import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../test/support/app.ts';
import {
  LOCAL_INDICATOR,
  POLICE,
  seedSubmissionWorld,
  setUp,
  STOCKPORT,
  submissionCsv,
  TRAFFORD,
  TRAFFORD_AREA,
  traffordStreetsFile,
} from '../../../../test/support/submission-factories.ts';
import { issueApiToken } from '../../accounts/index.ts';
import { setCollectionDeadline } from '../index.ts';

let t: TestApp;
let trafford: string;
let stockport: string;
const db = () => t.database.db;

beforeEach(async () => {
  t = await freshApp('2025-06-01T09:00:00.000Z', { env: { UPLOAD_LIMIT_MB: '1' } });
  await seedSubmissionWorld(db());
  const deps = { clock: t.clock };
  trafford = (await issueApiToken(db(), setUp, { bodyId: TRAFFORD, name: 'uploads' }, deps)).plaintext;
  stockport = (await issueApiToken(db(), setUp, { bodyId: STOCKPORT, name: 'uploads' }, deps)).plaintext;
});
afterEach(async () => t.close());

const count = async (table: 'submission' | 'submission_row') =>
  Number(
    (
      await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const csvOf = (file = traffordStreetsFile()) => file.content;

function send(url: string, opts: { token?: string; body?: string | Buffer; type?: string; json?: unknown } = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.body !== undefined ? { 'content-type': opts.type ?? 'text/csv' } : {}),
    },
    ...(opts.body !== undefined ? { payload: opts.body } : {}),
    ...(opts.json !== undefined ? { payload: opts.json as object } : {}),
  });
}
const get = (url: string, token?: string) =>
  t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

const withOneBadRow = () =>
  submissionCsv('bad.csv', [
    [LOCAL_INDICATOR, TRAFFORD_AREA, '', '2022/23', '90.1', 'final', ''],
    [LOCAL_INDICATOR, TRAFFORD_AREA, '', '2023/24', 'n/a', 'final', ''],
  ]).content;

async function draft(): Promise<string> {
  const response = await send('/api/v1/submissions?name=streets.csv', { token: trafford, body: csvOf() });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

describe('checking a file through the API', () => {
  it('reports what a good file holds and writes nothing', async () => {
    const response = await send('/api/v1/submissions/check', { token: trafford, body: csvOf() });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      ok: true,
      bodyId: TRAFFORD,
      fileName: 'upload.csv',
      format: 'csv',
      problemCount: 0,
      summary: { rows: 2, goodRows: 2, indicators: [LOCAL_INDICATOR], periods: ['FY2023', 'FY2024'], new: 2 },
    });
    expect(await count('submission')).toBe(0);
  });

  it('names every bad row, line and reason', async () => {
    const response = await send(`/api/v1/submissions/check?body=${TRAFFORD}`, { token: trafford, body: withOneBadRow() });
    expect(response.json()).toMatchObject({
      ok: false,
      problemCount: 1,
      problems: [{ line: 3, field: 'value', value: 'n/a', reason: expect.stringMatching(/number/) }],
    });
  });

  it('reads a JSON file sent as application/json', async () => {
    const json = JSON.stringify({
      observations: [{ indicator: LOCAL_INDICATOR, area: TRAFFORD_AREA, period: '2023/24', value: 91.2 }],
    });
    const response = await send('/api/v1/submissions/check', { token: trafford, body: json, type: 'application/json' });
    expect(response.json()).toMatchObject({ ok: true, format: 'json', fileName: 'upload.json', summary: { goodRows: 1 } });
  });

  it('answers 401 without a token, 403 with another body’s, 413 for a file too large and 415 for another type', async () => {
    const none = await send('/api/v1/submissions/check', { body: csvOf() });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer');
    expect((await send('/api/v1/submissions/check', { token: 'lv_000000_made-up', body: csvOf() })).statusCode).toBe(401);
    const wrong = await send(`/api/v1/submissions/check?body=${TRAFFORD}`, { token: stockport, body: csvOf() });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ error: { code: 'forbidden' } });
    const big = await send('/api/v1/submissions/check', { token: trafford, body: Buffer.alloc(1024 * 1024 + 1, 'a') });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toEqual({
      error: { code: 'file_too_large', message: 'The file is too large: send at most 1 MB', details: [] },
    });
    const xml = await send('/api/v1/submissions/check', { token: trafford, body: '<xml/>', type: 'application/xml' });
    expect(xml.statusCode).toBe(415);
  });
});

describe('submissions through the API', () => {
  it('uploads a good file as a draft (201), and refuses a bad one with every bad row (400), writing nothing', async () => {
    const created = await send('/api/v1/submissions?name=streets.csv', { token: trafford, body: csvOf() });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      bodyId: TRAFFORD,
      state: 'draft',
      fileName: 'streets.csv',
      rowCount: 2,
      createdBy: { personId: null },
    });
    const refused = await send('/api/v1/submissions', { token: trafford, body: withOneBadRow() });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: { code: 'validation_failed', details: [{ line: 3, field: 'value', value: 'n/a' }] },
    });
    expect(await count('submission')).toBe(1);
    expect(await count('submission_row')).toBe(2);
  });

  it('lists, reads and takes the steps a token may take; another body’s token may do none of it', async () => {
    const id = await draft();
    const list = await get('/api/v1/submissions', trafford);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id, state: 'draft' }] });
    expect((await get('/api/v1/submissions?state=published', trafford)).json()).toMatchObject({ total: 0 });
    const csv = await get('/api/v1/submissions?format=csv', trafford);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\n')[1]).toContain('streets.csv');

    const detail = await get(`/api/v1/submissions/${id}`, trafford);
    expect(detail.json()).toMatchObject({ id, events: [{ event: 'create', toState: 'draft' }], steps: ['submit', 'withdraw'] });
    const rows = await get(`/api/v1/submissions/${id}/rows`, trafford);
    expect(rows.json()).toMatchObject({
      total: 2,
      items: [{ line: 2, indicator: LOCAL_INDICATOR, period: '2023/24', value: 91.2 }, { line: 3 }],
    });
    expect((await get(`/api/v1/submissions/${id}/rows?format=csv`, trafford)).body.split('\n')[1]).toBe(
      `${LOCAL_INDICATOR},${TRAFFORD_AREA},2023/24,91.2,,,,,,final`,
    );

    for (const url of [`/api/v1/submissions?body=${TRAFFORD}`, `/api/v1/submissions/${id}`, `/api/v1/submissions/${id}/rows`]) {
      expect((await get(url, stockport)).statusCode, url).toBe(403);
      expect((await get(url)).statusCode, url).toBe(401);
    }
    expect((await send(`/api/v1/submissions/${id}/submit`, { token: stockport })).statusCode).toBe(403);

    const submitted = await send(`/api/v1/submissions/${id}/submit`, { token: trafford });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'submitted' });
    expect((await send(`/api/v1/submissions/${id}/approve`, { token: trafford })).statusCode).toBe(403);
    expect((await send(`/api/v1/submissions/${id}/publish`, { token: trafford })).statusCode).toBe(403);
    expect((await send(`/api/v1/submissions/${id}/submit`, { token: trafford })).statusCode).toBe(409);
    expect((await send(`/api/v1/submissions/${id}/withdraw`, { token: trafford, json: {} })).statusCode).toBe(400);
    const withdrawn = await send(`/api/v1/submissions/${id}/withdraw`, { token: trafford, json: { reason: 'Wrong year' } });
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn', reason: 'Wrong year' });
    expect((await get('/api/v1/submissions/no-such-id', trafford)).statusCode).toBe(404);
  });
});

describe('collection rounds through the API', () => {
  it('are public, as are the overdue items', async () => {
    await setCollectionDeadline(
      db(),
      setUp,
      { indicator: LOCAL_INDICATOR, period: '2024/25', bodyId: POLICE, dueDate: '2025-05-21' },
      { clock: t.clock },
    );
    const round = await get(`/api/v1/bodies/${POLICE}/collection`);
    expect(round.statusCode).toBe(200);
    expect(round.json()).toEqual({
      bodyId: POLICE,
      bodyName: 'Greater Manchester Police',
      items: [
        {
          indicator: LOCAL_INDICATOR,
          indicatorTitle: 'Streets judged clean',
          period: { key: 'FY2024', type: 'financial_year', label: '2024/25', start: '2024-04-01', end: '2025-03-31' },
          dueDate: '2025-05-21',
          status: 'late',
          daysLate: 11,
          receivedAt: null,
          publishedAt: null,
        },
      ],
    });
    expect((await get('/api/v1/collection/overdue')).json()).toMatchObject({
      items: [{ bodyId: POLICE, items: [{ status: 'late' }] }],
    });
    expect((await get('/api/v1/bodies/nowhere/collection')).statusCode).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  it('names the bearer token on every submission route', async () => {
    const doc = (await get('/api/openapi.json')).json<{
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, { security?: unknown }>>;
    }>();
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    const submissionRoutes = Object.entries(doc.paths).filter(([path]) => path.startsWith('/api/v1/submissions'));
    const operations = submissionRoutes.flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => [`${method} ${path}`, op.security]),
    );
    expect(operations.length).toBeGreaterThanOrEqual(10);
    for (const [, security] of operations) expect(security).toEqual([{ apiToken: [] }]);
  });
});
