import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../logging.ts';
import { registerWebPages, render } from '../web/index.ts';
import { createHttpApp } from './app.ts';
import { limitRequests, registerRateLimiting } from './rate-limit.ts';

let app: FastifyInstance;

beforeAll(async () => {
  app = await createHttpApp({ logger: silentLogger, version: 'test' });
  await registerWebPages(app, {
    serviceName: 'Test Service',
    navigation: [],
    footerLinks: [],
    attributions: [],
    viewDirs: [join(import.meta.dirname, '../web/fixtures')],
  });
  await registerRateLimiting(app);
  const perName = { max: 2, windowMs: 60_000, key: (r: { query: unknown }) => (r.query as { name?: string }).name ?? null };
  app.post('/api/v1/attempts', { preHandler: limitRequests(app, [{ max: 3, windowMs: 60_000 }]) }, async () => ({ ok: true }));
  app.get('/attempts', { preHandler: limitRequests(app, [{ max: 10, windowMs: 60_000 }, perName]) }, async (_q, reply) =>
    render(reply, 'greeting.njk', { pageTitle: 'Attempt', name: 'x' }),
  );
  await app.ready();
});
afterAll(async () => app.close());

describe('limitRequests', () => {
  it('answers the API with 429, a JSON error and Retry-After once the limit is passed', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.inject({ method: 'POST', url: '/api/v1/attempts' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await app.inject({ method: 'POST', url: '/api/v1/attempts' });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({
      error: { code: 'too_many_requests', message: expect.stringMatching(/try again in/) },
    });
  });

  it('counts per key as well, leaving other keys and requests without one alone, and answers pages with a page', async () => {
    const get = (url: string) => app.inject({ method: 'GET', url });
    expect((await get('/attempts?name=a')).statusCode).toBe(200);
    expect((await get('/attempts?name=a')).statusCode).toBe(200);
    const refused = await get('/attempts?name=a');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/text\/html/);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.body).toMatch(/<h1[^>]*>\s*Too many attempts\s*<\/h1>/);
    expect(refused.body).toMatch(/Try again in 1 minute\./);
    expect((await get('/attempts?name=b')).statusCode).toBe(200);
    expect((await get('/attempts')).statusCode).toBe(200);
  });
});
