import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { Browser, signInWithRole } from '../../../../../test/support/accounts-web.ts';
import { getByLabelText, getByRole, parsePage as parse, queryAllByRole, textOf } from '../../../../../test/support/site-dom.ts';
import {
  LOCAL_INDICATOR,
  seedSubmissionWorld,
  submissionCsv,
  TRAFFORD,
  TRAFFORD_AREA,
  traffordStreetsFile,
} from '../../../../../test/support/submission-factories.ts';
import { follow, sendUpload } from '../../../../../test/support/submission-web.ts';
import { dataUrls } from '../urls.ts';

let t: TestApp;
const db = () => t.database.db;

beforeEach(async () => {
  // a 1 MB limit, so an oversized file is quick to send
  t = await freshApp('2025-06-01T09:00:00.000Z', { env: { UPLOAD_LIMIT_MB: '1' } });
  await seedSubmissionWorld(db());
});
afterEach(async () => t.close());

const submissions = async () =>
  Number(
    (
      await db()
        .selectFrom('submission')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const trafford = () => signInWithRole(t.app, db(), 'performance_officer', { bodyId: TRAFFORD });

const withOneBadRow = () =>
  submissionCsv('streets-with-a-mistake.csv', [
    [LOCAL_INDICATOR, TRAFFORD_AREA, 'Trafford', '2022/23', '90.1', 'final', ''],
    [LOCAL_INDICATOR, TRAFFORD_AREA, 'Trafford', '2023/24', 'n/a', 'final', 'not counted yet'],
  ]);

describe('the upload page', () => {
  it('sends someone signed out to sign in', async () => {
    const response = await new Browser(t.app).request('GET', dataUrls.upload());
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/account/sign-in?returnTo=%2Fsubmissions%2Fnew');
  });

  it('asks a performance officer for a file for their council', async () => {
    const { browser } = await trafford();
    const { response, document } = await browser.get(dataUrls.upload());
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    getByLabelText(document, 'Upload a file');
    expect(textOf(getByRole(document, 'main'))).toContain('For Trafford Council');
    expect(textOf(getByRole(document, 'main'))).toContain('up to 1 MB');
    getByRole(document, 'button', { name: 'Check the file' });
  });

  it('refuses people who do not submit figures', async () => {
    const { browser } = await signInWithRole(t.app, db(), 'councillor_executive', { bodyId: TRAFFORD });
    const { response, document } = await browser.get(dataUrls.upload());
    expect(response.statusCode).toBe(403);
    getByRole(document, 'heading', { name: 'You do not have permission', level: 1 });
  });
});

describe('checking a file', () => {
  it('shows what a good file holds and writes nothing until the draft is created', async () => {
    const { browser } = await trafford();
    const report = await follow(browser, await sendUpload(browser, { body: TRAFFORD, file: traffordStreetsFile() }));
    expect(report.response.statusCode).toBe(200);
    getByRole(report.document, 'heading', { name: 'Check the figures before you create a draft', level: 1 });
    const summary = textOf(report.document.querySelector('.govuk-summary-list')!);
    for (const said of [
      'Rows read 2',
      `Indicators ${LOCAL_INDICATOR}`,
      'Periods 2023/24, 2024/25',
      'Areas 1',
      'New figures 2',
      'Revised figures 0',
    ]) {
      expect(summary).toContain(said);
    }
    expect(await submissions()).toBe(0);

    const created = await browser.post(report.url);
    expect(created.statusCode).toBe(303);
    const page = await follow(browser, created);
    getByRole(page.document, 'heading', { name: 'trafford-streets-2024.csv', level: 1 });
    expect(textOf(getByRole(page.document, 'alert', { name: 'Success' }))).toContain('Your draft submission has been created');
    expect(await submissions()).toBe(1);

    // the checked file is gone once a draft is made of it
    expect((await browser.get(report.url)).response.statusCode).toBe(404);
  });

  it('lists every bad row with its line and reason, and offers no draft', async () => {
    const { browser } = await trafford();
    const report = await follow(browser, await sendUpload(browser, { body: TRAFFORD, file: withOneBadRow() }));
    getByRole(report.document, 'heading', { name: 'There are problems with your file', level: 1 });
    getByRole(report.document, 'heading', { name: /1 problem found\. Nothing has been written/ });
    const table = getByRole(report.document, 'table', { name: 'Problems in the file' });
    const cells = getByRole(table, 'row', { name: /n\/a/ }).querySelectorAll('td').map(textOf);
    expect(cells).toEqual(['3', 'value', 'n/a', expect.stringMatching(/value must be a number/)]);
    expect(queryAllByRole(report.document, 'button', { name: 'Create draft submission' })).toEqual([]);
    expect((await browser.post(report.url)).statusCode).toBe(400);
    expect(await submissions()).toBe(0);
  });

  it('keeps the checked file for its own person only', async () => {
    const { browser } = await trafford();
    const report = await follow(browser, await sendUpload(browser, { body: TRAFFORD, file: traffordStreetsFile() }));
    const { browser: colleague } = await trafford();
    const seen = await colleague.get(report.url);
    expect(seen.response.statusCode).toBe(404);
    getByRole(seen.document, 'heading', { name: 'This checked file is no longer held', level: 1 });
    expect((await colleague.post(report.url)).statusCode).toBe(404);
    expect(await submissions()).toBe(0);
  });

  it('says so when no file was chosen', async () => {
    const { browser } = await trafford();
    const response = await sendUpload(browser, { body: TRAFFORD, file: null });
    expect(response.statusCode).toBe(400);
    const alert = getByRole(parse(response.body), 'alert');
    expect(textOf(alert)).toContain('Select a file');
    getByRole(alert, 'link', { name: 'Select a file' });
  });

  it('refuses a file over the limit with a clear message, and goes on working', async () => {
    const { browser } = await trafford();
    const big = { name: 'huge.csv', content: Buffer.alloc(1024 * 1024 + 10, 'a') };
    const response = await sendUpload(browser, { body: TRAFFORD, file: big });
    expect(response.statusCode).toBe(413);
    expect(textOf(getByRole(parse(response.body), 'alert'))).toContain('The selected file must be smaller than 1 MB');
    expect((await sendUpload(browser, { body: TRAFFORD, file: traffordStreetsFile() })).statusCode).toBe(303);
  });

  it('refuses a form without its CSRF token, and writes nothing', async () => {
    const { browser } = await trafford();
    const response = await sendUpload(browser, { body: TRAFFORD, file: traffordStreetsFile(), csrf: null });
    expect(response.statusCode).toBe(403);
    getByRole(parse(response.body), 'heading', { name: 'You do not have permission', level: 1 });
    const forged = await sendUpload(browser, { body: TRAFFORD, file: traffordStreetsFile(), csrf: 'made-up' });
    expect(forged.statusCode).toBe(403);
    expect(await submissions()).toBe(0);
  });

  it('refuses a body the person does not submit for', async () => {
    const { browser } = await trafford();
    const response = await sendUpload(browser, { body: 'stockport-council', file: traffordStreetsFile() });
    expect(response.statusCode).toBe(403);
    const main = textOf(getByRole(parse(response.body), 'main'));
    expect(main).toContain('You do not have permission');
    expect(main).toContain('You may not submit figures for stockport-council');
  });
});
