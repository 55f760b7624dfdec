import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { type Browser, signInWithRole } from '../../../../../test/support/accounts-web.ts';
import type { MadePerson } from '../../../../../test/support/accounts-factories.ts';
import {
  getAllByRole,
  getByRole,
  parsePage,
  queryAllByRole,
  textOf,
  type HTMLElement,
} from '../../../../../test/support/site-dom.ts';
import {
  LOCAL_INDICATOR,
  seedSubmissionWorld,
  STOCKPORT,
  STOCKPORT_AREA,
  submissionCsv,
  type SubmissionWorld,
  TRAFFORD,
  TRAFFORD_AREA,
  traffordStreetsFile,
} from '../../../../../test/support/submission-factories.ts';
import { follow } from '../../../../../test/support/submission-web.ts';
import { createSubmission, queryObservations, setSelfApproval, submitSubmission } from '../../index.ts';
import { dataUrls } from '../urls.ts';

let t: TestApp;
let world: SubmissionWorld;
const db = () => t.database.db;
const deps = () => ({ clock: t.clock });

beforeEach(async () => {
  t = await freshApp('2025-06-01T09:00:00.000Z');
  world = await seedSubmissionWorld(db());
});
afterEach(async () => t.close());

const signedIn = (role: Parameters<typeof signInWithRole>[2], bodyId: string | null = TRAFFORD) =>
  signInWithRole(t.app, db(), role, { bodyId });

/** A draft uploaded by the signed-in officer. */
const draftBy = (made: MadePerson, file = traffordStreetsFile()) =>
  createSubmission(db(), made.actor, { bodyId: TRAFFORD, file }, deps());

const buttons = (document: HTMLElement) => queryAllByRole(getByRole(document, 'main'), 'button').map(textOf);

const timeline = (document: HTMLElement) =>
  getByRole(document, 'table', { name: 'What happened to the submission' })
    .querySelectorAll('tbody tr')
    .map((row) => row.querySelectorAll('td').map(textOf).slice(1));

describe('a submission’s page', () => {
  it('shows its state, file, people, timeline and figures to the body’s officer, with the steps they may take', async () => {
    const { browser, made } = await signedIn('performance_officer');
    const draft = await draftBy(made);
    const { response, document } = await browser.get(dataUrls.submission(draft.id));
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    getByRole(document, 'heading', { name: 'trafford-streets-2024.csv', level: 1 });
    const details = textOf(document.querySelector('.govuk-summary-list')!);
    expect(details).toContain('State Draft');
    expect(details).toContain('Body Trafford Council');
    expect(details).toContain(`Uploaded ${made.person.displayName}, 1 June 2025 at 10:00`);
    expect(timeline(document)).toEqual([['Uploaded', made.person.displayName, '', 'Draft', '']]);
    const figures = getByRole(document, 'table', { name: 'Figures of the submission' });
    expect(
      getAllByRole(figures, 'row')
        .slice(1)
        .map((r) => r.querySelectorAll('td').map(textOf).slice(0, 5)),
    ).toEqual([
      ['2', LOCAL_INDICATOR, TRAFFORD_AREA, '2023/24', '91.2'],
      ['3', LOCAL_INDICATOR, TRAFFORD_AREA, '2024/25', '92.5'],
    ]);
    expect(buttons(document)).toEqual(['Submit for approval', 'Withdraw']);
  });

  it('answers 404 for an unknown submission and 403 to someone who may not read it', async () => {
    const { browser, made } = await signedIn('performance_officer');
    const draft = await draftBy(made);
    expect((await browser.get(dataUrls.submission('no-such-submission'))).response.statusCode).toBe(404);
    const { browser: stockport } = await signedIn('performance_officer', STOCKPORT);
    const refused = await stockport.get(dataUrls.submission(draft.id));
    expect(refused.response.statusCode).toBe(403);
    getByRole(refused.document, 'heading', { name: 'You do not have permission', level: 1 });
    expect((await stockport.request('GET', dataUrls.submissionRowsCsv(draft.id))).statusCode).toBe(403);
  });

  it('lets an assessor read it but take no step', async () => {
    const { made } = await signedIn('performance_officer');
    const draft = await draftBy(made);
    await submitSubmission(db(), made.actor, draft.id, deps());
    const { browser } = await signedIn('assessor', null);
    const { response, document } = await browser.get(dataUrls.submission(draft.id));
    expect(response.statusCode).toBe(200);
    expect(buttons(document)).toEqual([]);
    expect(textOf(getByRole(document, 'main'))).toContain('There is nothing you can do with this submission now');
    expect((await browser.post(dataUrls.submissionStep(draft.id, 'approve'))).statusCode).toBe(403);
  });

  it('offers the downloads of its figures as CSV', async () => {
    const { browser, made } = await signedIn('performance_officer');
    const draft = await draftBy(made);
    const response = await browser.request('GET', dataUrls.submissionRowsCsv(draft.id));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.body.split('\n').slice(0, 3)).toEqual([
      'indicator,area,period,value,numerator,denominator,sample_size,ci_lower,ci_upper,status',
      `${LOCAL_INDICATOR},${TRAFFORD_AREA},2023/24,91.2,,,,,,final`,
      `${LOCAL_INDICATOR},${TRAFFORD_AREA},2024/25,92.5,,,,,,provisional`,
    ]);
  });

  it('pages through many figures', async () => {
    const { browser, made } = await signedIn('performance_officer');
    const rows = [];
    for (let year = 1990; year < 2020; year++) {
      const period = `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
      for (const area of [TRAFFORD_AREA, STOCKPORT_AREA]) rows.push([LOCAL_INDICATOR, area, '', period, '50', 'final', '']);
    }
    const draft = await draftBy(made, submissionCsv('sixty.csv', rows));
    const first = await browser.get(dataUrls.submission(draft.id));
    expect(textOf(getByRole(first.document, 'main'))).toContain('60 figures, in the order of the file');
    getByRole(first.document, 'navigation', { name: 'Pages of figures' });
    const second = await browser.get(dataUrls.submission(draft.id, { page: 2 }));
    const figures = getByRole(second.document, 'table', { name: 'Figures of the submission' });
    expect(getAllByRole(figures, 'row')).toHaveLength(11);
  });
});

describe('the steps', () => {
  async function twoOfficers(): Promise<{ uploader: Browser; colleague: Browser; id: string }> {
    const { browser: uploader, made } = await signedIn('performance_officer');
    const { browser: colleague } = await signedIn('performance_officer');
    return { uploader, colleague, id: (await draftBy(made)).id };
  }

  it('take it from draft to published, by the uploader and another officer, each shown in the timeline', async () => {
    const { uploader, colleague, id } = await twoOfficers();
    const submitted = await follow(uploader, await uploader.post(dataUrls.submissionStep(id, 'submit')));
    expect(textOf(getByRole(submitted.document, 'alert', { name: 'Success' }))).toContain('submitted for approval');
    expect(buttons(submitted.document)).toEqual(['Withdraw']);

    const forColleague = await colleague.get(dataUrls.submission(id));
    expect(buttons(forColleague.document)).toEqual(['Approve', 'Reject', 'Withdraw']);
    const approved = await follow(colleague, await colleague.post(dataUrls.submissionStep(id, 'approve')));
    expect(buttons(approved.document)).toEqual(['Reject', 'Publish', 'Withdraw']);
    expect((await queryObservations(db(), { indicator: LOCAL_INDICATOR, limit: 10, offset: 0 })).total).toBe(0);

    const published = await follow(colleague, await colleague.post(dataUrls.submissionStep(id, 'publish')));
    expect(textOf(getByRole(published.document, 'alert', { name: 'Success' }))).toContain('its figures are now public');
    expect(timeline(published.document).map((r) => [r[0], r[2], r[3]])).toEqual([
      ['Uploaded', '', 'Draft'],
      ['Submitted', 'Draft', 'Submitted'],
      ['Approved', 'Submitted', 'Approved'],
      ['Published', 'Approved', 'Published'],
    ]);
    expect((await queryObservations(db(), { indicator: LOCAL_INDICATOR, limit: 10, offset: 0 })).total).toBe(2);
  });

  it('refuse self-approval unless the body allows it', async () => {
    const { browser, made } = await signedIn('performance_officer');
    const draft = await draftBy(made);
    await submitSubmission(db(), made.actor, draft.id, deps());
    expect(buttons((await browser.get(dataUrls.submission(draft.id))).document)).toEqual(['Withdraw']);
    const refused = await browser.post(dataUrls.submissionStep(draft.id, 'approve'));
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('another officer of trafford-council must approve it');

    const rule = { bodyId: TRAFFORD, allowed: true, reason: 'One officer until the new post is filled' };
    await setSelfApproval(db(), world.administrator, rule, deps());
    expect(buttons((await browser.get(dataUrls.submission(draft.id))).document)).toEqual(['Approve', 'Reject', 'Withdraw']);
    expect((await browser.post(dataUrls.submissionStep(draft.id, 'approve'))).statusCode).toBe(303);
  });

  it('ask for a reason to reject, and keep it', async () => {
    const { uploader, colleague, id } = await twoOfficers();
    await uploader.post(dataUrls.submissionStep(id, 'submit'));
    const missing = await colleague.post(dataUrls.submissionStep(id, 'reject'), { reason: '  ' });
    expect(missing.statusCode).toBe(400);
    const document = parsePage(missing.body);
    getByRole(getByRole(document, 'alert'), 'link', { name: 'Enter why you are rejecting the submission' });
    expect(getByRole(document, 'link', { name: 'Enter why you are rejecting the submission' }).getAttribute('href')).toBe(
      '#reject-reason',
    );

    const rejected = await follow(
      colleague,
      await colleague.post(dataUrls.submissionStep(id, 'reject'), { reason: 'The 2023/24 figure is last year’s' }),
    );
    expect(timeline(rejected.document).at(-1)).toEqual([
      'Rejected',
      expect.any(String),
      'Submitted',
      'Rejected',
      'The 2023/24 figure is last year’s',
    ]);
    expect(buttons(rejected.document)).toEqual([]);
  });

  it('say why a step is no longer possible', async () => {
    const { uploader, id } = await twoOfficers();
    expect((await uploader.post(dataUrls.submissionStep(id, 'submit'))).statusCode).toBe(303);
    const again = await uploader.post(dataUrls.submissionStep(id, 'submit'));
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('There is a problem');
    expect(again.body).toMatch(/submitted submission cannot be submitted/i);
  });

  it('refuse a form without its CSRF token', async () => {
    const { uploader, id } = await twoOfficers();
    expect((await uploader.post(dataUrls.submissionStep(id, 'submit'), { _csrf: 'forged' })).statusCode).toBe(403);
    expect(buttons((await uploader.get(dataUrls.submission(id))).document)).toContain('Submit for approval');
  });
});
