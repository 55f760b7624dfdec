/** The rate limit on the administrators' invitation form. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { seedAccountsBodies } from '../../../../../test/support/accounts-factories.ts';
import { type Browser, signInWithRole } from '../../../../../test/support/accounts-web.ts';
import { getByRole, parsePage, textOf } from '../../../../../test/support/site-dom.ts';
import { DEFAULT_ACCOUNT_RATE_LIMITS } from '../../index.ts';
import { adminUrls } from './urls.ts';

const HOUR = 60 * 60_000;
let t: TestApp;
let admin: Browser;
beforeEach(async () => {
  t = await freshApp(undefined, {
    rateLimits: {
      ...DEFAULT_ACCOUNT_RATE_LIMITS,
      invite: { perAddress: { max: 3, windowMs: HOUR }, perEmail: { max: 2, windowMs: HOUR } },
    },
  });
  await seedAccountsBodies(t.database.db);
  admin = (await signInWithRole(t.app, t.database.db, 'administrator')).browser;
});
afterEach(async () => t.close());

const invite = (browser: Browser, email: string) =>
  browser.post(adminUrls.invite(), { email, displayName: 'Someone New', role: '', bodyId: '', areaCode: '' });

const peopleNamed = async (email: string) =>
  (await t.database.db.selectFrom('person').select('id').where('email', '=', email).execute()).length;

function expectTooMany(response: Awaited<ReturnType<typeof invite>>) {
  expect(response.statusCode).toBe(429);
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(59 * 60);
  const document = parsePage(response.body);
  expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Too many attempts');
  expect(textOf(getByRole(document, 'main'))).toContain('Try again in 60 minutes.');
}

describe('the invitation form’s rate limit', () => {
  it('answers 429 with a page saying when to try again once an address has sent too many, inviting nobody', async () => {
    for (const n of [1, 2, 3]) expect((await invite(admin, `new${n}@example.org`)).statusCode).toBe(303);
    const mailed = t.mail.sent.length;
    expectTooMany(await invite(admin, 'new4@example.org'));
    expect(await peopleNamed('new4@example.org')).toBe(0);
    expect(t.mail.sent).toHaveLength(mailed);
  });

  it('limits invitations of one email address, whatever its capitals', async () => {
    expect((await invite(admin, 'jo@example.org')).statusCode).toBe(303);
    // the same address again is refused as already used, and counted
    expect((await invite(admin, 'JO@example.org')).statusCode).toBe(400);
    expectTooMany(await invite(admin, 'Jo@Example.org'));
  });

  it('does not count forms from people who may not invite', async () => {
    const { browser: officer } = await signInWithRole(t.app, t.database.db, 'performance_officer');
    for (let i = 0; i < 5; i += 1) expect((await invite(officer, 'jo@example.org')).statusCode).toBe(403);
    expect((await invite(admin, 'jo@example.org')).statusCode).toBe(303);
    expect(await peopleNamed('jo@example.org')).toBe(1);
  });
});
