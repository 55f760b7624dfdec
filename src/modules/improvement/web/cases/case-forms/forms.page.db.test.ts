import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Browser, signInWithRole } from '../../../../../../test/support/accounts-web.ts';
import type { TestApp } from '../../../../../../test/support/app.ts';
import { ASHFORD, CARLOW, casesApp, openCaseOf } from '../../../../../../test/support/case-pages-web.ts';
import { sendForm } from '../../../../../../test/support/form-web.ts';
import { follow } from '../../../../../../test/support/submission-web.ts';
import { getByLabelText, getByRole, parsePage, queryAllByRole, textOf } from '../../../../../../test/support/site-dom.ts';
import { auditForBody } from '../../../../audit/index.ts';
import { cliActor } from '../../../../accounts/index.ts';
import { actOnCase, getCase } from '../../../cases/index.ts';
import { caseUrls } from '../urls.ts';

let t: TestApp;
let ashford: number;
let officer: Browser;
const db = () => t.database.db;

beforeEach(async () => {
  t = await casesApp();
  ashford = await openCaseOf(t, ASHFORD.bodyId);
  officer = (await signInWithRole(t.app, db(), 'performance_officer', { bodyId: ASHFORD.bodyId })).browser;
});
afterEach(async () => t.close());

const buttonsOf = async (browser: Browser, id: number) =>
  queryAllByRole((await browser.get(caseUrls.case(id))).document, 'button')
    .map(textOf)
    .filter((b) => b !== 'Sign out');
const summaryOf = (html: string) =>
  queryAllByRole(getByRole(parsePage(html), 'alert'), 'link').map((a) => [textOf(a), a.getAttribute('href')]);
const stateOf = async (id: number) => {
  const c = (await getCase(db(), id))!.case;
  return { state: c.state, rung: c.rung, ownerName: c.ownerName, actionPlan: c.actionPlan };
};

describe('the owner’s forms on a case page', () => {
  it('offers the council’s officer the actions allowed from where the case stands', async () => {
    expect(await buttonsOf(officer, ashford)).toEqual(['Acknowledge the case', 'Escalate to rung 2', 'Close the case']);
    await actOnCase(db(), cliActor(), ashford, { action: 'acknowledge', ownerName: 'Head of Waste' }, { clock: t.clock });
    expect(await buttonsOf(officer, ashford)).toEqual([
      'Acknowledge the case',
      'Add the action plan',
      'Escalate to rung 2',
      'Close the case',
    ]);
  });

  it('acknowledges the case, naming its owner, and says so; the event and the audit log record who', async () => {
    const sent = await sendForm(officer, caseUrls.case(ashford), 'Acknowledge the case', { ownerName: 'Head of Waste Services' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(caseUrls.case(ashford, { done: 'acknowledge' }));
    const page = await follow(officer, sent);
    expect(textOf(getByRole(page.document, 'main'))).toContain('The case has been acknowledged and its owner named.');
    expect(await stateOf(ashford)).toMatchObject({ state: 'acknowledged', ownerName: 'Head of Waste Services' });
    const events = (await getCase(db(), ashford))!.events;
    expect(events.at(-1)).toMatchObject({ action: 'acknowledge', toState: 'acknowledged' });
    expect(events.at(-1)!.actor).not.toMatch(/^system/);
    const audit = await auditForBody(db(), ASHFORD.bodyId, {});
    expect(audit.items.map((e) => e.action)).toContain('case.acknowledge');
  });

  it('adds and revises an action plan, the form filled with the plan in force', async () => {
    await actOnCase(db(), cliActor(), ashford, { action: 'acknowledge', ownerName: 'Head of Waste' }, { clock: t.clock });
    const added = await sendForm(officer, caseUrls.case(ashford), 'Add the action plan', {
      actionPlan: 'Weekly food waste collections\nDoorstep campaign',
    });
    expect(added.statusCode).toBe(303);
    const { document } = await officer.get(caseUrls.case(ashford));
    expect(getByLabelText(document, 'Action plan').text).toBe('Weekly food waste collections\nDoorstep campaign');
    const revised = await sendForm(officer, caseUrls.case(ashford), 'Save the revised plan', { actionPlan: 'Fortnightly bins' });
    expect(revised.statusCode).toBe(303);
    expect(await stateOf(ashford)).toMatchObject({ state: 'action_planned', actionPlan: 'Fortnightly bins' });
  });

  it('escalates with a reason, to a new deadline on rung 2, and de-escalates again', async () => {
    const up = await sendForm(officer, caseUrls.case(ashford), 'Escalate to rung 2', { reason: 'Needs peer support' });
    expect(up.statusCode).toBe(303);
    expect(await stateOf(ashford)).toMatchObject({ state: 'open', rung: 2 });
    expect(await buttonsOf(officer, ashford)).toContain('De-escalate to rung 1');
    // rung 3 is central government's: the council's officer is not offered it
    expect(await buttonsOf(officer, ashford)).not.toContain('Escalate to rung 3');
    const down = await sendForm(officer, caseUrls.case(ashford), 'De-escalate to rung 1', { reason: 'Support no longer needed' });
    expect(down.statusCode).toBe(303);
    expect(await stateOf(ashford)).toMatchObject({ state: 'open', rung: 1 });
  });

  it('closes the case with reasons', async () => {
    const closed = await sendForm(officer, caseUrls.case(ashford), 'Close the case', { reason: 'The figures were withdrawn' });
    expect(closed.statusCode).toBe(303);
    const page = await follow(officer, closed);
    expect(textOf(getByRole(page.document, 'main'))).toContain('The case was closed on 1 June 2025: The figures were withdrawn');
  });

  it('says a blank field is required against the field, changing nothing', async () => {
    const blank = await sendForm(officer, caseUrls.case(ashford), 'Escalate to rung 2', { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(summaryOf(blank.body)).toEqual([['Why is required: enter why the case goes up the ladder.', '#escalate-reason']]);
    expect(await stateOf(ashford)).toMatchObject({ state: 'open', rung: 1 });
  });

  it('shows the transition’s refusal as it is, with the form filled as it was sent', async () => {
    // an action plan needs an owner first: send the form that is not on the page yet
    const refused = await officer.post(caseUrls.actions(ashford), { action: 'add_action_plan', actionPlan: 'Do better' });
    expect(refused.statusCode).toBe(400);
    expect(summaryOf(refused.body)).toEqual([
      [expect.stringMatching(/^An open case awaiting an owner cannot be given an action plan/), '#actions'],
    ]);
    expect(await stateOf(ashford)).toMatchObject({ state: 'open', actionPlan: null });

    await actOnCase(db(), cliActor(), ashford, { action: 'acknowledge', ownerName: 'Head of Waste' }, { clock: t.clock });
    const long = await officer.post(caseUrls.actions(ashford), { action: 'acknowledge', ownerName: 'x'.repeat(201) });
    expect(long.statusCode).toBe(400);
    expect(summaryOf(long.body)).toEqual([
      [expect.stringMatching(/^Owner: “x+…” is longer than 200 characters\.$/), '#acknowledge-ownerName'],
    ]);
    expect(getByLabelText(parsePage(long.body), 'Owner').getAttribute('value')).toBe('x'.repeat(201));
  });

  it('refuses an action it does not know, saying which', async () => {
    const odd = await officer.post(caseUrls.actions(ashford), { action: 'open', reason: 'again' });
    expect(odd.statusCode).toBe(400);
    expect(textOf(getByRole(parsePage(odd.body), 'main'))).toContain('Action: “open” is not one a person takes on a case');
  });
});

describe('who may act', () => {
  it('shows no forms to another council’s officer (Carlow), nor to a signed-out visitor, and refuses their forms', async () => {
    const { browser: carlow } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: CARLOW.bodyId });
    expect(await buttonsOf(carlow, ashford)).toEqual([]);
    const refused = await carlow.post(caseUrls.actions(ashford), { action: 'acknowledge', ownerName: 'Us' });
    expect(refused.statusCode).toBe(403);
    const visitor = new Browser(t.app);
    expect(await buttonsOf(visitor, ashford)).toEqual([]);
    const signedOut = await visitor.post(caseUrls.actions(ashford), { action: 'acknowledge', ownerName: 'Us' });
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toMatch(/sign-in/);
    expect(await stateOf(ashford)).toMatchObject({ state: 'open', ownerName: null });
  });

  it('refuses the council’s officer rung 3, which an assessor may take', async () => {
    await actOnCase(db(), cliActor(), ashford, { action: 'escalate', reason: 'No better' }, { clock: t.clock });
    const refused = await officer.post(caseUrls.actions(ashford), { action: 'escalate', reason: 'Still no better' });
    expect(refused.statusCode).toBe(403);
    const { browser: assessor } = await signInWithRole(t.app, db(), 'assessor');
    expect(await buttonsOf(assessor, ashford)).toContain('Escalate to rung 3');
    const up = await sendForm(assessor, caseUrls.case(ashford), 'Escalate to rung 3', { reason: 'Intervention needed' });
    expect(up.statusCode).toBe(303);
    expect(await stateOf(ashford)).toMatchObject({ rung: 3 });
    expect(await buttonsOf(officer, ashford)).toEqual([]);
  });

  it('refuses a form without its token', async () => {
    const forged = await sendForm(
      officer,
      caseUrls.case(ashford),
      'Acknowledge the case',
      { ownerName: 'Us' },
      { withoutCsrf: true },
    );
    expect(forged.statusCode).toBe(403);
    expect(await stateOf(ashford)).toMatchObject({ ownerName: null });
  });
});
