import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Browser, signInWithRole } from '../../../../../test/support/accounts-web.ts';
import type { TestApp } from '../../../../../test/support/app.ts';
import { sendForm } from '../../../../../test/support/form-web.ts';
import { PLAN_BODIES } from '../../../../../test/support/plans-factories.ts';
import { plansApp } from '../../../../../test/support/plans-web.ts';
import {
  getByLabelText,
  getByRole,
  parsePage,
  queryAllByRole,
  textOf,
  type HTMLElement,
} from '../../../../../test/support/site-dom.ts';
import { follow } from '../../../../../test/support/submission-web.ts';
import { auditForBody } from '../../../audit/index.ts';
import { cliActor } from '../../../accounts/index.ts';
import { getPlan, reviseDraft } from '../../index.ts';
import { planUrls } from '../urls.ts';

let t: TestApp;
let officer: Browser;
const db = () => t.database.db;
const deps = () => ({ clock: t.clock });

beforeEach(async () => {
  t = await plansApp();
  officer = (await signInWithRole(t.app, db(), 'performance_officer', { bodyId: PLAN_BODIES.council })).browser;
});
afterEach(async () => t.close());

/** The error summary's links: what is wrong, and the field each goes to. */
const summaryOf = (html: string) =>
  queryAllByRole(getByRole(parsePage(html), 'alert'), 'link').map((a) => [textOf(a), a.getAttribute('href')]);
const valueOf = (document: HTMLElement, label: string) => {
  const field = getByLabelText(document, label);
  return field.tagName.toLowerCase() === 'textarea' ? field.text : field.getAttribute('value');
};
const draftItems = async (planId: string) =>
  (await getPlan(db(), cliActor(), planId, { draft: true }, deps())).items.map((i) => `${i.kind} ${i.key}: ${i.title}`);

describe('starting a new plan', () => {
  it('offers the bodies the person may start plans for, says what is wrong by field, and creates a draft', async () => {
    const { document } = await officer.get(planUrls.newPlan());
    const owners = getByLabelText(document, 'Owner')
      .querySelectorAll('option')
      .map((o) => o.getAttribute('value'));
    expect(owners).toEqual(['', PLAN_BODIES.lsp, PLAN_BODIES.council]);

    const blank = await sendForm(officer, planUrls.newPlan(), 'Create the draft', {
      title: 'Sale town centre plan',
      id: 'Not A Slug',
    });
    expect(blank.statusCode).toBe(400);
    expect(summaryOf(blank.body)).toEqual([
      ['Plan id: “Not A Slug” must be lower-case letters, digits and dashes.', '#id'],
      [expect.stringMatching(/^Kind of plan .*community_strategy/), '#kind'],
      ['Owner is required.', '#owner'],
    ]);
    expect(valueOf(parsePage(blank.body), 'Title')).toBe('Sale town centre plan');

    const made = await sendForm(officer, planUrls.newPlan(), 'Create the draft', {
      kind: 'service_plan',
      id: 'sale-town-centre',
      owner: PLAN_BODIES.council,
      title: 'Sale town centre plan',
      coversFrom: '2025/26',
    });
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe('/plans/sale-town-centre?version=draft&done=created');
    const page = await follow(officer, made);
    expect(textOf(getByRole(page.document, 'main'))).toContain('The plan has been created as a draft.');
    expect(textOf(getByRole(page.document, 'main'))).toContain('This is the draft of version 1.');
    expect((await new Browser(t.app).get(planUrls.plan('sale-town-centre'))).response.statusCode).toBe(404);
  });

  it('refuses someone who may not start plans, and a form without its token', async () => {
    const { browser: councillor } = await signInWithRole(t.app, db(), 'councillor_executive', { bodyId: PLAN_BODIES.council });
    expect((await councillor.get(planUrls.newPlan())).response.statusCode).toBe(403);
    const forged = await sendForm(officer, planUrls.newPlan(), 'Create the draft', { kind: 'laa' }, { withoutCsrf: true });
    expect(forged.statusCode).toBe(403);
    expect((await new Browser(t.app).get(planUrls.newPlan())).response.statusCode).toBe(303);
  });
});

describe('changing a draft', () => {
  beforeEach(async () => {
    await reviseDraft(db(), cliActor(), 'trafford-scs', deps());
  });

  it('changes its details, showing a period it cannot read against its field', async () => {
    const bad = await sendForm(officer, planUrls.editDetails('trafford-scs'), 'Save the details', { coversFrom: 'someday' });
    expect(bad.statusCode).toBe(400);
    expect(summaryOf(bad.body)).toEqual([[expect.stringMatching(/^First year covered: “someday” /), '#coversFrom']]);
    const saved = await sendForm(officer, planUrls.editDetails('trafford-scs'), 'Save the details', {
      title: 'Trafford Strategy, revised',
    });
    expect(saved.statusCode).toBe(303);
    expect((await getPlan(db(), cliActor(), 'trafford-scs', { draft: true }, deps())).version.title).toBe(
      'Trafford Strategy, revised',
    );
    // the published version is as it was
    expect((await getPlan(db(), null, 'trafford-scs', {}, deps())).version.title).toBe('Trafford Sustainable Community Strategy');
  });

  it('adds a target, saying what is wrong with each field and keeping what was typed', async () => {
    const url = planUrls.newItem('trafford-scs', { kind: 'target' });
    const fields = {
      key: 'T2',
      parent: 'waste',
      title: 'Less residual waste',
      indicator: 'NOPE',
      baselinePeriod: 'May 2020',
      baselineValue: '52',
      targetPeriod: '2025/26',
      targetValue: '60',
    };
    const bad = await sendForm(officer, url, 'Add to the draft', fields);
    expect(bad.statusCode).toBe(400);
    expect(summaryOf(bad.body)).toEqual([['Indicator: “NOPE” is not a known indicator code or alias.', '#indicator']]);
    expect(valueOf(parsePage(bad.body), 'Title')).toBe('Less residual waste');

    const period = await sendForm(officer, url, 'Add to the draft', { ...fields, indicator: 'REC' });
    expect(period.statusCode).toBe(400);
    expect(summaryOf(period.body)).toEqual([[expect.stringMatching(/^Baseline period: “May 2020” /), '#baselinePeriod']]);

    const added = await sendForm(officer, url, 'Add to the draft', {
      ...fields,
      indicator: 'REC',
      baselinePeriod: '2020/21',
      milestones: '2023/24=57',
      tolerance: '1.5',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/plans/trafford-scs?version=draft&done=item-added');
    expect(await draftItems('trafford-scs')).toContain('target T2: Less residual waste');

    const again = await sendForm(officer, url, 'Add to the draft', { ...fields, indicator: 'REC', baselinePeriod: '2020/21' });
    expect(summaryOf(again.body)).toEqual([['Key: “T2” is already the key of an item of the draft: choose another.', '#key']]);
  });

  it('adds an action with its due date, changes an item, and removes one (not one with items under it)', async () => {
    const noDate = await sendForm(officer, planUrls.newItem('trafford-scs', { kind: 'action' }), 'Add to the draft', {
      key: 'A9',
      parent: 'waste',
      title: 'Leaflet every home',
      'due-day': '31',
      'due-month': '2',
      'due-year': '2026',
    });
    expect(noDate.statusCode).toBe(400);
    expect(summaryOf(noDate.body)).toEqual([['The date it is due by must be a real date: “31 2 2026” is not one', '#due-day']]);
    const action = await sendForm(officer, planUrls.newItem('trafford-scs', { kind: 'action' }), 'Add to the draft', {
      key: 'A9',
      parent: 'waste',
      title: 'Leaflet every home',
      'due-day': '31',
      'due-month': '3',
      'due-year': '2026',
      milestones: '2025-09-30 Print the leaflets',
    });
    expect(action.statusCode).toBe(303);

    const form = await officer.get(planUrls.editItem('trafford-scs', 'T1'));
    expect(valueOf(form.document, 'Milestones (optional)')).toBe('2023/24=58');
    expect(valueOf(form.document, 'Title')).toBe('Recycle 62% of household waste by 2025/26');
    const changed = await sendForm(officer, planUrls.editItem('trafford-scs', 'T1'), 'Save in the draft', {
      title: 'Recycle 63%',
    });
    expect(changed.statusCode).toBe(303);
    expect(await draftItems('trafford-scs')).toContain('target T1: Recycle 63%');

    const refused = await sendForm(officer, planUrls.removeItem('trafford-scs', 'waste'), 'Remove it');
    expect(refused.statusCode).toBe(409);
    expect(textOf(getByRole(parsePage(refused.body), 'alert'))).toContain('has items under it (T1, A9)');
    const removed = await sendForm(officer, planUrls.removeItem('trafford-scs', 'A9'), 'Remove it');
    expect(removed.statusCode).toBe(303);
    expect(await draftItems('trafford-scs')).not.toContain('action A9: Leaflet every home');
    const events = await auditForBody(db(), PLAN_BODIES.lsp, {});
    expect(events.items.map((e) => e.action)).toEqual(expect.arrayContaining(['plan_item.put', 'plan_item.remove']));
  });

  it('publishes the draft from a date, with a note of what changed', async () => {
    const noNote = await sendForm(officer, planUrls.publish('trafford-scs'), 'Publish', {
      'inForceFrom-day': '1',
      'inForceFrom-month': '5',
      'inForceFrom-year': '2025',
    });
    expect(noNote.statusCode).toBe(400);
    expect(summaryOf(noNote.body)).toEqual([[expect.stringMatching(/^What changed /), '#changeNote']]);
    const early = await sendForm(officer, planUrls.publish('trafford-scs'), 'Publish', {
      'inForceFrom-day': '1',
      'inForceFrom-month': '1',
      'inForceFrom-year': '2024',
      changeNote: 'Sharper targets',
    });
    expect(summaryOf(early.body)).toEqual([
      [expect.stringMatching(/^In force from: “2024-01-01” must not come before/), '#inForceFrom-day'],
    ]);
    const published = await sendForm(officer, planUrls.publish('trafford-scs'), 'Publish', {
      'inForceFrom-day': '1',
      'inForceFrom-month': '5',
      'inForceFrom-year': '2025',
      changeNote: 'Sharper targets',
    });
    expect(published.statusCode).toBe(303);
    expect(published.headers.location).toBe('/plans/trafford-scs?version=2&done=published');
    const page = await follow(officer, published);
    expect(textOf(getByRole(page.document, 'main'))).toContain(
      'Version 2, in force since 1 May 2025. What changed: Sharper targets',
    );
  });

  it('says when there is no draft, and starts a revision', async () => {
    const laa = await officer.get(planUrls.editDetails('trafford-laa'));
    expect(laa.response.statusCode).toBe(409);
    getByRole(laa.document, 'heading', { name: 'Trafford Local Area Agreement has no draft', level: 1 });
    const started = await sendForm(officer, planUrls.editDetails('trafford-laa'), 'Start a revision');
    expect(started.statusCode).toBe(303);
    expect(started.headers.location).toBe('/plans/trafford-laa?version=draft&done=revision-started');
    expect((await getPlan(db(), cliActor(), 'trafford-laa', { draft: true }, deps())).version.number).toBe(2);
  });
});

describe('a target’s tolerance', () => {
  it('changes as a new rule version, the page saying that past statuses keep theirs', async () => {
    const { document } = await officer.get(planUrls.tolerance('trafford-scs', 'T1'));
    expect(textOf(getByRole(document, 'main'))).toContain(
      'Statuses already recorded keep the rule and tolerance they were judged by',
    );
    const same = await sendForm(officer, planUrls.tolerance('trafford-scs', 'T1'), 'Change the tolerance', {
      tolerance: '2',
      reason: 'No change',
    });
    expect(same.statusCode).toBe(400);
    expect(summaryOf(same.body)).toEqual([
      [expect.stringMatching(/^Tolerance: “2” is the tolerance already in force/), '#tolerance'],
    ]);
    const noReason = await sendForm(officer, planUrls.tolerance('trafford-scs', 'T1'), 'Change the tolerance', {
      tolerance: '0.5',
    });
    expect(summaryOf(noReason.body)).toEqual([['Why is required.', '#reason']]);
    const changed = await sendForm(officer, planUrls.tolerance('trafford-scs', 'T1'), 'Change the tolerance', {
      tolerance: '0.5',
      reason: 'Tighter, as the board agreed',
    });
    expect(changed.statusCode).toBe(303);
    const page = await follow(officer, changed);
    expect(textOf(getByRole(page.document, 'main'))).toContain('Statuses already recorded keep the rule they were judged by.');
    expect(textOf(getByRole(page.document, 'table', { name: 'Rule versions, latest first' }))).toContain(
      'Tighter, as the board agreed',
    );
    const { browser: councillor } = await signInWithRole(t.app, db(), 'councillor_executive', { bodyId: PLAN_BODIES.council });
    expect((await councillor.get(planUrls.tolerance('trafford-scs', 'T1'))).response.statusCode).toBe(403);
  });
});

describe('progress on an action', () => {
  it('is reported by the action’s body, and the same report twice records nothing new', async () => {
    const url = planUrls.progress('waste-service', 'A1');
    const bad = await sendForm(officer, url, 'Report progress', { progress: '150', state: 'in_progress' });
    expect(bad.statusCode).toBe(400);
    expect(summaryOf(bad.body)).toEqual([[expect.stringMatching(/^Progress: “150” /), '#progress']]);
    const reported = await sendForm(officer, url, 'Report progress', {
      progress: '60',
      state: 'in_progress',
      note: 'Most blocks',
    });
    expect(reported.headers.location).toBe('/plans/waste-service/items/A1?done=progress-reported');
    const page = await follow(officer, reported);
    expect(textOf(getByRole(page.document, 'main'))).toContain('60% done (in progress) as of 1 June 2025.');
    const again = await sendForm(officer, url, 'Report progress', { progress: '60', state: 'in_progress', note: 'Most blocks' });
    expect(again.headers.location).toBe('/plans/waste-service/items/A1?done=progress-unchanged');
    const { browser: police } = await signInWithRole(t.app, db(), 'partner_data_officer', { bodyId: PLAN_BODIES.police });
    expect((await police.get(url)).response.statusCode).toBe(403);
  });
});
