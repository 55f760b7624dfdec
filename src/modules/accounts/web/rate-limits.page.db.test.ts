import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../test/support/app.ts';
import { makePerson } from '../../../../test/support/accounts-factories.ts';
import { Browser } from '../../../../test/support/accounts-web.ts';
import { getByRole, parsePage, textOf } from '../../../../test/support/site-dom.ts';
import { type AccountRateLimits, DEFAULT_ACCOUNT_RATE_LIMITS } from '../index.ts';
import { accountUrls } from './urls.ts';

const MINUTE = 60_000;
const LOW: AccountRateLimits = {
  ...DEFAULT_ACCOUNT_RATE_LIMITS,
  signIn: { perAddress: { max: 4, windowMs: 15 * MINUTE }, perEmail: { max: 2, windowMs: 15 * MINUTE } },
  forgotPassword: { perAddress: { max: 10, windowMs: 60 * MINUTE }, perEmail: { max: 1, windowMs: 60 * MINUTE } },
};

let t: TestApp;
beforeEach(async () => {
  t = await freshApp(undefined, { rateLimits: LOW });
  await makePerson(t.database.db, { email: 'jane@example.org', password: 'correct horse battery staple' });
});
afterEach(async () => t.close());

const signIn = (browser: Browser, email: string) =>
  browser.submit(accountUrls.signIn(), 'Sign in', { email, password: 'a wrong password' });

describe('rate limits on the signed-out forms', () => {
  it('answer 429 with Retry-After and a page saying when to try again, per email address and per client address', async () => {
    const browser = new Browser(t.app);
    expect((await signIn(browser, 'jane@example.org')).statusCode).toBe(400);
    expect((await signIn(browser, 'JANE@example.org')).statusCode).toBe(400);
    const refused = await signIn(browser, 'jane@example.org');
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(refused.headers['cache-control']).toBe('no-store');
    const document = parsePage(refused.body);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Too many attempts');
    expect(textOf(getByRole(document, 'main'))).toContain('Try again in 15 minutes.');

    // another address from the same client still gets through, until the client's own limit
    expect((await signIn(browser, 'someone@example.org')).statusCode).toBe(400);
    expect((await signIn(browser, 'another@example.org')).statusCode).toBe(429);
  });

  it('limit reset requests per email address, so nobody can flood a person with mail', async () => {
    const browser = new Browser(t.app);
    const ask = () => browser.submit(accountUrls.forgotPassword(), 'Send the link', { email: 'jane@example.org' });
    expect((await ask()).statusCode).toBe(303);
    expect((await ask()).statusCode).toBe(429);
    expect(t.mail.sent).toHaveLength(1);
  });
});
