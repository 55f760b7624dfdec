/** A body's API tokens: issued and revoked by administrators and the body's performance officers only; shown once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { seedAccountsBodies, TEST_BODIES } from '../../../../../test/support/accounts-factories.ts';
import { type Browser, signInWithRole } from '../../../../../test/support/accounts-web.ts';
import { getAllByRole, getByLabelText, getByRole, parsePage, textOf } from '../../../../../test/support/site-dom.ts';
import { adminUrls } from './urls.ts';

const COUNCIL = TEST_BODIES.council.id;
let t: TestApp;
let officer: Browser;
let admin: Browser;
beforeAll(async () => {
  t = await freshApp();
  await seedAccountsBodies(t.database.db);
  officer = (await signInWithRole(t.app, t.database.db, 'performance_officer', { bodyId: COUNCIL })).browser;
  admin = (await signInWithRole(t.app, t.database.db, 'administrator')).browser;
});
afterAll(async () => t.close());

const tokenRows = async (bodyId = COUNCIL) => {
  const { document } = await officer.get(adminUrls.tokens(bodyId));
  const table = getByRole(document, 'table', { name: 'API tokens, live and revoked' });
  return getAllByRole(table, 'row')
    .slice(1)
    .map((r) => getAllByRole(r, 'cell').map(textOf));
};
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe('a body’s API tokens', () => {
  let plaintext = '';

  it('lets the body’s performance officer issue one: the token is shown once, never cached, and a reload issues nothing', async () => {
    const { document } = await officer.get(adminUrls.tokens(COUNCIL));
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('API tokens of Trafford Council');
    expect(textOf(getByRole(document, 'main'))).toContain('No tokens have been issued for this body.');
    const answer = await officer.submit(adminUrls.tokens(COUNCIL), 'Issue token', { name: 'Nightly upload' });
    expect(answer.statusCode).toBe(303);
    expect(answer.body).not.toMatch(/lv_[0-9a-f]{6}_/);
    const shown = answer.headers.location!;
    const { response } = await officer.get(shown);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('no-store');
    const page = parsePage(response.body);
    expect(textOf(getByRole(page, 'heading', { level: 1 }))).toBe('Copy your new API token');
    expect(textOf(getByRole(page, 'main'))).toContain('It is shown only on this page');
    plaintext = getByLabelText(page, 'Your API token').getAttribute('value')!;
    expect(plaintext).toMatch(/^lv_[0-9a-f]{6}_[A-Za-z0-9_-]{43}$/);
    expect(occurrences(response.body, plaintext)).toBe(1);
    // the page can be seen once: reloading it shows nothing and issues no second token
    const again = await officer.get(shown);
    expect(again.response.statusCode).toBe(404);
    expect(again.response.body).not.toContain(plaintext);
    expect(await t.database.db.selectFrom('api_token').select('id').execute()).toHaveLength(1);
  });

  it('never shows it again: the list gives its first characters only, and the audit log never holds it', async () => {
    const prefix = plaintext.slice(0, 9);
    const { response } = await officer.get(adminUrls.tokens(COUNCIL));
    expect(response.body).not.toContain(plaintext);
    expect(await tokenRows()).toEqual([
      [
        'Nightly upload',
        prefix,
        expect.stringMatching(/^25 November 2026 at 12:00 UTC, by Person \d+$/),
        'Never',
        'Active',
        `Revoke the token ${prefix}, Nightly upload`,
      ],
    ]);
    const audit = await t.database.db.selectFrom('audit_event').select(['before_json', 'after_json', 'summary']).execute();
    expect(JSON.stringify(audit)).not.toContain(plaintext);
  });

  it('the token works with the API until it is revoked, after asking', async () => {
    const api = () => t.app.inject({ url: '/api/v1/audit', headers: { authorization: `Bearer ${plaintext}` } });
    expect((await api()).statusCode).toBe(200);
    expect((await tokenRows())[0]![3]).toBe('25 November 2026 at 12:00 UTC');
    const { document } = await officer.get(adminUrls.tokens(COUNCIL));
    const revoke = getByRole(document, 'link', { name: /^Revoke the token/ }).getAttribute('href')!;
    const confirm = await officer.get(revoke);
    expect(textOf(getByRole(confirm.document, 'main'))).toContain('stops working at once');
    const response = await officer.submit(revoke, 'Revoke token', {});
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(adminUrls.tokens(COUNCIL, 'revoked'));
    const after = await officer.get(response.headers.location!);
    expect(textOf(getByRole(after.document, 'alert'))).toContain('The token has been revoked');
    expect((await tokenRows())[0]![4]).toBe('Revoked on 25 November 2026 at 12:00 UTC');
    expect((await api()).statusCode).toBe(401);
  });

  it('refuses a token without a name (400, error summary) and a form without its CSRF token (403)', async () => {
    const empty = await officer.submit(adminUrls.tokens(COUNCIL), 'Issue token', { name: '  ' });
    expect(empty.statusCode).toBe(400);
    const summary = getAllByRole(getByRole(parsePage(empty.body), 'alert'), 'link').map(textOf);
    expect(summary).toEqual(['Enter a name that says what the token is for']);
    const forged = await officer.request('POST', adminUrls.tokens(COUNCIL), { name: 'No token' });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).not.toMatch(/lv_[0-9a-f]{6}_/);
    expect(await tokenRows()).toHaveLength(1);
  });

  it('refuses the performance officer another body’s tokens (403), and answers 404 for no body', async () => {
    expect((await officer.request('GET', adminUrls.tokens(TEST_BODIES.otherCouncil.id))).statusCode).toBe(403);
    expect((await officer.post(adminUrls.tokens(TEST_BODIES.otherCouncil.id), { name: 'x' })).statusCode).toBe(403);
    expect((await admin.request('GET', adminUrls.tokens('no-such-body'))).statusCode).toBe(404);
  });

  it.each(['partner_data_officer', 'councillor_executive', 'assessor'] as const)('refuses a %s (403)', async (role) => {
    const { browser } = await signInWithRole(t.app, t.database.db, role);
    const home = role === 'partner_data_officer' ? TEST_BODIES.partner.id : COUNCIL;
    expect((await browser.request('GET', adminUrls.tokens(home))).statusCode).toBe(403);
    expect((await browser.post(adminUrls.tokens(home), { name: 'x' })).statusCode).toBe(403);
  });

  it('lets an administrator choose any body, then issue its tokens', async () => {
    const { document } = await admin.get(adminUrls.chooseTokensBody());
    const choose = await admin.request('GET', adminUrls.chooseTokensBody(TEST_BODIES.partner.id));
    expect(getByLabelText(document, 'Whose tokens').querySelectorAll('option')).toHaveLength(5);
    expect(choose.statusCode).toBe(303);
    expect(choose.headers.location).toBe(adminUrls.tokens(TEST_BODIES.partner.id));
    const issued = await admin.submit(choose.headers.location!, 'Issue token', { name: 'Police feed' });
    expect(issued.statusCode).toBe(303);
    // the officer of another body, or another session, cannot see it
    expect((await officer.get(issued.headers.location!)).response.statusCode).toBe(403);
    expect((await admin.get(issued.headers.location!)).response.statusCode).toBe(200);
    expect((await admin.request('GET', adminUrls.chooseTokensBody('nope'))).statusCode).toBe(400);
  });
});
