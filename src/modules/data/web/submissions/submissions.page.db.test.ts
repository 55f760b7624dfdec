import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { Browser, signInWithRole } from '../../../../../test/support/accounts-web.ts';
import { getAllByRole, getByRole, queryAllByRole, textOf, type HTMLElement } from '../../../../../test/support/site-dom.ts';
import {
  HOUSING,
  POLICE,
  seedSubmissionWorld,
  submissionCsv,
  type SubmissionWorld,
  TRAFFORD,
  TRAFFORD_AREA,
  LOCAL_INDICATOR,
} from '../../../../../test/support/submission-factories.ts';
import { createSubmission, shareUnpublished, submitSubmission } from '../../index.ts';
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

const draft = (name: string) =>
  createSubmission(
    db(),
    world.officer,
    { bodyId: TRAFFORD, file: submissionCsv(name, [[LOCAL_INDICATOR, TRAFFORD_AREA, '', '2023/24', '90', 'final', '']]) },
    deps(),
  );

const files = (table: HTMLElement) => getAllByRole(table, 'link').map(textOf);

describe('Your submissions', () => {
  it('lists each body the person acts for with its submissions, newest first, and links to upload', async () => {
    await draft('first.csv');
    t.clock.advance(60_000);
    const second = await draft('second.csv');
    await submitSubmission(db(), world.officer, second.id, deps());
    const { browser } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: TRAFFORD });
    const { response, document } = await browser.get(dataUrls.submissions());
    expect(response.statusCode).toBe(200);
    getByRole(document, 'heading', { name: 'Trafford Council', level: 2 });
    const table = getByRole(document, 'table', { name: 'Submissions of Trafford Council' });
    expect(files(table)).toEqual(['second.csv', 'first.csv']);
    expect(getAllByRole(table, 'row')[1]!.querySelectorAll('td').map(textOf).slice(1, 4)).toEqual([
      'Submitted',
      LOCAL_INDICATOR,
      '1',
    ]);
    getByRole(document, 'link', { name: 'Upload figures' });
    getByRole(document, 'link', { name: 'Collection rounds of Trafford Council' });
    getByRole(document, 'link', { name: 'Who Trafford Council shares unpublished figures with' });
  });

  it('filters by state', async () => {
    await draft('first.csv');
    const second = await draft('second.csv');
    await submitSubmission(db(), world.officer, second.id, deps());
    const { browser } = await signInWithRole(t.app, db(), 'councillor_scrutiny', { bodyId: TRAFFORD });
    const { document } = await browser.get(dataUrls.submissions({ state: 'draft' }));
    expect(files(getByRole(document, 'table', { name: 'Submissions of Trafford Council' }))).toEqual(['first.csv']);
    expect(queryAllByRole(document, 'link', { name: 'Upload figures' })).toEqual([]);
    const bad = await browser.get('/submissions?state=lost');
    expect(bad.response.statusCode).toBe(400);
    getByRole(getByRole(bad.document, 'alert'), 'link', { name: 'Choose a state from the list' });
  });

  it('shows a partner the submissions of a body that shares with it', async () => {
    await draft('shared.csv');
    const { browser } = await signInWithRole(t.app, db(), 'partner_data_officer', { bodyId: POLICE });
    expect(queryAllByRole((await browser.get(dataUrls.submissions())).document, 'heading', { name: 'Trafford Council' })).toEqual(
      [],
    );
    await shareUnpublished(db(), world.officer, { ownerBodyId: TRAFFORD, partnerBodyId: POLICE }, deps());
    const { document } = await browser.get(dataUrls.submissions());
    getByRole(document, 'heading', { name: 'Trafford Council', level: 2 });
    expect(textOf(getByRole(document, 'main'))).toContain(
      'Trafford Council shares its unpublished figures with your organisation',
    );
    expect(files(getByRole(document, 'table', { name: 'Submissions of Trafford Council' }))).toEqual(['shared.csv']);
  });

  it('pages through one body’s submissions', async () => {
    for (let i = 1; i <= 12; i++) {
      await draft(`file-${String(i).padStart(2, '0')}.csv`);
      t.clock.advance(1000);
    }
    const { browser } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: TRAFFORD });
    const overview = await browser.get(dataUrls.submissions());
    expect(files(getByRole(overview.document, 'table', { name: 'Submissions of Trafford Council' }))).toHaveLength(10);
    const all = getByRole(overview.document, 'link', { name: 'All submissions of Trafford Council' });
    const { document } = await browser.get(all.getAttribute('href')!);
    expect(files(getByRole(document, 'table', { name: 'Submissions of Trafford Council' }))).toHaveLength(12);
  });

  it('lets an assessor choose any body, and refuses a body the person may not read', async () => {
    await draft('first.csv');
    const { browser } = await signInWithRole(t.app, db(), 'assessor', { bodyId: null });
    const { document } = await browser.get(dataUrls.submissions({ body: TRAFFORD }));
    getByRole(document, 'table', { name: 'Submissions of Trafford Council' });
    const { browser: housing } = await signInWithRole(t.app, db(), 'partner_data_officer', { bodyId: HOUSING });
    expect((await housing.get(dataUrls.submissions({ body: TRAFFORD }))).response.statusCode).toBe(403);
    expect((await housing.get(dataUrls.submissions({ body: 'nowhere' }))).response.statusCode).toBe(404);
  });

  it('needs someone signed in, and is linked from their account page and the header', async () => {
    expect((await new Browser(t.app).request('GET', dataUrls.submissions())).statusCode).toBe(303);
    const { browser } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: TRAFFORD });
    const { document } = await browser.get('/account');
    const menu = getByRole(document, 'navigation', { name: 'Menu' });
    getByRole(menu, 'link', { name: 'Submissions' });
    const main = getByRole(document, 'main');
    for (const name of ['Submissions', 'Upload figures', 'Overdue figures']) getByRole(main, 'link', { name });
  });
});
