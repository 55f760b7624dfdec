/**
 * Request bodies, for the uploads to come: the HTTP platform refuses a body over its limit with a
 * clear 413 before reading it, and a JSON body that is not UTF-8 (or carries a prototype key) with
 * a clear 400 naming the bad byte, in the API's error shape. The routes here stand in for the
 * upload routes: today's API takes no body at all.
 */
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../../src/platform/http/app.ts';
import { silentLogger } from '../../src/platform/logging.ts';

const LIMIT = 4096;
let small: FastifyInstance;
let standard: FastifyInstance;
const received: unknown[] = [];

async function appWith(bodyLimit?: number): Promise<FastifyInstance> {
  const app = await createHttpApp({ logger: silentLogger, version: 'test', ...(bodyLimit ? { bodyLimit } : {}) });
  app.post('/api/v1/uploads', async (request) => {
    received.push(request.body);
    return { received: true };
  });
  await app.ready();
  return app;
}

beforeAll(async () => {
  small = await appWith(LIMIT);
  standard = await appWith();
});
afterAll(async () => {
  await small.close();
  await standard.close();
});

const post = (app: FastifyInstance, payload: Buffer | string, type = 'application/json') =>
  app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { 'content-type': type }, payload });

/** Sends only the headers of a request claiming a body of `length` bytes, and reads the answer. */
async function claimBody(port: number, length: number): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (c) => {
      data += c.toString();
      if (data.includes('\r\n\r\n') && data.includes('}')) socket.destroy();
    });
    socket.on('error', fail);
    socket.on('close', () => done(data));
    socket.write(
      `POST /api/v1/uploads HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`,
    );
  });
}

describe('the body limit', () => {
  it.each([
    ['JSON', 'application/json', (n: number) => JSON.stringify({ rows: 'x'.repeat(n) })],
    ['CSV', 'text/plain', (n: number) => `indicator,area,period,value\n${'NI192,E08000009,2023/24,1\n'.repeat(n / 20)}`],
  ])('refuses a %s body over it with 413 and a clear message, and accepts one under it', async (_kind, type, body) => {
    const over = await post(small, body(LIMIT + 100), type);
    expect(over.statusCode).toBe(413);
    expect(over.json()).toEqual({ error: { code: expect.any(String), message: 'Request body is too large', details: [] } });
    const under = await post(small, body(LIMIT / 2), type);
    expect(under.statusCode, under.body).toBe(200);
  });

  it('exists when none is given, and refuses a body that claims to be larger before reading it', async () => {
    const address = await standard.listen({ port: 0, host: '127.0.0.1' });
    const answer = await claimBody(Number(new URL(address).port), 10 * 1024 ** 3);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"message":"Request body is too large"');
    expect((await standard.inject('/health')).statusCode).toBe(200);
  });
});

describe('a JSON body', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

  it.each([
    ['é saved as Latin-1', bytes('{"rows": [\n{"name": "Caf', [0xe9], '"}\n]}')],
    ['a lone continuation byte', bytes('{"name": "', [0x80], '"}')],
    ['an overlong "/"', bytes('{"name": "', [0xc0, 0xaf], '"}')],
  ])('that is not UTF-8 (%s) is refused with 400, naming the line and byte', async (_what, body) => {
    const offset = body.findIndex((b) => b >= 0x80);
    const line = body.subarray(0, offset).toString().split('\n').length;
    const before = received.length;
    const response = await post(small, body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'validation_failed',
        message: 'The request body is not valid UTF-8 text',
        details: [{ line, reason: expect.stringContaining(`at byte ${offset};`) }],
      },
    });
    expect(received.length).toBe(before);
  });

  it('in UTF-16 is refused, saying so', async () => {
    const response = await post(small, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a": 1}', 'utf16le')]));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].reason).toMatch(/UTF-16/);
  });

  it.each([
    ['a __proto__ key', '{"__proto__": {"admin": true}}'],
    ['a constructor.prototype key', '{"constructor": {"prototype": {"admin": true}}}'],
    ['broken JSON', '{"a": '],
    ['nothing', ''],
  ])('with %s is refused with 400 and a clear message', async (_what, body) => {
    const response = await post(small, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toEqual({ code: expect.any(String), message: expect.any(String), details: [] });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('in UTF-8, with or without a byte-order mark, is read', async () => {
    for (const body of ['{"name": "Café"}', '\uFEFF{"name": "Café"}']) {
      const response = await post(small, Buffer.from(body));
      expect(response.statusCode, response.body).toBe(200);
      expect(received.at(-1)).toEqual({ name: 'Café' });
    }
  });
});
