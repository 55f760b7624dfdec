/** The administrators' list of people and the invitation form, by role and label. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { makePerson, seedAccountsBodies, TEST_BODIES } from '../../../../../test/support/accounts-factories.ts';
import { Browser, signInWithRole } from '../../../../../test/support/accounts-web.ts';
import { getAllByRole, getByLabelText, getByRole, parsePage, textOf } from '../../../../../test/support/site-dom.ts';
import { CSRF_REFUSED } from '../../index.ts';
import { adminUrls } from './urls.ts';

let t: TestApp;
let admin: Browser;
beforeAll(async () => {
  t = await freshApp();
  const db = t.database.db;
  await seedAccountsBodies(db);
  admin = (await signInWithRole(t.app, db, 'administrator')).browser;
  await makePerson(db, {
    email: 'sam.jones@trafford.example',
    displayName: 'Sam Jones',
    roles: [{ role: 'performance_officer', bodyId: TEST_BODIES.council.id }],
  });
  for (let i = 1; i <= 55; i += 1) await makePerson(db, { email: `resident${i}@example.org`, displayName: `Resident ${i}` });
});
afterAll(async () => t.close());

const errorSummary = (html: string) =>
  getAllByRole(getByRole(parsePage(html), 'alert'), 'link').map((a) => ({ text: textOf(a), href: a.getAttribute('href') }));

const peopleCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the list of people', () => {
  it('shows administrators everyone with their status and roles, a page at a time', async () => {
    const { response, document } = await admin.get(adminUrls.people());
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('People');
    expect(textOf(getByRole(document, 'main'))).toContain('Showing 1 to 50 of 57 people');
    const nav = getByRole(document, 'navigation', { name: 'Pages of people' });
    expect(getByRole(nav, 'link', { name: /Next/ }).getAttribute('href')).toBe(adminUrls.people({ page: 2 }));
    const second = await admin.get(adminUrls.people({ page: 2 }));
    expect(getAllByRole(getByRole(second.document, 'table'), 'row')).toHaveLength(1 + 7);
  });

  it('finds people by part of a name or an email address', async () => {
    const { document } = await admin.get(adminUrls.people({ q: 'trafford.EXAMPLE' }));
    const rows = getAllByRole(getByRole(document, 'table'), 'row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows.map((r) => getAllByRole(r, 'cell').map(textOf))).toEqual([
      [
        'Sam Jones',
        'sam.jones@trafford.example',
        'Invited: has not chosen a password yet',
        'Performance officer, Trafford Council',
      ],
    ]);
    expect(getByRole(rows[0]!, 'link', { name: 'Sam Jones' }).getAttribute('href')).toMatch(/^\/admin\/people\/[0-9a-f-]{36}$/);
    expect(textOf(getByRole((await admin.get(adminUrls.people({ q: '%' }))).document, 'main'))).toContain('Nobody matches ‘%’');
  });

  it('refuses a search that is too long with the error summary', async () => {
    const response = await admin.request('GET', adminUrls.people({ q: 'x'.repeat(201) }));
    expect(response.statusCode).toBe(400);
    expect(errorSummary(response.body)).toEqual([{ text: 'Search must be 200 characters or fewer', href: '#q' }]);
  });

  it.each(['performance_officer', 'assessor', 'partner_data_officer'] as const)('is refused to a %s (403)', async (role) => {
    const { browser } = await signInWithRole(t.app, t.database.db, role);
    for (const url of [adminUrls.people(), adminUrls.invite(), adminUrls.chooseTokensBody()]) {
      const response = await browser.request('GET', url);
      expect(response.statusCode, url).toBe(403);
      expect(textOf(getByRole(parsePage(response.body), 'main'))).toContain('You may not manage people and their roles.');
    }
  });

  it('is linked from an administrator’s account page', async () => {
    const { document } = await admin.get('/account');
    expect(getByRole(document, 'link', { name: 'People and their roles' }).getAttribute('href')).toBe(adminUrls.people());
    expect(getByRole(document, 'link', { name: 'Audit log' }).getAttribute('href')).toBe('/audit');
  });

  it('sends someone not signed in to sign in first', async () => {
    const response = await new Browser(t.app).request('GET', adminUrls.people());
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/account/sign-in?returnTo=%2Fadmin%2Fpeople');
  });
});

describe('inviting someone', () => {
  it('asks for an email address, a name and an optional first role with its body or area', async () => {
    const { document } = await admin.get(adminUrls.invite());
    expect(getByLabelText(document, 'Email address').getAttribute('type')).toBe('email');
    getByLabelText(document, 'Name');
    const role = getByLabelText(document, 'Role');
    expect(role.querySelectorAll('option').map((o) => textOf(o))).toContain('Performance officer (of a council)');
    const body = getByLabelText(document, 'Body');
    expect(body.querySelectorAll('option').map((o) => textOf(o))).toEqual([
      'None (for a role held everywhere)',
      'Stockport Council (council)',
      'Trafford Council (council)',
      'Greater Manchester Police (partner)',
      'Trafford Housing Trust (partner)',
    ]);
    getByLabelText(document, 'Area code (optional)');
  });

  it('invites a person with their first role, mails them a link, and shows their page with a confirmation', async () => {
    const response = await admin.submit(adminUrls.invite(), 'Send invitation', {
      email: 'Asha.Patel@GMP.example',
      displayName: 'Asha Patel',
      role: 'partner_data_officer',
      bodyId: TEST_BODIES.partner.id,
      areaCode: '',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toMatch(/^\/admin\/people\/[0-9a-f-]{36}\?done=invited$/);
    const { document } = await admin.get(response.headers.location!);
    expect(textOf(getByRole(document, 'alert'))).toContain('Invitation sent to Asha.Patel@GMP.example');
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Asha Patel');
    const roles = getAllByRole(getByRole(document, 'table', { name: 'Roles they hold now' }), 'row').slice(1);
    expect(roles.map((r) => getAllByRole(r, 'cell').map(textOf).slice(0, 2))).toEqual([
      ['Partner data officer', 'Greater Manchester Police'],
    ]);
    expect(t.mail.lastTo('Asha.Patel@GMP.example')?.subject).toBe('You have been invited to Local Vision');
  });

  it.each<[string, Record<string, string>, { text: string; href: string }[]]>([
    [
      'nothing typed',
      { email: '', displayName: ' ' },
      [
        { text: 'Enter their email address', href: '#email' },
        { text: 'Enter their name', href: '#displayName' },
      ],
    ],
    [
      'a performance officer without a council',
      { email: 'x1@example.org', displayName: 'X', role: 'performance_officer', bodyId: '' },
      [{ text: 'A performance officer is held for a body; choose one', href: '#bodyId' }],
    ],
    [
      'a partner data officer for a council',
      { email: 'x2@example.org', displayName: 'X', role: 'partner_data_officer', bodyId: TEST_BODIES.council.id },
      [
        {
          text: "A partner data officer is held for a partner body; a council's officer is a performance officer",
          href: '#bodyId',
        },
      ],
    ],
    [
      'an assessor for a body',
      { email: 'x3@example.org', displayName: 'X', role: 'assessor', bodyId: TEST_BODIES.council.id },
      [{ text: 'An assessor is not held for a body', href: '#bodyId' }],
    ],
    [
      'a body without a role',
      { email: 'x4@example.org', displayName: 'X', role: '', bodyId: TEST_BODIES.council.id },
      [{ text: 'Choose the role they hold there, or no body and no area', href: '#role' }],
    ],
    [
      'an unknown area',
      { email: 'x5@example.org', displayName: 'X', role: 'resident', areaCode: 'E05999999' },
      [{ text: 'Area code is not a known area', href: '#areaCode' }],
    ],
    [
      'an email address already used',
      { email: 'SAM.JONES@trafford.example', displayName: 'Sam Again' },
      [{ text: 'A person with the email address SAM.JONES@trafford.example is already recorded', href: '#email' }],
    ],
    [
      'not an email address',
      { email: 'sam at trafford', displayName: 'Sam' },
      [{ text: 'Email address must be an email address, like name@example.org', href: '#email' }],
    ],
  ])('shows the form again with the error summary for %s (400), changing nothing', async (_why, fields, summary) => {
    const before = await peopleCount();
    const mailBefore = t.mail.sent.length;
    const response = await admin.submit(adminUrls.invite(), 'Send invitation', fields);
    expect(response.statusCode).toBe(400);
    expect(errorSummary(response.body)).toEqual(summary);
    const document = parsePage(response.body);
    expect(getByLabelText(document, 'Email address').getAttribute('value') ?? '').toBe(fields.email);
    expect(await peopleCount()).toBe(before);
    expect(t.mail.sent.length).toBe(mailBefore);
  });

  it('refuses an invitation without the form’s CSRF token (403), inviting nobody', async () => {
    const before = await peopleCount();
    const response = await admin.request('POST', adminUrls.invite(), { email: 'csrf@example.org', displayName: 'No Token' });
    expect(response.statusCode).toBe(403);
    expect(textOf(getByRole(parsePage(response.body), 'main'))).toContain(CSRF_REFUSED);
    expect(await peopleCount()).toBe(before);
  });

  it('refuses an invitation from a performance officer (403), even with a good token', async () => {
    const { browser } = await signInWithRole(t.app, t.database.db, 'performance_officer');
    const response = await browser.post(adminUrls.invite(), { email: 'po@example.org', displayName: 'By Officer' });
    expect(response.statusCode).toBe(403);
  });
});
