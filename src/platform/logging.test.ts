import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createHttpApp } from './http/app.ts';
import { createLogger, redactUrl } from './logging.ts';

describe('redactUrl', () => {
  it.each([
    ['/account/reset-password?token=abc123', '/account/reset-password?token=[redacted]'],
    ['/account/accept-invitation?TOKEN=abc&x=1', '/account/accept-invitation?TOKEN=[redacted]&x=1'],
    ['/a?returnTo=%2Fareas&password=hunter2&q=token', '/a?returnTo=%2Fareas&password=[redacted]&q=token'],
    ['/a?%74oken=abc', '/a?%74oken=[redacted]'],
    ['/areas/E08000009', '/areas/E08000009'],
    ['/search?q=Trafford', '/search?q=Trafford'],
    ['/a?token', '/a?token'],
    ['/a?%ZZ=1', '/a?%ZZ=1'],
  ])('%s → %s', (url, logged) => {
    expect(redactUrl(url)).toBe(logged);
  });
});

describe('the request log', () => {
  it('keeps no secret: not the token of a link, nor the Authorization header or cookies', async () => {
    const lines: string[] = [];
    const out = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await createHttpApp({ logger: createLogger('info', out), version: 'test' });
    app.get('/account/reset-password', async () => 'ok');
    await app.ready();
    await app.inject({
      url: '/account/reset-password?token=SECRET-LINK&returnTo=/areas',
      headers: { authorization: 'Bearer lv_SECRET-TOKEN', cookie: 'lv_session=SECRET-COOKIE' },
    });
    await app.close();
    const log = lines.join('');
    expect(log).toContain('/account/reset-password?token=[redacted]&returnTo=/areas');
    expect(log).not.toMatch(/SECRET/);
  });
});
