import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Browser, signInWithRole } from '../../../../../test/support/accounts-web.ts';
import type { TestApp } from '../../../../../test/support/app.ts';
import { PLAN_BODIES } from '../../../../../test/support/plans-factories.ts';
import { plansApp } from '../../../../../test/support/plans-web.ts';
import {
  getAllByRole,
  getByRole,
  parsePage,
  queryAllByRole,
  textOf,
  type HTMLElement,
} from '../../../../../test/support/site-dom.ts';
import { cliActor } from '../../../accounts/index.ts';
import { publishDraft, putItem, reviseDraft } from '../../index.ts';
import { planUrls } from '../urls.ts';

let t: TestApp;
const db = () => t.database.db;
beforeEach(async () => {
  t = await plansApp();
});
afterEach(async () => t.close());

/** Each body row of a table as its cells' text. */
const rowsOf = (table: HTMLElement) => table.querySelectorAll('tbody tr').map((r) => r.querySelectorAll('td,th').map(textOf));

/** Publishes a second version of the strategy, in force from 1 May 2025, with its priority renamed. */
async function reviseStrategy() {
  const deps = { clock: t.clock };
  await reviseDraft(db(), cliActor(), 'trafford-scs', deps);
  await putItem(db(), cliActor(), 'trafford-scs', { kind: 'priority', key: 'waste', parent: 'green', title: 'Zero waste' }, deps);
  await publishDraft(db(), cliActor(), 'trafford-scs', { inForceFrom: '2025-05-01', changeNote: 'Aim for zero waste' }, deps);
}

describe('a strategy’s page', () => {
  it('shows its vision, the version in force, the disclaimer and the golden thread with statuses, owners and trends, worst first', async () => {
    const { response, document } = await new Browser(t.app).get(planUrls.plan('trafford-scs'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    getByRole(document, 'heading', { name: 'Trafford Sustainable Community Strategy', level: 1 });
    const main = getByRole(document, 'main');
    expect(textOf(main)).toContain('The targets are illustrative.');
    expect(textOf(main)).toContain('Version 1, in force since 1 April 2024.');
    expect(textOf(main)).toContain('A thriving, greener Trafford.');
    getByRole(document, 'heading', { name: 'Theme A greener Trafford', level: 3 });
    getByRole(document, 'heading', { name: 'Priority Less waste, more recycling', level: 4 });

    const rows = rowsOf(getByRole(document, 'table', { name: 'What serves Less waste, more recycling' }));
    // the agreement's outcome that serves the priority, its targets, the action serving its stretch target, then the strategy's own target
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ['Outcome in Trafford Local Area Agreement Recycle more 1 off track, 1 at risk, 2 on track', 'Off track'],
      [expect.stringContaining('Narrow the recycling gap between wards'), 'Off track'],
      [expect.stringContaining('Stretch: 60% recycled by 2024/25'), 'At risk'],
      [expect.stringContaining('Food waste caddies for flats'), 'On track'],
      [expect.stringContaining('Recycling (national indicator)'), 'On track'],
      ['Target Recycle 62% of household waste by 2025/26', 'At risk'],
    ]);
    const own = rows[5]!;
    expect(own.slice(2)).toEqual(['Trafford Council – Head of Waste', '57.0% in 2023/24 (expected 58.0%)', 'Improving']);
    expect(textOf(main)).toContain('Overall: Off track 1 off track, 2 at risk, 2 on track.');
    // click down: to the target's page, and to the figures it was judged by
    const link = getByRole(document, 'link', { name: 'Recycle 62% of household waste by 2025/26' });
    expect(link.getAttribute('href')).toBe(planUrls.item('trafford-scs', 'T1'));
    expect(getAllByRole(document, 'link', { name: '57.0% in 2023/24 (expected 58.0%)' })[0]!.getAttribute('href')).toBe(
      '/trend?indicator=REC&area=E08000009',
    );
    expect(queryAllByRole(document, 'button', { name: 'Start a revision' })).toEqual([]);
  });

  it('shows the version in force on a date, saying which and since when', async () => {
    await reviseStrategy();
    const today = await new Browser(t.app).get(planUrls.plan('trafford-scs'));
    expect(textOf(getByRole(today.document, 'main'))).toContain(
      'Version 2, in force since 1 May 2025. What changed: Aim for zero waste',
    );
    getByRole(today.document, 'heading', { name: 'Priority Zero waste', level: 4 });

    const then = await new Browser(t.app).get(planUrls.plan('trafford-scs', { on: '2024-06-30' }));
    expect(then.response.statusCode).toBe(200);
    expect(textOf(getByRole(then.document, 'main'))).toContain(
      'Version 1, the version in force on 30 June 2024 (in force from 1 April 2024).',
    );
    getByRole(then.document, 'heading', { name: 'Priority Less waste, more recycling', level: 4 });
    expect(getByRole(then.document, 'link', { name: 'See the version in force today' }).getAttribute('href')).toBe(
      planUrls.plan('trafford-scs'),
    );
    // the date form sends three boxes
    const boxes = await new Browser(t.app).get('/plans/trafford-scs?on-day=30&on-month=6&on-year=2024');
    getByRole(boxes.document, 'heading', { name: 'Priority Less waste, more recycling', level: 4 });
    expect(boxes.document.querySelector('#on-day')?.getAttribute('value')).toBe('30');
  });

  it('says what is wrong with a date it cannot read, or one before any version, and shows today’s version', async () => {
    const bad = await new Browser(t.app).get('/plans/trafford-scs?on-day=31&on-month=2&on-year=2025');
    expect(bad.response.statusCode).toBe(400);
    const summary = getByRole(bad.document, 'alert');
    expect(queryAllByRole(summary, 'link').map((a) => [textOf(a), a.getAttribute('href')])).toEqual([
      ['The date must be a real date, such as 1 4 2025', '#on-day'],
    ]);
    expect(bad.document.querySelector('#on-month')?.getAttribute('value')).toBe('2');
    getByRole(bad.document, 'heading', { name: 'Trafford Sustainable Community Strategy', level: 1 });

    const early = await new Browser(t.app).get(planUrls.plan('trafford-scs', { on: '2020-01-01' }));
    expect(early.response.statusCode).toBe(400);
    expect(textOf(getByRole(early.document, 'alert'))).toContain(
      'No version of this plan was in force on 1 January 2020: choose a later date',
    );
    expect((await new Browser(t.app).get('/plans/trafford-scs?on=yesterday')).response.statusCode).toBe(400);
    expect((await new Browser(t.app).get(planUrls.plan('nowhere'))).response.statusCode).toBe(404);
  });

  it('shows drafts only to the owner’s people and assessors, and offers those who may edit a revision', async () => {
    await reviseDraft(db(), cliActor(), 'trafford-scs', { clock: t.clock });
    const anonymous = await new Browser(t.app).get(planUrls.plan('trafford-scs', { draft: true }));
    expect(anonymous.response.statusCode).toBe(403);
    const { browser: assessor } = await signInWithRole(t.app, db(), 'assessor', { bodyId: null });
    const seen = await assessor.get(planUrls.plan('trafford-scs', { draft: true }));
    expect(seen.response.statusCode).toBe(200);
    expect(seen.response.headers['cache-control']).toBe('private, no-store');
    expect(textOf(getByRole(seen.document, 'main'))).toContain('This is the draft of version 2. It is not published');
    expect(queryAllByRole(seen.document, 'link', { name: 'Publish this draft' })).toEqual([]);

    const { browser: officer } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: PLAN_BODIES.council });
    const editing = await officer.get(planUrls.plan('trafford-scs', { draft: true }));
    getByRole(editing.document, 'link', { name: 'Publish this draft' });
    const items = rowsOf(getByRole(editing.document, 'table', { name: 'Items of the draft' }));
    expect(items.map((r) => r.slice(0, 4))).toEqual([
      ['green', 'theme', 'A greener Trafford', ''],
      ['waste', 'priority', 'Less waste, more recycling', 'A greener Trafford'],
      ['T1', 'target', 'Recycle 62% of household waste by 2025/26', 'Less waste, more recycling'],
    ]);
    const published = await officer.get(planUrls.plan('trafford-scs'));
    expect(getByRole(published.document, 'link', { name: 'See and change the draft (version 2)' }).getAttribute('href')).toBe(
      planUrls.plan('trafford-scs', { draft: true }),
    );
    const laa = await officer.get(planUrls.plan('trafford-laa'));
    getByRole(laa.document, 'button', { name: 'Start a revision' });
  });
});

describe('an agreement’s page', () => {
  it('lists its partners and every target by outcome with status, kind, owner, coverage, national priority and the reward at stake', async () => {
    const { response, document } = await new Browser(t.app).get(planUrls.plan('trafford-laa'));
    expect(response.statusCode).toBe(200);
    const main = getByRole(document, 'main');
    expect(textOf(main)).toContain('Partners Trafford Council, Greater Manchester Police');
    expect(textOf(main)).toContain('1 stretch target with £500,000 of reward grant; 0 met; £500,000 still at stake.');
    getByRole(document, 'heading', { name: 'Environment Recycle more', level: 3 });
    const rows = rowsOf(getByRole(document, 'table', { name: 'Targets of Recycle more' }));
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['Local', 'Off track'],
      ['Stretch', 'At risk'],
      ['National', 'On track'],
    ]);
    expect(rows[0]![0]).toContain('(the gap between the most and least deprived parts)');
    expect(rows[0]![3]).toContain('6.0 percentage points in 2023/24');
    expect(rows[1]![7]).toBe('£500,000: Performance reward grant £500,000 at stake');
    expect(rows[2]![0]).toContain('PSA 27: Lead the global effort to avoid dangerous climate change');
    expect(rows[2]![5]).toBe('Trafford: Altrincham, Bowdon');
    expect(getByRole(document, 'link', { name: 'The agreement’s report, for printing' }).getAttribute('href')).toBe(
      planUrls.report('trafford-laa'),
    );
  });
});

describe('a service plan’s page', () => {
  it('shows its actions with progress, due date, status and owner', async () => {
    const { document } = await new Browser(t.app).get(planUrls.plan('waste-service'));
    const rows = rowsOf(getByRole(document, 'table', { name: 'What serves Collections' }));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slice(0, 3)).toEqual(['Action Food waste caddies for flats', 'On track', 'Trafford Council – Waste manager']);
    expect(rows[0]![3]).toMatch(/^40% done, due \d+ \w+ \d{4}$/);
  });
});

describe('a plan’s versions', () => {
  it('lists each with its state, when it is in force, what changed and who', async () => {
    await reviseStrategy();
    await reviseDraft(db(), cliActor(), 'trafford-scs', { clock: t.clock });
    const anonymous = await new Browser(t.app).get(planUrls.versions('trafford-scs'));
    expect(rowsOf(getByRole(anonymous.document, 'table')).map((r) => r.slice(0, 4))).toEqual([
      ['Version 2', 'Published', 'In force from 1 May 2025 (in force today)', 'Aim for zero waste'],
      ['Version 1', 'Published', 'In force from 1 April 2024', 'The first version'],
    ]);
    const { browser } = await signInWithRole(t.app, db(), 'assessor', { bodyId: null });
    const rows = rowsOf(getByRole((await browser.get(planUrls.versions('trafford-scs'))).document, 'table'));
    expect(rows[0]!.slice(0, 3)).toEqual(['Version 3', 'Draft', 'Not published']);
    expect(rows[0]![4]).toMatch(/^Drafted by /);
  });
});

describe('the plans page', () => {
  it('lists the plans by kind with owner, years, the version in force and the roll-up; drafts only for those allowed', async () => {
    await reviseDraft(db(), cliActor(), 'trafford-laa', { clock: t.clock });
    const { response, document } = await new Browser(t.app).get(planUrls.list());
    expect(response.statusCode).toBe(200);
    expect(getAllByRole(getByRole(document, 'main'), 'heading', { level: 2 }).map(textOf)).toEqual([
      'Sustainable Community Strategies',
      'Local Area Agreements',
      'Service plans',
    ]);
    expect(rowsOf(getByRole(document, 'table', { name: 'Sustainable Community Strategies' }))).toEqual([
      [
        'Trafford Sustainable Community Strategy Trafford',
        'Trafford Partnership',
        '2021/22 to 2030/31',
        'Version 1, since 1 April 2024',
        'Off track 1 off track, 2 at risk, 2 on track',
      ],
    ]);
    expect(queryAllByRole(document, 'link', { name: 'Draft version 2' })).toEqual([]);
    expect(queryAllByRole(document, 'link', { name: 'Start a new plan' })).toEqual([]);

    const { browser } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: PLAN_BODIES.council });
    const signedIn = await browser.get(planUrls.list());
    expect(getByRole(signedIn.document, 'link', { name: 'Draft version 2' }).getAttribute('href')).toBe(
      planUrls.plan('trafford-laa', { draft: true }),
    );
    getByRole(signedIn.document, 'link', { name: 'Start a new plan' });
  });

  it('says so when there are no plans', async () => {
    const empty = await plansApp({ imported: false });
    try {
      const { document } = await new Browser(empty.app).get(planUrls.list());
      expect(textOf(getByRole(document, 'main'))).toContain('No plans have been published yet.');
      expect(parsePage(document.toString()).querySelectorAll('table')).toHaveLength(0);
    } finally {
      await empty.close();
    }
  });
});
