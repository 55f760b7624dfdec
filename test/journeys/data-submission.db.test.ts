/**
 * Issue 4's "What must be shown", through the HTTP app as people use it: an administrator asks a
 * partner of the Trafford Partnership for a national indicator's figures; a Trafford performance
 * officer and the partner's data officer each upload a file, see the report, create a draft and submit
 * it; another officer of the same body approves and publishes it. The figures are on the public area
 * page and the public API only after publication (the page cache does not hide them), and every step
 * is in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBodyFile } from '../../src/modules/bodies/index.ts';
import { defineLocalIndicator } from '../../src/modules/indicators/index.ts';
import { auditForBody } from '../../src/modules/audit/index.ts';
import { dataUrls } from '../../src/modules/data/index.ts';
import { freshApp, type TestApp } from '../support/app.ts';
import { Browser, signInWithRole } from '../support/accounts-web.ts';
import { saveTestIndicators } from '../support/data-factories.ts';
import { indicatorInput } from '../support/indicator-factories.ts';
import { demoPartnershipFile, seedCouncils, testClock } from '../support/places-factories.ts';
import { getByRole, parsePage, queryAllByRole, textOf } from '../support/site-dom.ts';
import { submissionCsv } from '../support/submission-factories.ts';
import { follow, sendUpload } from '../support/submission-web.ts';

const TRAFFORD = 'trafford-council';
const FIRE = 'greater-manchester-fire-and-rescue-service';
const TRAFFORD_AREA = 'E08000009';
const LOCAL = 'TRF-PARKS';
const NATIONAL = 'FIRES';

let t: TestApp;
const db = () => t.database.db;

beforeAll(async () => {
  t = await freshApp('2025-06-02T09:00:00.000Z');
  await seedCouncils(db());
  await importBodyFile(db(), demoPartnershipFile(), { clock: testClock() });
  await saveTestIndicators(db(), {
    code: NATIONAL,
    title: 'Primary fires per 10,000 people',
    unit: 'rate',
    unitMultiplier: 10_000,
    areaAggregation: 'none',
    timeAggregation: 'none',
    numeratorDefinition: null,
    denominatorDefinition: null,
    areaTypes: ['metropolitan_district'],
    theme: 'community_safety',
  });
});
afterAll(async () => t.close());

/** What an anonymous visitor sees of Trafford: the area page (as cached) and the public API. */
async function publicView(indicator: string) {
  const page = await t.app.inject({ method: 'GET', url: `/areas/${TRAFFORD_AREA}` });
  const api = await t.app.inject({ method: 'GET', url: `/api/v1/observations?indicator=${indicator}&area=${TRAFFORD_AREA}` });
  return {
    page: textOf(getByRole(parsePage(page.body), 'main')),
    cache: page.headers['x-page-cache'],
    api: api.json<{ total: number }>().total,
  };
}

/** Upload as a person: the report, then "Create draft submission", then "Submit for approval". */
async function uploadAndSubmit(browser: Browser, bodyId: string, file: ReturnType<typeof submissionCsv>): Promise<string> {
  const report = await follow(browser, await sendUpload(browser, { body: bodyId, file }));
  getByRole(report.document, 'heading', { name: 'Check the figures before you create a draft', level: 1 });
  expect(textOf(report.document.querySelector('.govuk-summary-list')!)).toContain('New figures 1');
  const draft = await follow(browser, await browser.post(report.url));
  getByRole(draft.document, 'button', { name: 'Submit for approval' });
  const id = /\/submissions\/([^/?]+)/.exec(draft.url)![1]!;
  const submitted = await follow(browser, await browser.post(dataUrls.submissionStep(id, 'submit')));
  expect(textOf(submitted.document.querySelector('.govuk-summary-list')!)).toContain('State Submitted');
  return id;
}

/** Another officer of the body approves and publishes. */
async function approveAndPublish(browser: Browser, id: string): Promise<void> {
  expect((await browser.post(dataUrls.submissionStep(id, 'approve'))).statusCode).toBe(303);
  const published = await follow(browser, await browser.post(dataUrls.submissionStep(id, 'publish')));
  expect(textOf(published.document.querySelector('.govuk-summary-list')!)).toContain('State Published');
}

describe('councils and partners put in their own figures', () => {
  it('a Trafford performance officer’s local indicator, approved and published by a colleague', async () => {
    const { browser: officer, made } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: TRAFFORD });
    const { browser: colleague } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: TRAFFORD });
    await defineLocalIndicator(
      db(),
      made.actor,
      indicatorInput({
        code: LOCAL,
        title: 'Parks judged good',
        ownerBodyId: TRAFFORD,
        areaTypes: ['metropolitan_district'],
        theme: 'environment',
      }),
      { clock: t.clock },
    );
    expect((await publicView(LOCAL)).cache).toBe('miss');
    expect(await publicView(LOCAL)).toMatchObject({ cache: 'hit', api: 0 });

    const file = submissionCsv('trafford-parks.csv', [[LOCAL, TRAFFORD_AREA, 'Trafford', '2024/25', '87.4', 'final', '']]);
    const id = await uploadAndSubmit(officer, TRAFFORD, file);
    // the uploader cannot approve their own submission
    expect((await officer.post(dataUrls.submissionStep(id, 'approve'))).statusCode).toBe(403);
    expect((await colleague.post(dataUrls.submissionStep(id, 'approve'))).statusCode).toBe(303);

    const before = await publicView(LOCAL);
    expect(before.page).not.toContain('Parks judged good');
    expect(before.api).toBe(0);

    const published = await follow(colleague, await colleague.post(dataUrls.submissionStep(id, 'publish')));
    expect(textOf(published.document.querySelector('.govuk-summary-list')!)).toContain('State Published');
    const after = await publicView(LOCAL);
    expect(after.cache).toBe('miss');
    expect(after.page).toContain('Parks judged good');
    expect(after.page).toContain('87.4');
    expect(after.api).toBe(1);

    const actions = (await auditForBody(db(), TRAFFORD, {}, { limit: 100, offset: 0 })).items.map((e) => e.action);
    for (const action of [
      'indicator.create',
      'submission.create',
      'submission.submit',
      'submission.approve',
      'submission.publish',
    ]) {
      expect(actions, action).toContain(action);
    }
  });

  it('a partner’s data officer supplies a national indicator the administrator asked it for', async () => {
    const { browser: admin } = await signInWithRole(t.app, db(), 'administrator', { bodyId: null });
    const { browser: fireOfficer } = await signInWithRole(t.app, db(), 'partner_data_officer', { bodyId: FIRE });
    const { browser: fireColleague } = await signInWithRole(t.app, db(), 'partner_data_officer', { bodyId: FIRE });
    const file = submissionCsv('gmfrs-fires.csv', [[NATIONAL, TRAFFORD_AREA, 'Trafford', '2024/25', '12.3', 'final', '']]);

    // not asked yet: the file is refused, row by row
    const refused = await follow(fireOfficer, await sendUpload(fireOfficer, { body: FIRE, file }));
    expect(textOf(getByRole(refused.document, 'table', { name: 'Problems in the file' }))).toContain(
      `may not submit figures for ${NATIONAL}: it is a national indicator`,
    );

    const asked = await admin.post(dataUrls.collection(FIRE), {
      indicator: NATIONAL,
      period: '2024/25',
      'dueDate-day': '30',
      'dueDate-month': '6',
      'dueDate-year': '2025',
    });
    expect(asked.statusCode).toBe(303);
    const round = await new Browser(t.app).get(dataUrls.collection(FIRE));
    expect(textOf(getByRole(round.document, 'main'))).toContain('Due');

    const id = await uploadAndSubmit(fireOfficer, FIRE, file);
    expect((await publicView(NATIONAL)).api).toBe(0);
    await approveAndPublish(fireColleague, id);
    const after = await publicView(NATIONAL);
    expect(after.page).toContain('Primary fires per 10,000 people');
    expect(after.api).toBe(1);
    const observation = (await t.app.inject(`/api/v1/observations?indicator=${NATIONAL}&area=${TRAFFORD_AREA}`)).json<{
      items: { value: number; sourceBodyId: string }[];
    }>();
    expect(observation.items).toEqual([expect.objectContaining({ value: 12.3, sourceBodyId: FIRE })]);

    const collection = await (
      await signInWithRole(t.app, db(), 'assessor', { bodyId: null })
    ).browser.get(dataUrls.collection(FIRE));
    expect(queryAllByRole(collection.document, 'cell').map(textOf)).toContain('Published');

    const actions = (await auditForBody(db(), FIRE, {}, { limit: 100, offset: 0 })).items.map((e) => e.action);
    for (const action of [
      'collection_deadline.set',
      'submission.create',
      'submission.submit',
      'submission.approve',
      'submission.publish',
    ]) {
      expect(actions, action).toContain(action);
    }
  });
});
