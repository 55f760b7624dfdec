import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { makePerson, seedAccountsBodies, TEST_BODIES } from '../../../../../test/support/accounts-factories.ts';
import { Browser, fieldValue, signInThroughApp } from '../../../../../test/support/accounts-web.ts';
import { getAllByRole, getByLabelText, getByRole, parsePage, textOf } from '../../../../../test/support/site-dom.ts';
import { LOCK_OUT_MS, MAX_FAILED_SIGN_INS, SIGN_IN_REFUSED } from '../../index.ts';
import { accountUrls } from '../urls.ts';

const EMAIL = 'jane.smith@trafford.example';
const PASSWORD = 'correct horse battery staple';

let t: TestApp;
beforeEach(async () => {
  t = await freshApp();
  await seedAccountsBodies(t.database.db);
  await makePerson(t.database.db, {
    email: EMAIL,
    displayName: 'Jane Smith',
    password: PASSWORD,
    roles: [{ role: 'performance_officer', bodyId: TEST_BODIES.council.id }],
  });
});
afterEach(async () => t.close());

const errorSummaryLinks = (html: string) =>
  getAllByRole(getByRole(parsePage(html), 'alert'), 'link').map((a) => ({ text: textOf(a), href: a.getAttribute('href') }));

const sessionCookieOf = (response: { cookies: unknown }) =>
  (response.cookies as { name: string; value: string; path?: string; httpOnly?: boolean; sameSite?: string }[]).find(
    (c) => c.name === 'lv_session',
  );

describe('the sign-in page', () => {
  it('asks for an email address and a password, and is never cached', async () => {
    const { response, document } = await new Browser(t.app).get(accountUrls.signIn());
    expect(response.statusCode).toBe(200);
    expect(getByRole(document, 'heading', { level: 1 }).text.trim()).toBe('Sign in');
    expect(getByLabelText(document, 'Email address').getAttribute('autocomplete')).toBe('username');
    expect(getByLabelText(document, 'Password').getAttribute('type')).toBe('password');
    expect(getByRole(document, 'link', { name: 'I have forgotten my password' }).getAttribute('href')).toBe(
      accountUrls.forgotPassword(),
    );
    expect(response.headers['cache-control']).toBe('private, no-store');
    // the form's CSRF cookie goes only to the account pages: public pages stay cookie-less
    expect(response.headers['set-cookie']).toMatch(/^lv_csrf=[^;]+; Path=\/account; HttpOnly; SameSite=Strict$/);
  });

  it('signs a person in with a new session cookie, then shows who they are in every page header', async () => {
    const browser = new Browser(t.app);
    const response = await browser.submit(accountUrls.signIn(), 'Sign in', { email: EMAIL, password: PASSWORD });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(accountUrls.account());
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(sessionCookieOf(response)).toMatchObject({ path: '/', httpOnly: true, sameSite: 'Lax' });
    expect(response.headers['set-cookie']).not.toMatch(/Secure/);

    const { response: page, document } = await browser.get('/about');
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.headers['x-page-cache']).toBeUndefined();
    const menu = getByRole(document, 'navigation', { name: 'Menu' });
    expect(textOf(menu)).toContain('Jane Smith');
    expect(getByRole(menu, 'link', { name: 'Your account' }).getAttribute('href')).toBe('/account');
    expect(getByRole(menu, 'button', { name: 'Sign out' }).closest('form')!.getAttribute('action')).toBe(accountUrls.signOut());
    expect(() => getByRole(menu, 'link', { name: 'Sign in' })).toThrow();
  });

  it('shows anonymous readers a "Sign in" link back to the page, and keeps caching their pages', async () => {
    const first = await t.app.inject('/about');
    const second = await t.app.inject('/about');
    expect([first.headers['x-page-cache'], second.headers['x-page-cache']]).toEqual(['miss', 'hit']);
    expect(second.headers['cache-control']).toBe('public, max-age=300');
    expect(second.headers['set-cookie']).toBeUndefined();
    const menu = getByRole(parsePage(second.body), 'navigation', { name: 'Menu' });
    expect(getByRole(menu, 'link', { name: 'Sign in' }).getAttribute('href')).toBe('/account/sign-in?returnTo=%2Fabout');
  });

  it('refuses a wrong password with the one message for every failure, keeping the address but not the password', async () => {
    const browser = new Browser(t.app);
    const response = await browser.submit(accountUrls.signIn(), 'Sign in', { email: EMAIL, password: 'not the password' });
    expect(response.statusCode).toBe(400);
    expect(sessionCookieOf(response)).toBeUndefined();
    expect(errorSummaryLinks(response.body)).toEqual([{ text: SIGN_IN_REFUSED, href: '#email' }]);
    const document = parsePage(response.body);
    expect(document.querySelector('title')!.text).toMatch(/^Error: Sign in/);
    expect(getByLabelText(document, 'Email address').getAttribute('value')).toBe(EMAIL);
    expect(getByLabelText(document, 'Password').getAttribute('value')).toBeUndefined();
    expect(response.body).not.toContain('not the password');

    const unknown = await browser.submit(accountUrls.signIn(), 'Sign in', { email: 'nobody@example.org', password: PASSWORD });
    expect(errorSummaryLinks(unknown.body)).toEqual([{ text: SIGN_IN_REFUSED, href: '#email' }]);
  });

  it('names each empty field in the error summary, linking to it', async () => {
    const response = await new Browser(t.app).submit(accountUrls.signIn(), 'Sign in', { email: ' ', password: '' });
    expect(response.statusCode).toBe(400);
    expect(errorSummaryLinks(response.body)).toEqual([
      { text: 'Enter your email address', href: '#email' },
      { text: 'Enter your password', href: '#password' },
    ]);
  });

  it(`pauses signing in after ${MAX_FAILED_SIGN_INS} wrong passwords, even with the right one, until the lock-out ends`, async () => {
    const browser = new Browser(t.app);
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      expect((await browser.submit(accountUrls.signIn(), 'Sign in', { email: EMAIL, password: `wrong ${i}` })).statusCode).toBe(
        400,
      );
    const locked = await browser.submit(accountUrls.signIn(), 'Sign in', { email: EMAIL, password: PASSWORD });
    expect(locked.statusCode).toBe(400);
    expect(errorSummaryLinks(locked.body)).toEqual([{ text: SIGN_IN_REFUSED, href: '#email' }]);
    t.clock.advance(LOCK_OUT_MS + 1000);
    expect((await browser.submit(accountUrls.signIn(), 'Sign in', { email: EMAIL, password: PASSWORD })).statusCode).toBe(303);
  });

  it('starts a new session at sign-in and ends the one the browser held before', async () => {
    const browser = await signInThroughApp(t.app, EMAIL, PASSWORD);
    const before = browser.cookies.get('lv_session')!.value;
    const response = await browser.post(accountUrls.signIn(), { email: EMAIL, password: PASSWORD });
    expect(response.statusCode).toBe(303);
    const after = browser.cookies.get('lv_session')!.value;
    expect(after).not.toBe(before);
    expect((await browser.get(accountUrls.account())).response.statusCode).toBe(200);

    // whoever kept the earlier cookie is signed in no more, and the stale cookie is removed
    const kept = new Browser(t.app);
    kept.cookies.set('lv_session', { value: before, path: '/' });
    const refused = await kept.get(accountUrls.account());
    expect(refused.response.statusCode).toBe(303);
    expect(refused.response.headers.location).toBe('/account/sign-in?returnTo=%2Faccount');
    expect(kept.cookies.has('lv_session')).toBe(false);
  });

  it('ignores a session cookie whose signature is wrong', async () => {
    const browser = await signInThroughApp(t.app, EMAIL, PASSWORD);
    const [id] = browser.cookies.get('lv_session')!.value.split('.');
    const forged = new Browser(t.app);
    forged.cookies.set('lv_session', { value: `${id}.not-the-signature`, path: '/' });
    expect((await forged.get(accountUrls.account())).response.statusCode).toBe(303);
    forged.cookies.set('lv_session', { value: id!, path: '/' });
    expect((await forged.get(accountUrls.account())).response.statusCode).toBe(303);
  });

  it('sends a person already signed in on from the sign-in page', async () => {
    const browser = await signInThroughApp(t.app, EMAIL, PASSWORD);
    const { response } = await browser.get(accountUrls.signIn({ returnTo: '/about' }));
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/about');
  });
});

describe('returning after signing in', () => {
  it('brings a person back to the page that asked them to sign in', async () => {
    const browser = new Browser(t.app);
    const { response } = await browser.get('/account');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/account/sign-in?returnTo=%2Faccount');
    const signedIn = await browser.submit(response.headers.location as string, 'Sign in', { email: EMAIL, password: PASSWORD });
    expect(signedIn.headers.location).toBe('/account');

    const other = new Browser(t.app);
    const deep = await other.submit(accountUrls.signIn({ returnTo: '/indicators/NI192?type=metropolitan_district' }), 'Sign in', {
      email: EMAIL,
      password: PASSWORD,
    });
    expect(deep.headers.location).toBe('/indicators/NI192?type=metropolitan_district');
  });

  it.each([
    '//evil.example/phish',
    'https://evil.example/',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/%0d%0aSet-Cookie:x=1',
    '/\t/evil.example',
  ])('never sends anyone to another site: returnTo=%j', async (returnTo) => {
    const browser = new Browser(t.app);
    const { document } = await browser.get(`/account/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
    const hidden = fieldValue(document, 'returnTo');
    expect(hidden === undefined || hidden.startsWith('/')).toBe(true);
    // the page's own field, and one put in the form by hand, are both checked
    const response = await browser.submit(`/account/sign-in?returnTo=${encodeURIComponent(returnTo)}`, 'Sign in', {
      email: EMAIL,
      password: PASSWORD,
      returnTo,
    });
    expect(response.statusCode).toBe(303);
    const location = String(response.headers.location);
    expect(location.startsWith('/')).toBe(true);
    expect(location.startsWith('//')).toBe(false);
    expect(location).not.toMatch(/evil|javascript|[\r\n\\]/);
  });
});

describe('signing out', () => {
  it('ends the session, removes the cookie, and the old cookie no longer works', async () => {
    const browser = await signInThroughApp(t.app, EMAIL, PASSWORD);
    const cookie = browser.cookies.get('lv_session')!.value;
    const { document } = await browser.get('/about');
    const form = getByRole(document, 'button', { name: 'Sign out' }).closest('form')!;
    const response = await browser.post(form.getAttribute('action')!, { _csrf: fieldValue(form, '_csrf')! });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(accountUrls.signedOut());
    expect(browser.cookies.has('lv_session')).toBe(false);
    const { document: signedOut } = await browser.get(accountUrls.signedOut());
    expect(getByRole(signedOut, 'heading', { level: 1 }).text.trim()).toBe('You have signed out');
    expect(getByRole(getByRole(signedOut, 'navigation', { name: 'Menu' }), 'link', { name: 'Sign in' })).toBeDefined();

    const replay = new Browser(t.app);
    replay.cookies.set('lv_session', { value: cookie, path: '/' });
    expect((await replay.get(accountUrls.account())).response.statusCode).toBe(303);
  });

  it('refuses a sign-out without the session’s CSRF token, and stays signed in', async () => {
    const browser = await signInThroughApp(t.app, EMAIL, PASSWORD);
    const missing = await browser.request('POST', accountUrls.signOut(), {});
    expect(missing.statusCode).toBe(403);
    const wrong = await browser.post(accountUrls.signOut(), { _csrf: 'not-the-token' });
    expect(wrong.statusCode).toBe(403);
    expect(getByRole(parsePage(wrong.body), 'heading', { level: 1 }).text.trim()).toBe('You do not have permission');
    expect((await browser.get(accountUrls.account())).response.statusCode).toBe(200);
  });
});
