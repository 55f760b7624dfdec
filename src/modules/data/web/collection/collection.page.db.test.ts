import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { Browser, signInWithRole } from '../../../../../test/support/accounts-web.ts';
import {
  getByRole,
  getByLabelText,
  parsePage,
  queryAllByRole,
  textOf,
  type HTMLElement,
} from '../../../../../test/support/site-dom.ts';
import {
  LOCAL_INDICATOR,
  NATIONAL_INDICATOR,
  POLICE,
  seedSubmissionWorld,
  setUp,
  TRAFFORD,
} from '../../../../../test/support/submission-factories.ts';
import { auditForBody } from '../../../audit/index.ts';
import { setCollectionDeadline } from '../../index.ts';
import { dataUrls } from '../urls.ts';

let t: TestApp;
const db = () => t.database.db;

beforeEach(async () => {
  t = await freshApp('2025-06-10T09:00:00.000Z');
  await seedSubmissionWorld(db());
  const deps = { clock: t.clock };
  await setCollectionDeadline(
    db(),
    setUp,
    { indicator: LOCAL_INDICATOR, period: '2024/25', bodyId: POLICE, dueDate: '2025-05-31' },
    deps,
  );
  await setCollectionDeadline(
    db(),
    setUp,
    { indicator: NATIONAL_INDICATOR, period: '2025/26', bodyId: POLICE, dueDate: '2026-05-31' },
    deps,
  );
});
afterEach(async () => t.close());

const rows = (document: HTMLElement, caption: string) =>
  getByRole(document, 'table', { name: caption })
    .querySelectorAll('tbody tr')
    .map((r) => r.querySelectorAll('td').map(textOf).slice(0, 4));

describe('a body’s collection rounds', () => {
  it('are public: what is due, late, received or published, by when', async () => {
    const { response, document } = await new Browser(t.app).get(dataUrls.collection(POLICE));
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    getByRole(document, 'heading', { name: 'Greater Manchester Police', level: 1 });
    expect(rows(document, 'What Greater Manchester Police is asked to supply')).toEqual([
      [`Streets judged clean (${LOCAL_INDICATOR})`, '2024/25', '31 May 2025', 'Late 10 days late'],
      [expect.stringContaining(`(${NATIONAL_INDICATOR})`), '2025/26', '31 May 2026', 'Due'],
    ]);
    expect(queryAllByRole(document, 'button')).toEqual([]);
    expect((await new Browser(t.app).get(dataUrls.collection('nowhere'))).response.statusCode).toBe(404);
  });

  it('let an administrator ask a council for a national indicator’s figures, and remove the deadline; audited', async () => {
    const { browser } = await signInWithRole(t.app, db(), 'administrator', { bodyId: null });
    const { document } = await browser.get(dataUrls.collection(TRAFFORD));
    getByLabelText(document, 'Indicator code');
    const response = await browser.post(dataUrls.collection(TRAFFORD), {
      indicator: NATIONAL_INDICATOR,
      period: '2024/25',
      'dueDate-day': '30',
      'dueDate-month': '6',
      'dueDate-year': '2025',
    });
    expect(response.statusCode).toBe(303);
    const after = await browser.get(String(response.headers.location));
    expect(textOf(getByRole(after.document, 'alert', { name: 'Success' }))).toContain('The deadline has been set');
    expect(rows(after.document, 'What Trafford Council is asked to supply')).toEqual([
      [expect.stringContaining(NATIONAL_INDICATOR), '2024/25', '30 June 2025', 'Due'],
    ]);
    const events = await auditForBody(db(), TRAFFORD, { action: 'collection_deadline' });
    expect(events.items.map((e) => e.action)).toEqual(['collection_deadline.set']);

    const removed = await browser.post(dataUrls.removeDeadline(TRAFFORD), { indicator: NATIONAL_INDICATOR, period: 'FY2024' });
    expect(removed.statusCode).toBe(303);
    expect(textOf(getByRole((await browser.get(dataUrls.collection(TRAFFORD))).document, 'main'))).toContain(
      'No figures have been asked of this body',
    );
  });

  it('show what is wrong with the form, field by field', async () => {
    const { browser } = await signInWithRole(t.app, db(), 'administrator', { bodyId: null });
    const blank = await browser.post(dataUrls.collection(TRAFFORD), {
      indicator: '',
      period: '',
      'dueDate-day': '31',
      'dueDate-month': '2',
      'dueDate-year': '2025',
    });
    expect(blank.statusCode).toBe(400);
    const summary = getByRole(parsePage(blank.body), 'alert');
    expect(queryAllByRole(summary, 'link').map((a) => [textOf(a), a.getAttribute('href')])).toEqual([
      ['Enter the indicator’s code', '#indicator'],
      ['Enter the period, for example 2025/26', '#period'],
      ['The date the figures are due must be a real date', '#dueDate-day'],
    ]);
    const unknown = await browser.post(dataUrls.collection(TRAFFORD), {
      indicator: 'NOPE',
      period: '2024/25',
      'dueDate-day': '1',
      'dueDate-month': '7',
      'dueDate-year': '2025',
    });
    expect(unknown.statusCode).toBe(400);
    expect(textOf(getByRole(parsePage(unknown.body), 'alert'))).toContain('No indicator NOPE');
  });

  it('refuse an officer asking for a national indicator, and a form without its token', async () => {
    const { browser } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: TRAFFORD });
    const form = {
      indicator: NATIONAL_INDICATOR,
      period: '2024/25',
      'dueDate-day': '1',
      'dueDate-month': '7',
      'dueDate-year': '2025',
    };
    expect((await browser.post(dataUrls.collection(POLICE), form)).statusCode).toBe(403);
    expect(
      (await browser.post(dataUrls.collection(POLICE), { ...form, indicator: LOCAL_INDICATOR, _csrf: 'forged' })).statusCode,
    ).toBe(403);
    expect((await browser.post(dataUrls.collection(POLICE), { ...form, indicator: LOCAL_INDICATOR })).statusCode).toBe(303);
    expect((await new Browser(t.app).post(dataUrls.collection(POLICE), form)).statusCode).toBe(303);
    expect((await new Browser(t.app).post(dataUrls.collection(POLICE), form)).headers.location).toMatch(/^\/account\/sign-in/);
  });
});

describe('overdue figures', () => {
  it('are listed publicly by body', async () => {
    const { response, document } = await new Browser(t.app).get(dataUrls.overdue());
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    getByRole(document, 'link', { name: 'Greater Manchester Police' });
    expect(rows(document, 'Figures Greater Manchester Police has not supplied by the date asked')).toEqual([
      [`Streets judged clean (${LOCAL_INDICATOR})`, '2024/25', '31 May 2025', '10 days late'],
    ]);
  });
});
