import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { seedAccountsBodies, TEST_BODIES } from '../../../../../test/support/accounts-factories.ts';
import { Browser, signInThroughApp } from '../../../../../test/support/accounts-web.ts';
import { getByRole, parsePage, textOf } from '../../../../../test/support/site-dom.ts';
import { cliActor, INVITATION_TTL_MS, invitePerson, tokenLinks } from '../../index.ts';
import { accountUrls } from '../urls.ts';

const EMAIL = 'sam.jones@gmp.example';
const PASSWORD = 'a long enough phrase to remember';

let t: TestApp;
beforeEach(async () => {
  t = await freshApp(undefined, { publicUrl: 'https://localvision.example.org' });
  await seedAccountsBodies(t.database.db);
  await invitePerson(
    t.database.db,
    cliActor(),
    { email: EMAIL, displayName: 'Sam Jones', grants: [{ role: 'partner_data_officer', bodyId: TEST_BODIES.partner.id }] },
    { clock: t.clock, mail: t.mail, links: tokenLinks('https://localvision.example.org') },
  );
});
afterEach(async () => t.close());

function invitationLink(): string {
  const text = t.mail.lastTo(EMAIL)?.text ?? '';
  const link = /https:\/\/localvision\.example\.org(\/account\/accept-invitation\?token=[A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!link) throw new Error(`no invitation link in ${JSON.stringify(text)}`);
  return link;
}

describe('accepting an invitation', () => {
  it('greets the invited person, lets them choose a password, and then sign in to see their role', async () => {
    const browser = new Browser(t.app);
    const link = invitationLink();
    const { document } = await browser.get(link);
    expect(getByRole(document, 'heading', { level: 1 }).text.trim()).toBe('Choose your password');
    expect(textOf(getByRole(document, 'main'))).toContain(`Welcome to Local Vision, Sam Jones`);
    const chosen = await browser.submit(link, 'Save password', { password: PASSWORD });
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers.location).toBe(accountUrls.signIn({ from: 'invitation-accepted' }));

    const signedIn = await browser.submit(String(chosen.headers.location), 'Sign in', { email: EMAIL, password: PASSWORD });
    expect(signedIn.statusCode).toBe(303);
    // PUBLIC_URL is https: the session cookie is sent over HTTPS only
    expect(signedIn.headers['set-cookie']).toMatch(/^lv_session=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const { document: account } = await browser.get(accountUrls.account());
    const roles = getByRole(account, 'table', { name: 'Your roles and where you hold them' });
    expect(textOf(roles)).toContain('Partner data officer Greater Manchester Police');
    expect(textOf(getByRole(account, 'main'))).toContain(EMAIL);
  });

  it('works once, and not after it expires', async () => {
    const browser = new Browser(t.app);
    const link = invitationLink();
    expect((await browser.submit(link, 'Save password', { password: PASSWORD })).statusCode).toBe(303);
    const used = await browser.get(link);
    expect(used.response.statusCode).toBe(400);
    expect(textOf(getByRole(used.document, 'main'))).toContain(
      'Ask your organisation’s Local Vision administrator to invite you again.',
    );

    await invitePerson(
      t.database.db,
      cliActor(),
      { email: 'late@example.org', displayName: 'Late' },
      {
        clock: t.clock,
        mail: t.mail,
        links: tokenLinks('https://localvision.example.org'),
      },
    );
    const late = /(\/account\/accept-invitation\?token=[A-Za-z0-9_-]+)/.exec(t.mail.lastTo('late@example.org')!.text)![1]!;
    t.clock.advance(INVITATION_TTL_MS + 1000);
    expect((await browser.get(late)).response.statusCode).toBe(400);
  });

  it('refuses the form without its CSRF token, and the link stays unused', async () => {
    const browser = new Browser(t.app);
    const link = invitationLink();
    const { document } = await browser.get(link);
    const token = document.querySelector('input[name=token]')!.getAttribute('value')!;
    const refused = await browser.request('POST', accountUrls.acceptInvitation(), { token, password: PASSWORD });
    expect(refused.statusCode).toBe(403);
    expect(getByRole(parsePage(refused.body), 'heading', { level: 1 }).text.trim()).toBe('You do not have permission');
    expect((await browser.get(link)).response.statusCode).toBe(200);
    await expect(signInThroughApp(t.app, EMAIL, PASSWORD)).rejects.toThrow(/refused/);
  });
});
