import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { seedAccountsBodies, TEST_BODIES } from '../../../../../test/support/accounts-factories.ts';
import { type Browser, signInWithRole } from '../../../../../test/support/accounts-web.ts';
import { type FormChanges, sendForm } from '../../../../../test/support/form-web.ts';
import { indicatorInput } from '../../../../../test/support/indicator-factories.ts';
import {
  getAllByRole,
  getByLabelText,
  getByRole,
  parsePage,
  queryAllByRole,
  textOf,
} from '../../../../../test/support/site-dom.ts';
import { auditForIndicator } from '../../../audit/index.ts';
import { getIndicator, listIndicatorVersions, saveIndicatorDefinitions } from '../../index.ts';
import { definitionUrls } from '../urls.ts';

const TRAFFORD = TEST_BODIES.council.id;
const STOCKPORT = TEST_BODIES.otherCouncil.id;
const POLICE = TEST_BODIES.partner.id;
const SAVE = 'Save definition';

/** A new local indicator as a performance officer fills in the form. */
const STREETS: FormChanges = {
  code: 'TRF-STREETS',
  title: 'Streets judged clean',
  description: 'The share of streets inspected that were found clean.',
  numeratorDefinition: 'Streets found clean',
  denominatorDefinition: 'Streets inspected',
  unit: 'percentage',
  decimalPlaces: '1',
  polarity: 'higher_is_better',
  areaAggregation: 'ratio',
  timeAggregation: 'ratio',
  frequency: 'annual',
  periodType: 'financial_year',
  areaTypes: ['metropolitan_district', 'ward'],
  aliases: 'trafford-council:CP01',
};

let t: TestApp;
beforeEach(async () => {
  t = await freshApp();
  await seedAccountsBodies(t.database.db);
  await saveIndicatorDefinitions(
    t.database.db,
    [
      indicatorInput({ code: 'NI192', title: 'Household waste recycled' }),
      indicatorInput({ code: 'STK-PARKS', title: 'Parks kept', ownerBodyId: STOCKPORT }),
    ],
    t.clock,
  );
});
afterEach(async () => t.close());

const signedIn = async (role: Parameters<typeof signInWithRole>[2], bodyId: string | null) =>
  (await signInWithRole(t.app, t.database.db, role, { bodyId })).browser;

async function followTo(browser: Browser, response: { statusCode: number; headers: Record<string, unknown> }) {
  expect(response.statusCode).toBe(303);
  return browser.get(String(response.headers.location));
}

/** The success banner (an alert, so a screen reader says it at once). */
const bannerOf = (document: ReturnType<typeof parsePage>) => textOf(getByRole(document, 'alert'));

const versionsOnPublicPage = async (code: string) => {
  const response = await t.app.inject(definitionUrls.indicator(code));
  const table = getAllByRole(parsePage(response.body), 'table').find((el) => /^Versions of the definition/.test(textOf(el)))!;
  return getAllByRole(table, 'row')
    .slice(1)
    .map((r) => textOf(r));
};

describe('a council’s performance officer', () => {
  it('defines a local indicator, changes it into a new version, and saves it unchanged', async () => {
    const officer = await signedIn('performance_officer', TRAFFORD);
    const { document } = await officer.get(definitionUrls.newIndicator(TRAFFORD));
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Define a local indicator');
    getByLabelText(document, 'Code');
    getByLabelText(document, 'What it measures');
    getByLabelText(document, 'Decimal places');
    expect(getByLabelText(document, 'Wards').getAttribute('name')).toBe('areaTypes');

    const created = await followTo(officer, await sendForm(officer, definitionUrls.newIndicator(TRAFFORD), SAVE, STREETS));
    expect(created.response.headers['cache-control']).toBe('private, no-store');
    expect(bannerOf(created.document)).toContain('Version 1 saved');
    const v1 = await getIndicator(t.database.db, 'TRF-STREETS');
    expect(v1).toMatchObject({ version: 1, ownerBodyId: TRAFFORD, aliases: [{ scheme: TRAFFORD, alias: 'CP01' }] });
    expect(v1?.areaTypes).toEqual(['metropolitan_district', 'ward']);

    const edit = definitionUrls.edit('TRF-STREETS');
    const changed = await followTo(officer, await sendForm(officer, edit, SAVE, { title: 'Streets and parks judged clean' }));
    expect(bannerOf(changed.document)).toContain('Version 2 saved');
    expect(textOf(getByRole(changed.document, 'main'))).toContain('This is version 2 of the definition.');
    expect(await versionsOnPublicPage('TRF-STREETS')).toEqual([expect.stringMatching(/^1 /), expect.stringMatching(/^2 /)]);
    const publicPage = parsePage((await t.app.inject(definitionUrls.indicator('TRF-STREETS'))).body);
    expect(textOf(getByRole(publicPage, 'main'))).toContain('A local indicator of Trafford Council');

    const again = await followTo(officer, await sendForm(officer, edit, SAVE));
    expect(bannerOf(again.document)).toContain('No change: the definition is as it was');
    expect((await listIndicatorVersions(t.database.db, 'TRF-STREETS')).length).toBe(2);
  });

  it('is asked for a comparability note when changing what the figures mean, and nothing is saved without one', async () => {
    const officer = await signedIn('performance_officer', TRAFFORD);
    await sendForm(officer, definitionUrls.newIndicator(TRAFFORD), SAVE, STREETS);
    const response = await sendForm(officer, definitionUrls.edit('TRF-STREETS'), SAVE, { polarity: 'lower_is_better' });
    expect(response.statusCode).toBe(400);
    const link = getByRole(getByRole(parsePage(response.body), 'alert'), 'link');
    expect(link.getAttribute('href')).toBe('#comparabilityNote');
    expect(textOf(link)).toMatch(/^You changed which way is better: say in a new comparability note/);
    const noted = await sendForm(officer, definitionUrls.edit('TRF-STREETS'), SAVE, {
      polarity: 'lower_is_better',
      comparabilityNote: 'From 2025 the share of streets found dirty is counted.',
    });
    expect((await followTo(officer, noted)).response.statusCode).toBe(200);
    expect((await getIndicator(t.database.db, 'TRF-STREETS'))?.version).toBe(2);
  });

  it('is refused a national indicator and another council’s, and nothing changes', async () => {
    const officer = await signedIn('performance_officer', TRAFFORD);
    for (const url of [definitionUrls.edit('NI192'), definitionUrls.edit('STK-PARKS'), definitionUrls.newIndicator(null)]) {
      const { response, document } = await officer.get(url);
      expect(response.statusCode).toBe(403);
      expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('You do not have permission');
    }
    expect((await officer.get(definitionUrls.newIndicator(STOCKPORT))).response.statusCode).toBe(403);
    for (const url of [definitionUrls.edit('NI192'), definitionUrls.edit('STK-PARKS')]) {
      const response = await officer.post(url, { title: 'Mine now' });
      expect(response.statusCode).toBe(403);
    }
    const response = await officer.post(definitionUrls.newIndicator(STOCKPORT), { code: 'STK-NEW', title: 'Mine' });
    expect(response.statusCode).toBe(403);
    expect((await getIndicator(t.database.db, 'NI192'))?.title).toBe('Household waste recycled');
    expect((await getIndicator(t.database.db, 'STK-PARKS'))?.version).toBe(1);
    expect(await getIndicator(t.database.db, 'STK-NEW')).toBeUndefined();
  });

  it('sees a bad form again with every problem linked to its field, and nothing is saved', async () => {
    const officer = await signedIn('performance_officer', TRAFFORD);
    const response = await sendForm(officer, definitionUrls.newIndicator(TRAFFORD), SAVE, {
      ...STREETS,
      title: '',
      decimalPlaces: '12',
      areaTypes: ['ward', 'galaxy'],
      aliases: 'oflog:ASC1',
    });
    expect(response.statusCode).toBe(400);
    const document = parsePage(response.body);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Define a local indicator');
    const links = getAllByRole(getByRole(document, 'alert'), 'link').map((a) => [a.getAttribute('href'), textOf(a)]);
    expect(links).toEqual([
      ['#title', 'Enter a title'],
      ['#decimalPlaces', 'Decimal places must be a whole number from 0 to 6'],
      ['#areaTypes', 'Choose the types of area from the list'],
      [
        '#aliases',
        'Other codes of Trafford Council’s indicators begin “trafford-council:”: write oflog:ASC1 as trafford-council:ASC1',
      ],
    ]);
    // each link leads to its field, which carries the message and keeps what was typed
    for (const [href] of links) expect(document.querySelector(href!)).not.toBeNull();
    expect(textOf(document.querySelector('#decimalPlaces-error')!)).toBe(
      'Error: Decimal places must be a whole number from 0 to 6',
    );
    expect(getByLabelText(document, 'Decimal places').getAttribute('value')).toBe('12');
    expect(getByLabelText(document, 'Code').getAttribute('value')).toBe('TRF-STREETS');
    expect(await getIndicator(t.database.db, 'TRF-STREETS')).toBeUndefined();
  });

  it('is told when the services refuse what the form allowed: a code in use, an alias another indicator has', async () => {
    const officer = await signedIn('performance_officer', TRAFFORD);
    await sendForm(officer, definitionUrls.newIndicator(TRAFFORD), SAVE, STREETS);
    const taken = await sendForm(officer, definitionUrls.newIndicator(TRAFFORD), SAVE, { ...STREETS, aliases: '' });
    expect(taken.statusCode).toBe(400);
    expect(textOf(getByRole(parsePage(taken.body), 'alert'))).toContain(
      'An indicator with the code TRF-STREETS already exists: choose another code',
    );
    const clash = await sendForm(officer, definitionUrls.newIndicator(TRAFFORD), SAVE, { ...STREETS, code: 'TRF-PARKS' });
    expect(clash.statusCode).toBe(400);
    const link = getByRole(getByRole(parsePage(clash.body), 'alert'), 'link');
    expect([link.getAttribute('href'), textOf(link)]).toEqual([
      '#aliases',
      'Other code “trafford-council:CP01”: alias trafford-council:CP01 of TRF-PARKS is already used by indicator TRF-STREETS',
    ]);
    expect(await getIndicator(t.database.db, 'TRF-PARKS')).toBeUndefined();
  });

  it('cannot send the form without its CSRF token', async () => {
    const officer = await signedIn('performance_officer', TRAFFORD);
    const response = await sendForm(officer, definitionUrls.newIndicator(TRAFFORD), SAVE, STREETS, { withoutCsrf: true });
    expect(response.statusCode).toBe(403);
    expect(await getIndicator(t.database.db, 'TRF-STREETS')).toBeUndefined();
  });

  it('records each save in the audit log, as themselves', async () => {
    const { browser: officer, made } = await signInWithRole(t.app, t.database.db, 'performance_officer', { bodyId: TRAFFORD });
    await sendForm(officer, definitionUrls.newIndicator(TRAFFORD), SAVE, STREETS);
    await sendForm(officer, definitionUrls.edit('TRF-STREETS'), SAVE, { rationale: 'Clean streets are safer.' });
    await sendForm(officer, definitionUrls.edit('TRF-STREETS'), SAVE);
    const events = (await auditForIndicator(t.database.db, 'TRF-STREETS')).items.reverse();
    expect(events.map((e) => [e.action, e.actorPersonId, e.viaKind, e.bodyId])).toEqual([
      ['indicator.create', made.person.id, 'session', TRAFFORD],
      ['indicator.version', made.person.id, 'session', TRAFFORD],
    ]);
    expect(events[1]?.after).toMatchObject({ version: 2, changed: ['rationale'] });
  });

  it('writes text that the public page shows as text, never as markup', async () => {
    const officer = await signedIn('performance_officer', TRAFFORD);
    const script = '<script>alert("title")</script>';
    const image = '<img src=x onerror="alert(1)">';
    await sendForm(officer, definitionUrls.newIndicator(TRAFFORD), SAVE, { ...STREETS, title: script, description: image });
    const response = await t.app.inject(definitionUrls.indicator('TRF-STREETS'));
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(script);
    expect(response.body).not.toContain('<img src=x');
    expect(response.body).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    const document = parsePage(response.body);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe(script);
    expect(queryAllByRole(document, 'img', { name: 'x' })).toEqual([]);
  });
});

describe('other people', () => {
  it('a partner’s data officer may define no indicator, for a council or for their own body', async () => {
    const partner = await signedIn('partner_data_officer', POLICE);
    for (const url of [definitionUrls.newIndicator(TRAFFORD), definitionUrls.newIndicator(POLICE), definitionUrls.edit('NI192')])
      expect((await partner.get(url)).response.statusCode).toBe(403);
    const response = await partner.post(definitionUrls.newIndicator(POLICE), {
      ...(STREETS as Record<string, string>),
      code: 'GMP-1',
    });
    expect(response.statusCode).toBe(403);
    expect(await getIndicator(t.database.db, 'GMP-1')).toBeUndefined();
  });

  it('an administrator changes a national indicator, but not a council’s own', async () => {
    const administrator = await signedIn('administrator', null);
    const { document } = await administrator.get(definitionUrls.edit('NI192'));
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Change the definition of Household waste recycled');
    expect(getByLabelText(document, 'Title').getAttribute('value')).toBe('Household waste recycled');
    const saved = await sendForm(administrator, definitionUrls.edit('NI192'), SAVE, {
      title: 'Household waste reused or recycled',
    });
    expect(bannerOf((await followTo(administrator, saved)).document)).toContain('Version 2 saved');
    expect(await getIndicator(t.database.db, 'NI192')).toMatchObject({ version: 2, ownerBodyId: null });
    expect((await administrator.get(definitionUrls.edit('STK-PARKS'))).response.statusCode).toBe(403);
    expect((await administrator.get(definitionUrls.newIndicator(TRAFFORD))).response.statusCode).toBe(403);
  });

  it('someone not signed in is sent to sign in; an unknown indicator or body is not found', async () => {
    const response = await t.app.inject(definitionUrls.edit('NI192'));
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/account/sign-in?returnTo=${encodeURIComponent('/indicators/NI192/edit')}`);
    const administrator = await signedIn('administrator', null);
    expect((await administrator.get(definitionUrls.edit('NOPE'))).response.statusCode).toBe(404);
    expect((await administrator.get(definitionUrls.newIndicator('nobody'))).response.statusCode).toBe(404);
  });
});
