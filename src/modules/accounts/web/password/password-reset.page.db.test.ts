import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { makePerson } from '../../../../../test/support/accounts-factories.ts';
import { Browser, signInThroughApp } from '../../../../../test/support/accounts-web.ts';
import { getAllByRole, getByLabelText, getByRole, parsePage, textOf } from '../../../../../test/support/site-dom.ts';
import { PASSWORD_RESET_REQUESTED, PASSWORD_RESET_TTL_MS } from '../../index.ts';
import { accountUrls } from '../urls.ts';

const EMAIL = 'jane.smith@trafford.example';
const OLD_PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a wholly different long phrase';

let t: TestApp;
beforeEach(async () => {
  t = await freshApp(undefined, { publicUrl: 'https://localvision.example.org/' });
  await makePerson(t.database.db, { email: EMAIL, displayName: 'Jane Smith', password: OLD_PASSWORD });
});
afterEach(async () => t.close());

/** The link in the last message to an address, as the person would open it (its path and query). */
function linkMailedTo(email: string): string {
  const text = t.mail.lastTo(email)?.text ?? '';
  const link = /https:\/\/localvision\.example\.org(\/account\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!link) throw new Error(`no reset link in ${JSON.stringify(text)}`);
  return link;
}

const errorSummaryLinks = (html: string) =>
  getAllByRole(getByRole(parsePage(html), 'alert'), 'link').map((a) => ({ text: textOf(a), href: a.getAttribute('href') }));

describe('resetting a forgotten password', () => {
  it('mails a link, lets the person choose a new password with it once, and signs them out everywhere', async () => {
    const elsewhere = await signInThroughApp(t.app, EMAIL, OLD_PASSWORD);
    const browser = new Browser(t.app);

    const { document: signIn } = await browser.get(accountUrls.signIn());
    const forgot = getByRole(signIn, 'link', { name: 'I have forgotten my password' }).getAttribute('href')!;
    const { document: form } = await browser.get(forgot);
    expect(getByRole(form, 'heading', { level: 1 }).text.trim()).toBe('Reset your password');
    expect(getByLabelText(form, 'Email address')).toBeDefined();
    const asked = await browser.submit(forgot, 'Send the link', { email: 'JANE.SMITH@trafford.example' });
    expect(asked.statusCode).toBe(303);
    const { document: sent } = await browser.get(String(asked.headers.location));
    expect(getByRole(sent, 'heading', { level: 1 }).text.trim()).toBe('Check your email');
    expect(textOf(getByRole(sent, 'main'))).toContain(PASSWORD_RESET_REQUESTED);

    const link = linkMailedTo(EMAIL);
    const { response, document: choose } = await browser.get(link);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(getByRole(choose, 'heading', { level: 1 }).text.trim()).toBe('Choose a new password');
    expect(textOf(getByRole(choose, 'main'))).toContain(EMAIL);
    expect(getByLabelText(choose, 'Password').getAttribute('autocomplete')).toBe('new-password');

    const chosen = await browser.submit(link, 'Save new password', { password: NEW_PASSWORD });
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers.location).toBe(accountUrls.signIn({ from: 'password-reset' }));
    const { document: banner } = await browser.get(String(chosen.headers.location));
    expect(textOf(getByRole(banner, 'alert'))).toMatch(/^Success Your password has been changed/);

    // the session opened with the old password has ended; the new password works, the old one does not
    expect((await elsewhere.get(accountUrls.account())).response.statusCode).toBe(303);
    await expect(signInThroughApp(t.app, EMAIL, OLD_PASSWORD)).rejects.toThrow(/refused/);
    await signInThroughApp(t.app, EMAIL, NEW_PASSWORD);

    // the link works once
    const again = await browser.get(link);
    expect(again.response.statusCode).toBe(400);
    expect(getByRole(again.document, 'heading', { level: 1 }).text.trim()).toBe('This link cannot be used');
    expect(getByRole(again.document, 'link', { name: 'Ask for a new password reset link' }).getAttribute('href')).toBe(
      accountUrls.forgotPassword(),
    );
  });

  it('answers an address without an account exactly as one with, and sends nothing', async () => {
    const browser = new Browser(t.app);
    const known = await browser.submit(accountUrls.forgotPassword(), 'Send the link', { email: EMAIL });
    const unknown = await browser.submit(accountUrls.forgotPassword(), 'Send the link', { email: 'nobody@example.org' });
    expect([unknown.statusCode, unknown.headers.location]).toEqual([known.statusCode, known.headers.location]);
    expect(t.mail.sent.map((m) => m.to)).toEqual([EMAIL]);
  });

  it('asks for an email address in the right form', async () => {
    const browser = new Browser(t.app);
    const empty = await browser.submit(accountUrls.forgotPassword(), 'Send the link', { email: '' });
    expect(empty.statusCode).toBe(400);
    expect(errorSummaryLinks(empty.body)).toEqual([{ text: 'Enter your email address', href: '#email' }]);
    const wrong = await browser.submit(accountUrls.forgotPassword(), 'Send the link', { email: 'jane at trafford' });
    expect(errorSummaryLinks(wrong.body)).toEqual([
      { text: 'Enter an email address in the correct format, like name@example.com', href: '#email' },
    ]);
    expect(getByLabelText(parsePage(wrong.body), 'Email address').getAttribute('value')).toBe('jane at trafford');
    expect(t.mail.sent).toEqual([]);
  });

  it('refuses a password that breaks the rules, keeping the link usable', async () => {
    const browser = new Browser(t.app);
    await browser.submit(accountUrls.forgotPassword(), 'Send the link', { email: EMAIL });
    const link = linkMailedTo(EMAIL);
    const short = await browser.submit(link, 'Save new password', { password: 'too short' });
    expect(short.statusCode).toBe(400);
    expect(errorSummaryLinks(short.body)).toEqual([{ text: 'Password must be at least 12 characters', href: '#password' }]);
    const empty = await browser.submit(link, 'Save new password', { password: '' });
    expect(errorSummaryLinks(empty.body)).toEqual([{ text: 'Enter a password', href: '#password' }]);
    expect((await browser.submit(link, 'Save new password', { password: NEW_PASSWORD })).statusCode).toBe(303);
  });

  it('refuses an expired, made-up or missing link', async () => {
    const browser = new Browser(t.app);
    await browser.submit(accountUrls.forgotPassword(), 'Send the link', { email: EMAIL });
    const link = linkMailedTo(EMAIL);
    for (const url of [
      accountUrls.resetPassword('made-up'),
      accountUrls.resetPassword(),
      `${accountUrls.resetPassword()}?token=`,
    ])
      expect((await browser.get(url)).response.statusCode).toBe(400);
    const { document } = await browser.get(link);
    const token = document.querySelector('input[name=token]')!.getAttribute('value')!;
    const csrf = document.querySelector('input[name=_csrf]')!.getAttribute('value')!;
    t.clock.advance(PASSWORD_RESET_TTL_MS + 1000);
    const late = await browser.request('POST', accountUrls.resetPassword(), { _csrf: csrf, token, password: NEW_PASSWORD });
    expect(late.statusCode).toBe(400);
    expect(getByRole(parsePage(late.body), 'heading', { level: 1 }).text.trim()).toBe('This link cannot be used');
    await signInThroughApp(t.app, EMAIL, OLD_PASSWORD);
  });
});
