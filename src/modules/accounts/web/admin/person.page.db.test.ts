/** One person's page for administrators: giving and revoking roles, disabling, and the last administrator kept. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { makePerson, type MadePerson, seedAccountsBodies, TEST_BODIES } from '../../../../../test/support/accounts-factories.ts';
import type { Browser } from '../../../../../test/support/accounts-web.ts';
import { signInWithRole } from '../../../../../test/support/accounts-web.ts';
import { getAllByRole, getByRole, parsePage, textOf } from '../../../../../test/support/site-dom.ts';
import { cliActor, listGrants } from '../../index.ts';
import { adminUrls } from './urls.ts';

let t: TestApp;
let admin: Browser;
let adminMade: MadePerson;
let sam: MadePerson;
beforeAll(async () => {
  t = await freshApp();
  const db = t.database.db;
  await seedAccountsBodies(db);
  ({ browser: admin, made: adminMade } = await signInWithRole(t.app, db, 'administrator'));
  sam = await makePerson(db, {
    email: 'sam.jones@trafford.example',
    displayName: 'Sam Jones',
    roles: [{ role: 'performance_officer', bodyId: TEST_BODIES.council.id }],
  });
});
afterAll(async () => t.close());

const errorSummary = (html: string) =>
  getAllByRole(getByRole(parsePage(html), 'alert'), 'link').map((a) => ({ text: textOf(a), href: a.getAttribute('href') }));
const rowsOf = (html: string, table: string) =>
  getAllByRole(getByRole(parsePage(html), 'table', { name: table }), 'row')
    .slice(1)
    .map((r) => getAllByRole(r, 'cell').map(textOf));
const heldBySam = async () => (await listGrants(t.database.db, cliActor(), { personId: sam.person.id })).map((g) => g.role);

describe('a person’s page', () => {
  it('shows their details and roles, with who gave each and when', async () => {
    const { response, document } = await admin.get(adminUrls.person(sam.person.id));
    expect(response.statusCode).toBe(200);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Sam Jones');
    expect(textOf(getByRole(document, 'main'))).toContain('Invited: has not chosen a password yet');
    expect(rowsOf(response.body, 'Roles they hold now')).toEqual([
      [
        'Performance officer',
        'Trafford Council',
        '1 June 2025 at 09:00 UTC, from the command line',
        'Revoke the role of performance officer, Trafford Council',
      ],
    ]);
    expect(getByRole(document, 'link', { name: 'What they have done, in the audit log' }).getAttribute('href')).toBe(
      '/audit?person=sam.jones%40trafford.example',
    );
  });

  it('answers 404 for nobody', async () => {
    expect((await admin.request('GET', adminUrls.person('no-such-person'))).statusCode).toBe(404);
  });

  it('gives a role where it may be held, and says so', async () => {
    const response = await admin.submit(adminUrls.person(sam.person.id), 'Give role', {
      role: 'councillor_ward',
      bodyId: TEST_BODIES.council.id,
      areaCode: 'E05015239',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(adminUrls.person(sam.person.id, 'granted'));
    const { document, response: page } = await admin.get(response.headers.location!);
    expect(textOf(getByRole(document, 'alert'))).toContain('Sam Jones has a new role.');
    expect(rowsOf(page.body, 'Roles they hold now').map((r) => r.slice(0, 2))).toContainEqual([
      'Ward councillor',
      'Trafford Council, for area E05015239',
    ]);
    expect(await heldBySam()).toContain('councillor_ward');
  });

  it.each<[string, Record<string, string>, { text: string; href: string }]>([
    ['no role', { role: '' }, { text: 'Choose a role from the list', href: '#role' }],
    ['a role that is not one', { role: 'mayor' }, { text: 'Role is not a role', href: '#role' }],
    [
      'an executive councillor of a partner',
      { role: 'councillor_executive', bodyId: TEST_BODIES.partner.id },
      { text: 'An executive councillor is held for a council, not a partner', href: '#bodyId' },
    ],
    [
      'a role already held',
      { role: 'performance_officer', bodyId: TEST_BODIES.council.id },
      { text: 'Sam Jones already holds this role', href: '#role' },
    ],
  ])('refuses %s with the error summary (400)', async (_why, fields, error) => {
    const before = await heldBySam();
    const response = await admin.submit(adminUrls.person(sam.person.id), 'Give role', fields);
    expect(response.statusCode).toBe(400);
    expect(errorSummary(response.body)).toEqual([error]);
    expect(await heldBySam()).toEqual(before);
  });

  it('revokes a role after asking, and lists it as revoked', async () => {
    const { document } = await admin.get(adminUrls.person(sam.person.id));
    const revoke = getByRole(document, 'link', {
      name: 'Revoke the role of ward councillor, Trafford Council, for area E05015239',
    });
    const confirm = await admin.get(revoke.getAttribute('href')!);
    expect(textOf(getByRole(confirm.document, 'heading', { level: 1 }))).toBe('Revoke Sam Jones’s role?');
    expect(textOf(getByRole(confirm.document, 'main'))).toContain('Sam Jones will no longer be a ward councillor');
    const response = await admin.submit(revoke.getAttribute('href')!, 'Revoke role', {});
    expect(response.statusCode).toBe(303);
    const page = await admin.get(response.headers.location!);
    expect(textOf(getByRole(page.document, 'alert'))).toContain('The role has been revoked');
    const revoked = rowsOf(page.response.body, 'Roles revoked');
    expect(revoked).toHaveLength(1);
    expect(revoked[0]!.slice(0, 2)).toEqual(['Ward councillor', 'Trafford Council, for area E05015239']);
    expect(revoked[0]![3]).toContain(`by ${adminMade.person.displayName}`);
    expect(await heldBySam()).toEqual(['performance_officer']);
    // the revoked grant has no revoke page any more
    expect((await admin.request('GET', revoke.getAttribute('href')!)).statusCode).toBe(404);
  });

  it('disables a person after asking', async () => {
    const confirm = await admin.get(adminUrls.disable(sam.person.id));
    expect(textOf(getByRole(confirm.document, 'heading', { level: 1 }))).toBe('Disable Sam Jones?');
    const response = await admin.submit(adminUrls.disable(sam.person.id), 'Disable', {});
    expect(response.statusCode).toBe(303);
    const page = await admin.get(response.headers.location!);
    expect(textOf(getByRole(page.document, 'alert'))).toContain('Sam Jones has been disabled');
    expect(textOf(getByRole(page.document, 'main'))).toContain('Disabled on');
    expect(() => getByRole(page.document, 'link', { name: 'Disable this person' })).toThrow();
  });

  it('refuses to disable the last administrator, or revoke their role, and says why (400)', async () => {
    const disable = await admin.submit(adminUrls.disable(adminMade.person.id), 'Disable', {});
    expect(disable.statusCode).toBe(400);
    const message = `${adminMade.person.displayName} is the only administrator; make someone else an administrator first`;
    expect(errorSummary(disable.body)).toEqual([{ text: message, href: '#confirm' }]);
    const grant = adminMade.grants[0]!;
    const revoke = await admin.submit(adminUrls.revokeGrant(adminMade.person.id, grant.id), 'Revoke role', {});
    expect(revoke.statusCode).toBe(400);
    expect(errorSummary(revoke.body)).toEqual([{ text: message, href: '#confirm' }]);
    expect((await admin.get(adminUrls.people())).response.statusCode).toBe(200);
  });

  it('refuses the forms without the CSRF token (403), and to anyone but an administrator (403)', async () => {
    const noToken = await admin.request('POST', adminUrls.grant(sam.person.id), { role: 'assessor' });
    expect(noToken.statusCode).toBe(403);
    const { browser: assessor } = await signInWithRole(t.app, t.database.db, 'assessor');
    expect((await assessor.request('GET', adminUrls.person(sam.person.id))).statusCode).toBe(403);
    expect((await assessor.post(adminUrls.grant(sam.person.id), { role: 'assessor' })).statusCode).toBe(403);
    expect((await assessor.post(adminUrls.disable(adminMade.person.id))).statusCode).toBe(403);
    expect(await heldBySam()).toEqual(['performance_officer']);
  });
});
