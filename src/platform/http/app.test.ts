import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging.ts';
import { registerWebPages, render } from '../web/index.ts';
import { createHttpApp } from './app.ts';

let app: FastifyInstance;
const bodies: unknown[] = [];

beforeAll(async () => {
  app = await createHttpApp({ logger: silentLogger, version: 'test' });
  await registerWebPages(app, {
    serviceName: 'Test Service',
    navigation: [],
    footerLinks: [],
    attributions: [],
    viewDirs: [join(import.meta.dirname, '../web/fixtures')],
  });
  app.get('/api/v1/things/:code', async (request) => request.params);
  app.post('/api/v1/things', async (request) => {
    bodies.push(request.body);
    return { ok: true };
  });
  app.get('/things/:code', async (_request, reply) => render(reply, 'greeting.njk', { pageTitle: 'Thing', name: 'x' }));
  await app.ready();
});
afterAll(async () => app.close());

const heading = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]?.trim();

describe('an address the router cannot read', () => {
  it.each([
    ['/api/v1/things/%E0%A4%A', 400, 'bad_url'],
    ['/api/v1/things/%ff', 400, 'bad_url'],
    [`/api/v1/things/${'a'.repeat(200)}`, 414, 'uri_too_long'],
  ])('%s answers %i with the API’s JSON error', async (url, status, code) => {
    const response = await app.inject(url);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json()).toEqual({ error: { code, message: expect.any(String), details: [] } });
  });

  it.each([
    ['/things/%E0%A4%A', 400],
    [`/things/${'a'.repeat(200)}`, 414],
  ])('%s answers %i with the bad-request page', async (url, status) => {
    const response = await app.inject(url);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(heading(response.body)).toBe('Sorry, we could not answer that request');
  });
});

describe('a JSON request body', () => {
  it('must be UTF-8: a bad byte is refused with its line and offset, not read as U+FFFD', async () => {
    const payload = Buffer.concat([Buffer.from('{\n"name": "Caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/things',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({
      code: 'validation_failed',
      message: 'The request body is not valid UTF-8 text',
      details: [{ line: 2, reason: expect.stringContaining('at byte 14;') }],
    });
    expect(bodies).toEqual([]);
  });

  it('is still read as Fastify reads it, prototype keys refused', async () => {
    const post = (payload: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/things',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        payload,
      });
    expect((await post('{"name": "Café"}')).statusCode).toBe(200);
    expect(bodies).toEqual([{ name: 'Café' }]);
    expect((await post('{"__proto__": {"x": 1}}')).statusCode).toBe(400);
  });
});
