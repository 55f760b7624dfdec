import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpApp } from '../http/app.ts';
import { silentLogger } from '../logging.ts';
import { PageCache, chooseEncoding, registerPageCache, registerWebPages, render } from './index.ts';

let app: FastifyInstance;
let version = 'v1';
const renders = new Map<string, number>();
const rendered = (path: string) => renders.get(path) ?? 0;
const counted = (path: string) => renders.set(path, rendered(path) + 1);

beforeAll(async () => {
  app = await createHttpApp({ logger: silentLogger, version: 'test' });
  await registerWebPages(app, {
    serviceName: 'Test Service',
    navigation: [],
    footerLinks: [],
    attributions: [],
    viewDirs: [join(import.meta.dirname, 'fixtures')],
  });
  await app.register(async (pages) => {
    registerPageCache(pages, { version: async () => version, maxBytes: 1_000_000 });
    pages.get('/hello', async (request, reply) => {
      counted('/hello');
      return render(reply, 'greeting.njk', { pageTitle: 'Greeting', name: (request.query as { name?: string }).name ?? 'world' });
    });
    pages.get('/table.csv', async (_request, reply) => {
      counted('/table.csv');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="t.csv"')
        .send('a,b\n1,2\n');
    });
    pages.get('/gone', async (_request, reply) => {
      counted('/gone');
      return render(reply, 'greeting.njk', { pageTitle: 'Gone', name: 'nobody' }, { status: 404 });
    });
  });
  await app.ready();
});

afterAll(async () => {
  await app.close();
});

beforeEach(() => {
  version = `v${Math.random()}`; // each test starts with nothing cached for it
  renders.clear();
});

describe('the page cache', () => {
  it('serves the second request for a URL without rendering it again', async () => {
    const first = await app.inject('/hello?name=Ann');
    const second = await app.inject('/hello?name=Ann');
    expect(rendered('/hello')).toBe(1);
    expect([first.headers['x-page-cache'], second.headers['x-page-cache']]).toEqual(['miss', 'hit']);
    expect(second.statusCode).toBe(200);
    expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(second.headers['cache-control']).toBe(first.headers['cache-control']);
    expect(second.body).toContain('Hello, Ann.');
  });

  it('gives a cached page the same bytes and the same strict security headers as a rendered one', async () => {
    const first = await app.inject('/hello');
    const second = await app.inject('/hello');
    expect(second.body).toBe(first.body);
    for (const header of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy'])
      expect(second.headers[header]).toBe(first.headers[header]);
    expect(String(second.headers['content-security-policy'])).toMatch(/script-src 'self' 'sha256-/);
  });

  it('compresses a cached page in the encoding the request accepts', async () => {
    const plain = await app.inject('/hello');
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['br;q=0, gzip;q=0.8', 'gzip', gunzipSync],
    ] as const) {
      const response = await app.inject({ url: '/hello', headers: { 'accept-encoding': accept } });
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers.vary).toBe('accept-encoding, cookie');
      expect(decode(response.rawPayload).toString('utf8')).toBe(plain.body);
    }
    const identity = await app.inject({ url: '/hello', headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body).toBe(plain.body);
  });

  it('renders again once the data version changes', async () => {
    await app.inject('/hello');
    version = `${version}-changed`;
    const after = await app.inject('/hello');
    expect(after.headers['x-page-cache']).toBe('miss');
    expect(rendered('/hello')).toBe(2);
  });

  it('keeps each URL (query included) apart', async () => {
    await app.inject('/hello?name=Ann');
    const bob = await app.inject('/hello?name=Bob');
    expect(bob.body).toContain('Hello, Bob.');
    expect(rendered('/hello')).toBe(2);
  });

  it.each([
    ['a cookie', { cookie: 'session=abc' }],
    ['an Authorization header', { authorization: 'Bearer lv_token' }],
    ['Cache-Control: no-cache', { 'cache-control': 'no-cache' }],
    ['Pragma: no-cache', { pragma: 'no-cache' }],
  ])('renders afresh for a request with %s', async (_what, headers) => {
    await app.inject('/hello');
    const response = await app.inject({ url: '/hello', headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-page-cache']).toBeUndefined();
    expect(rendered('/hello')).toBe(2);
  });

  it('does not keep answers other than 200', async () => {
    await app.inject('/gone');
    const again = await app.inject('/gone');
    expect(again.statusCode).toBe(404);
    expect(rendered('/gone')).toBe(2);
  });

  it('keeps a CSV download with its headers', async () => {
    await app.inject('/table.csv');
    const second = await app.inject('/table.csv');
    expect(rendered('/table.csv')).toBe(1);
    expect(second.headers['content-disposition']).toBe('attachment; filename="t.csv"');
    expect(second.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(second.body).toBe('a,b\n1,2\n');
  });

  it('answers 304 Not Modified to a request carrying the page’s ETag, until the data changes', async () => {
    const first = await app.inject('/hello');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await app.inject({ url: '/hello', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    version = `${version}-changed`;
    const changed = await app.inject({ url: '/hello', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });
});

describe('PageCache', () => {
  const entry = (version: string, text: string) => {
    const body = Buffer.from(text);
    return { version, bodies: { br: body, gzip: body, identity: body }, bytes: body.length, etag: 'e', headers: {} };
  };

  it('forgets the least recently used pages beyond its size', () => {
    const cache = new PageCache(800);
    cache.set('/a', entry('v', 'a'.repeat(100)));
    cache.set('/b', entry('v', 'b'.repeat(100)));
    expect(cache.get('/a', 'v')).toBeDefined(); // /a now used more recently than /b
    for (let i = 0; i < 7; i++) cache.set(`/c${i}`, entry('v', 'c'.repeat(100)));
    expect(cache.get('/b', 'v')).toBeUndefined();
    expect(cache.get('/a', 'v')).toBeDefined();
    expect(cache.size).toBe(8);
  });

  it('does not keep a page larger than an eighth of its size, nor one of an older version', () => {
    const cache = new PageCache(800);
    cache.set('/big', entry('v', 'x'.repeat(101)));
    expect(cache.get('/big', 'v')).toBeUndefined();
    cache.set('/p', entry('v1', 'p'));
    expect(cache.get('/p', 'v2')).toBeUndefined();
    expect(cache.get('/p', 'v1')).toBeUndefined();
  });
});

describe('chooseEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['GZIP', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.0, gzip;q=0', 'identity'],
    ['deflate', 'identity'],
    ['br;q=0.5', 'br'],
  ])('Accept-Encoding %j → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
