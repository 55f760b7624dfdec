/**
 * Oversized input to the running app: a very long query value, a very long path, a huge query
 * string or header, and a huge body, each answered with a clear 4xx — and the server still
 * answering afterwards. (The CLI's imports have no size limit of their own: a file is read whole,
 * up to the 2 GiB Node reads at once.)
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../support/app.ts';
import { getByRole, parsePage, textOf } from '../support/site-dom.ts';
import { TRAFFORD, XSS_INDICATOR, seedHostileData } from '../support/security.ts';

let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await freshApp();
  await seedHostileData(t.ctx.database.db);
  port = Number(new URL(await t.app.listen({ port: 0, host: '127.0.0.1' })).port);
});
afterAll(async () => t.close());

/** Sends raw bytes on a socket and gives back the status line's code (0 if the server only hung up). */
async function rawStatus(request: string): Promise<number> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (c) => (data += c.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => done(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    socket.write(request);
  });
}

const long = (n: number) => 'a'.repeat(n);

describe('a long value', () => {
  it.each([
    ['a 5,000-character search', `/search?q=${long(5000)}`, 400, /must be 100 characters or fewer/],
    ['a 5,000-character area to compare', `/compare?area=${long(5000)}`, 400, /Area code must be 64 characters or fewer/],
    [
      '60,000 characters of codes to compare',
      `/compare?area=${TRAFFORD}&group=custom&codes=${long(60_000)}`,
      400,
      /There is a problem/,
    ],
    [
      'a 5,000-character area for a trend',
      `/trend?area=${long(5000)}&indicator=${XSS_INDICATOR}`,
      400,
      /Area code must be 64 characters or fewer/,
    ],
    [
      '5,000-character filters of an indicator',
      `/indicators/${XSS_INDICATOR}?q=${long(5000)}&period=${long(5000)}&type=${long(5000)}`,
      200,
      /./,
    ],
    ['a 200-character area code', `/areas/${long(200)}`, 414, /could not answer that request/],
    ['a 90-character area code', `/areas/${long(90)}`, 404, /Page not found/],
    ['a 5,000-character indicator code', `/indicators/${long(5000)}`, 414, /could not answer that request/],
  ])('page: $0 answers $1 with a page that says what is wrong', async (_what, url, status, says) => {
    const response = await t.app.inject(url);
    expect(response.statusCode).toBe(status);
    const document = parsePage(response.body);
    getByRole(document, 'heading', { level: 1 });
    expect(textOf(getByRole(document, 'main'))).toMatch(says);
  });

  it.each([
    ['a 5,000-character search', `/api/v1/areas?q=${long(5000)}`, 400, 'invalid_request'],
    ['a 5,000-character indicator', `/api/v1/observations?indicator=${long(5000)}`, 400, 'invalid_request'],
    [
      '30,000 characters of codes',
      `/api/v1/analysis/compare?indicator=${XSS_INDICATOR}&area=${TRAFFORD}&group=custom&codes=${long(30_000)}`,
      400,
      'invalid_request',
    ],
    ['a search repeated 3,000 times', `/api/v1/areas?${'q=a&'.repeat(3000)}`, 400, 'invalid_request'],
    ['a 400-digit limit', `/api/v1/areas?limit=${'9'.repeat(400)}`, 400, 'invalid_request'],
    ['a 50-character area code', `/api/v1/areas/${long(50)}`, 400, 'invalid_request'],
    ['a 200-character area code', `/api/v1/areas/${long(200)}`, 414, 'uri_too_long'],
  ])('API: $0 answers $1 with a JSON error', async (_what, url, status, code) => {
    const response = await t.app.inject(url);
    expect(response.statusCode).toBe(status);
    expect(response.json().error).toMatchObject({ code, message: expect.any(String) });
  });
});

describe('a huge request', () => {
  it.each([
    ['a 20 KB query string', `GET /search?q=${long(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 431],
    ['a 1 MB query string', `GET /api/v1/areas?q=${long(1_000_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 431],
    ['a 100 KB path', `GET /areas/${long(100_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 431],
    ['a 100 KB header', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${long(100_000)}\r\nConnection: close\r\n\r\n`, 431],
    [
      'a claimed 10 GB body',
      `POST /api/v1/areas HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 ** 3}\r\nConnection: close\r\n\r\n{`,
      413,
    ],
  ])('$0 is answered $2, and the server goes on answering', async (_what, request, status) => {
    expect(await rawStatus(request)).toBe(status);
    expect(await rawStatus('GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toBe(200);
  });
});
