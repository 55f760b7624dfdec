/** The signed-out forms (sign in, forgotten password) refuse a missing or wrong CSRF token and change nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../test/support/app.ts';
import { makePerson } from '../../../../test/support/accounts-factories.ts';
import { Browser, fieldValue } from '../../../../test/support/accounts-web.ts';
import { getByRole, parsePage, textOf } from '../../../../test/support/site-dom.ts';
import { CSRF_REFUSED } from '../index.ts';
import { accountUrls } from './urls.ts';

const EMAIL = 'jane.smith@trafford.example';
const PASSWORD = 'correct horse battery staple';

let t: TestApp;
beforeAll(async () => {
  t = await freshApp();
  await makePerson(t.database.db, { email: EMAIL, password: PASSWORD });
});
afterAll(async () => t.close());

async function failedSignIns(): Promise<number> {
  const row = await t.database.db
    .selectFrom('person')
    .select('failed_sign_ins')
    .where('email', '=', EMAIL)
    .executeTakeFirstOrThrow();
  return Number(row.failed_sign_ins);
}

/** A browser holding the sign-in page's cookie, and the token that page gave it. */
async function openSignIn() {
  const browser = new Browser(t.app);
  const { document } = await browser.get(accountUrls.signIn());
  return { browser, token: fieldValue(document, '_csrf')! };
}

describe('CSRF protection of the signed-out forms', () => {
  it.each([
    ['no token', async () => ({ ...(await openSignIn()), fields: {} })],
    ['a wrong token', async () => ({ ...(await openSignIn()), fields: { _csrf: 'x'.repeat(43) } })],
    ['the token sent twice', async () => ({ ...(await openSignIn()), fields: { _csrf: ['a', 'b'] as unknown as string } })],
    [
      'another browser’s token',
      async () => {
        const mine = await openSignIn();
        const theirs = await openSignIn();
        return { browser: mine.browser, fields: { _csrf: theirs.token } };
      },
    ],
    [
      'the right token without its cookie',
      async () => {
        const { token } = await openSignIn();
        return { browser: new Browser(t.app), fields: { _csrf: token } };
      },
    ],
  ])('refuses sign-in with %s (403), signing nobody in and counting no failure', async (_why, prepare) => {
    const { browser, fields } = await prepare();
    const response = await browser.request('POST', accountUrls.signIn(), {
      email: EMAIL,
      password: 'wrong password!',
      ...fields,
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers['set-cookie'] ?? '').not.toMatch(/lv_session=/);
    const main = getByRole(parsePage(response.body), 'main');
    expect(textOf(main)).toContain(CSRF_REFUSED);
    expect(await failedSignIns()).toBe(0);
  });

  it('refuses a forgotten-password request without the token, sending no mail', async () => {
    const response = await new Browser(t.app).request('POST', accountUrls.forgotPassword(), { email: EMAIL });
    expect(response.statusCode).toBe(403);
    expect(t.mail.sent).toEqual([]);
  });

  it('accepts the right token with its cookie', async () => {
    const { browser, token } = await openSignIn();
    const response = await browser.request('POST', accountUrls.signIn(), { _csrf: token, email: EMAIL, password: PASSWORD });
    expect(response.statusCode).toBe(303);
  });
});
