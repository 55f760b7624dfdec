import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { giveRole, personWithRole, seedAccountsBodies, TEST_BODIES } from '../../../../../test/support/accounts-factories.ts';
import { signInThroughApp, signInWithRole, TEST_PASSWORD } from '../../../../../test/support/accounts-web.ts';
import { indicatorInput } from '../../../../../test/support/indicator-factories.ts';
import { getAllByRole, getByLabelText, getByRole, textOf } from '../../../../../test/support/site-dom.ts';
import { saveIndicatorDefinitions } from '../../index.ts';
import { definitionUrls } from '../urls.ts';

const TRAFFORD = TEST_BODIES.council.id;
const STOCKPORT = TEST_BODIES.otherCouncil.id;

let t: TestApp;
beforeEach(async () => {
  t = await freshApp();
  await seedAccountsBodies(t.database.db);
  await saveIndicatorDefinitions(
    t.database.db,
    [
      indicatorInput({ code: 'NI192', title: 'Household waste recycled' }),
      indicatorInput({ code: 'NI195', title: 'Streets with litter' }),
      indicatorInput({ code: 'TRF-STREETS', title: 'Streets judged clean', ownerBodyId: TRAFFORD }),
      indicatorInput({ code: 'STK-PARKS', title: 'Parks kept', ownerBodyId: STOCKPORT }),
    ],
    t.clock,
  );
});
afterEach(async () => t.close());

const signedIn = async (role: Parameters<typeof signInWithRole>[2], bodyId: string | null) =>
  (await signInWithRole(t.app, t.database.db, role, { bodyId })).browser;

const rowsOf = (table: ReturnType<typeof getByRole>) =>
  getAllByRole(table, 'row')
    .slice(1)
    .map((r) => getAllByRole(r, 'cell').map(textOf));

describe('a council’s local indicators', () => {
  it('are listed for its performance officer, each with a link to change it, and one to define another', async () => {
    const officer = await signedIn('performance_officer', TRAFFORD);
    const { response, document } = await officer.get(definitionUrls.local(TRAFFORD));
    expect(response.statusCode).toBe(200);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Local indicators of Trafford Council');
    const table = getByRole(document, 'table', { name: 'Local indicators of Trafford Council' });
    expect(rowsOf(table)).toEqual([['TRF-STREETS', 'Streets judged clean', '1', 'Change Streets judged clean']]);
    expect(getByRole(table, 'link', { name: 'Change Streets judged clean' }).getAttribute('href')).toBe(
      definitionUrls.edit('TRF-STREETS'),
    );
    expect(getByRole(table, 'link', { name: 'Streets judged clean' }).getAttribute('href')).toBe('/indicators/TRF-STREETS');
    expect(getByRole(document, 'button', { name: 'Define a new local indicator' }).getAttribute('href')).toBe(
      definitionUrls.newIndicator(TRAFFORD),
    );
  });

  it('of the officer’s own council, when none is named', async () => {
    const officer = await signedIn('performance_officer', TRAFFORD);
    const response = await officer.request('GET', definitionUrls.localOfMine());
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(definitionUrls.local(TRAFFORD));
  });

  it('of several councils: the officer chooses whose', async () => {
    const made = await personWithRole(t.database.db, 'performance_officer', { bodyId: TRAFFORD, password: TEST_PASSWORD });
    await giveRole(t.database.db, made, { role: 'performance_officer', bodyId: STOCKPORT });
    const officer = await signInThroughApp(t.app, made.person.email, TEST_PASSWORD);
    const { document } = await officer.get(definitionUrls.localOfMine());
    expect(getAllByRole(getByRole(document, 'main'), 'link').map(textOf)).toEqual([
      'Local indicators of Stockport Council',
      'Local indicators of Trafford Council',
    ]);
  });

  it('are not listed for another council’s officer, a partner, an administrator or someone not signed in', async () => {
    for (const [role, bodyId] of [
      ['performance_officer', STOCKPORT],
      ['partner_data_officer', TEST_BODIES.partner.id],
      ['administrator', null],
    ] as const) {
      const browser = await signedIn(role, bodyId);
      expect((await browser.get(definitionUrls.local(TRAFFORD))).response.statusCode).toBe(403);
    }
    const partner = await signedIn('partner_data_officer', TEST_BODIES.partner.id);
    expect((await partner.get(definitionUrls.localOfMine())).response.statusCode).toBe(403);
    const anonymous = await t.app.inject(definitionUrls.local(TRAFFORD));
    expect(anonymous.statusCode).toBe(303);
  });
});

describe('the national indicators', () => {
  it('are listed for administrators, searchable, without any council’s own', async () => {
    const administrator = await signedIn('administrator', null);
    const { document } = await administrator.get(definitionUrls.national());
    const table = getByRole(document, 'table', { name: 'National indicators' });
    expect(rowsOf(table).map((r) => r[0])).toEqual(['NI192', 'NI195']);
    expect(getByRole(document, 'button', { name: 'Define a national indicator' }).getAttribute('href')).toBe(
      definitionUrls.newIndicator(null),
    );
    getByLabelText(document, 'Search by code, title or other code');
    const { document: found } = await administrator.get(definitionUrls.national({ q: 'litter' }));
    expect(rowsOf(getByRole(found, 'table', { name: 'National indicators' })).map((r) => r[0])).toEqual(['NI195']);
  });

  it('are not listed for a council’s performance officer', async () => {
    const officer = await signedIn('performance_officer', TRAFFORD);
    expect((await officer.get(definitionUrls.national())).response.statusCode).toBe(403);
  });
});

describe('the account page', () => {
  it('links a performance officer to their local indicators, and an administrator to the national ones', async () => {
    for (const [role, bodyId, text, href] of [
      ['performance_officer', TRAFFORD, 'Local indicators', definitionUrls.localOfMine()],
      ['administrator', null, 'National indicators', definitionUrls.national()],
    ] as const) {
      const { document } = await (await signedIn(role, bodyId)).get('/account');
      expect(getByRole(getByRole(document, 'main'), 'link', { name: text }).getAttribute('href')).toBe(href);
    }
    const { document } = await (await signedIn('partner_data_officer', TEST_BODIES.partner.id)).get('/account');
    expect(textOf(getByRole(document, 'main'))).not.toMatch(/(Local|National) indicators/);
  });
});
