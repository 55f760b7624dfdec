import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Browser, signInWithRole } from '../../../../../../test/support/accounts-web.ts';
import { COUNCILS } from '../../../../../../test/support/assurance-factories.ts';
import { assurancePagesApp, type AssuranceWorld } from '../../../../../../test/support/assurance-web.ts';
import { sendForm } from '../../../../../../test/support/form-web.ts';
import { getByLabelText, getByRole, parsePage, queryAllByRole, textOf } from '../../../../../../test/support/site-dom.ts';
import { follow } from '../../../../../../test/support/submission-web.ts';
import { cliActor } from '../../../../accounts/index.ts';
import { fileSelfAssessment, listSelfAssessments } from '../../../assurance/index.ts';
import { assuranceUrls } from '../urls.ts';

let t: AssuranceWorld;
const db = () => t.database.db;

beforeEach(async () => {
  t = await assurancePagesApp({ partnerships: false });
});
afterEach(async () => t.close());

const summaryOf = (html: string) =>
  queryAllByRole(getByRole(parsePage(html), 'alert'), 'link').map((a) => [textOf(a), a.getAttribute('href')]);
const rowsOf = (html: string, caption: RegExp) =>
  queryAllByRole(getByRole(parsePage(html), 'table', { name: caption }), 'row')
    .slice(1)
    .map((r) => r.querySelectorAll('th,td').map((c) => textOf(c)));

const FILING = {
  bodyId: COUNCILS.trafford.id,
  theme: 'local_services',
  grade: 'performing_adequately',
  summary: 'Recycling has fallen two years running.',
  evidence: 'The recycling rate, and the peer review of March.',
};

async function filed(overrides: Partial<typeof FILING> = {}): Promise<number> {
  return (await fileSelfAssessment(db(), cliActor(), { ...FILING, ...overrides }, { clock: t.clock })).id;
}

describe('the inspection page', () => {
  it('shows the schedule soonest first, the ten principles and the self-assessments with filters', async () => {
    await filed();
    const id = await filed({ bodyId: COUNCILS.stockport.id, theme: 'adult_social_care_health', grade: 'performing_well' });
    const { browser: assessor } = await signInWithRole(t.app, db(), 'assessor');
    await assessor.post(assuranceUrls.respondToSelfAssessment(id), { verdict: 'agreed', response: '' });

    const { document, response } = await new Browser(t.app).get(assuranceUrls.inspection());
    expect(response.statusCode).toBe(200);
    const schedule = rowsOf(response.body, /The inspection schedule/);
    expect(schedule.map((r) => r.slice(0, 5))).toEqual([
      ['Trafford Council', 'High risk', '68.3', '1 December 2025', 'Every theme'],
      ['Stockport Council', 'Low risk', '0', '1 June 2028', 'Reliance on self-assessment'],
    ]);
    const headings = queryAllByRole(document, 'heading', { level: 3 }).map(textOf);
    expect(headings).toHaveLength(10);
    expect(headings[6]).toBe('Disclose the criteria used for judgement.');
    expect(textOf(getByRole(document, 'main'))).toContain(
      'The risk formula, its weights and bands are published beside each score',
    );

    expect(rowsOf(response.body, /Self-assessments \(2 self-assessments\)/).map((r) => [r[1], r[4]])).toEqual([
      ['Adult social care and health', 'Agreed by an assessor'],
      ['Local services', 'Awaiting an assessor'],
    ]);
    const challenged = await new Browser(t.app).get(assuranceUrls.inspection({ state: 'filed' }));
    expect(rowsOf(challenged.response.body, /Self-assessments \(1 of 2/).map((r) => r[0])).toEqual([
      expect.stringContaining('Trafford Council'),
    ]);
    const byCouncil = await new Browser(t.app).get(
      assuranceUrls.inspection({ body: COUNCILS.stockport.id, theme: 'local_services' }),
    );
    expect(textOf(getByRole(byCouncil.document, 'main'))).toContain('No self-assessment matches');
    // nobody signed out is offered the form
    expect(queryAllByRole(document, 'link', { name: 'File a self-assessment' })).toEqual([]);
  });
});

describe('filing a self-assessment', () => {
  it('is offered to the council’s officers, says what is wrong by field keeping what was typed, and files it', async () => {
    const { browser: officer } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: COUNCILS.trafford.id });
    const page = await officer.get(assuranceUrls.inspection());
    expect(getByRole(page.document, 'link', { name: 'File a self-assessment' }).getAttribute('href')).toBe(
      assuranceUrls.newSelfAssessment(),
    );
    const form = await officer.get(assuranceUrls.newSelfAssessment());
    // the one council they may file for is chosen already
    expect(
      getByLabelText(form.document, 'Council')
        .querySelectorAll('option')
        .map((o) => o.getAttribute('value')),
    ).toEqual([COUNCILS.trafford.id]);

    const bad = await sendForm(officer, assuranceUrls.newSelfAssessment(), 'File the self-assessment', {
      summary: 'Recycling fell.',
    });
    expect(bad.statusCode).toBe(400);
    expect(summaryOf(bad.body)).toEqual([
      [
        'Theme is required: one of local_services, justice_community_safety, adult_social_care_health, children_education_skills.',
        '#theme',
      ],
      ['Grade is required: one of performing_strongly, performing_well, performing_adequately, performing_poorly.', '#grade'],
      ['Evidence is required.', '#evidence'],
    ]);
    expect(getByLabelText(parsePage(bad.body), 'Summary').text).toBe('Recycling fell.');

    const made = await sendForm(officer, assuranceUrls.newSelfAssessment(), 'File the self-assessment', FILING);
    expect(made.statusCode).toBe(303);
    const [saved] = await listSelfAssessments(db());
    expect(made.headers.location).toBe(assuranceUrls.selfAssessment(saved!.id, { done: 'self-assessment-filed' }));
    const shown = await follow(officer, made);
    const main = textOf(getByRole(shown.document, 'main'));
    expect(main).toContain('The self-assessment has been filed.');
    expect(main).toContain('Recycling has fallen two years running.');
    expect(main).toContain('An assessor has not answered it yet.');
    // an officer is not offered the assessor's form
    expect(queryAllByRole(shown.document, 'button', { name: 'Send the answer' })).toEqual([]);
  });

  it('is refused to another council’s officer, to a councillor, and to a form without its token', async () => {
    const { browser: other } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: COUNCILS.stockport.id });
    expect((await other.post(assuranceUrls.newSelfAssessment(), FILING)).statusCode).toBe(403);
    const { browser: councillor } = await signInWithRole(t.app, db(), 'councillor_executive', { bodyId: COUNCILS.trafford.id });
    expect((await councillor.get(assuranceUrls.newSelfAssessment())).response.statusCode).toBe(403);
    const { browser: officer } = await signInWithRole(t.app, db(), 'performance_officer', { bodyId: COUNCILS.trafford.id });
    const forged = await sendForm(officer, assuranceUrls.newSelfAssessment(), 'File the self-assessment', FILING, {
      withoutCsrf: true,
    });
    expect(forged.statusCode).toBe(403);
    expect(await listSelfAssessments(db())).toEqual([]);
  });
});

describe('answering a self-assessment', () => {
  it('gives assessors the form; a challenge needs reasons; the answer is published and cannot be given twice', async () => {
    const id = await filed();
    const { browser: assessor, made } = await signInWithRole(t.app, db(), 'assessor');
    const noReasons = await sendForm(assessor, assuranceUrls.selfAssessment(id), 'Send the answer', { verdict: 'challenged' });
    expect(noReasons.statusCode).toBe(400);
    expect(summaryOf(noReasons.body)).toEqual([['Your reasons is required.', '#response']]);
    expect(getByLabelText(parsePage(noReasons.body), 'Challenge it').hasAttribute('checked')).toBe(true);

    const answered = await sendForm(assessor, assuranceUrls.selfAssessment(id), 'Send the answer', {
      verdict: 'challenged',
      response: 'The evidence leaves out the fall in garden waste.',
    });
    expect(answered.statusCode).toBe(303);
    const page = await follow(assessor, answered);
    const main = textOf(getByRole(page.document, 'main'));
    expect(main).toContain('An assessor challenged the self-assessment. (1 June 2025)');
    expect(main).toContain('The evidence leaves out the fall in garden waste.');
    expect(queryAllByRole(page.document, 'button', { name: 'Send the answer' })).toEqual([]);
    // the public page names no one
    expect((await new Browser(t.app).get(assuranceUrls.selfAssessment(id))).response.body).not.toContain(made.person.displayName);

    const again = await assessor.post(assuranceUrls.respondToSelfAssessment(id), { verdict: 'agreed' });
    expect(again.statusCode).toBe(409);
    expect(summaryOf(again.body)[0]?.[0]).toMatch(/is challenged already/);
  });

  it('is refused to an administrator and to the council’s officer, and a self-assessment that does not exist is not found', async () => {
    const id = await filed();
    const { browser: admin } = await signInWithRole(t.app, db(), 'administrator');
    expect(
      queryAllByRole((await admin.get(assuranceUrls.selfAssessment(id))).document, 'button', { name: 'Send the answer' }),
    ).toEqual([]);
    expect((await admin.post(assuranceUrls.respondToSelfAssessment(id), { verdict: 'agreed' })).statusCode).toBe(403);
    expect((await new Browser(t.app).get(assuranceUrls.selfAssessment(999))).response.statusCode).toBe(404);
    expect((await new Browser(t.app).get('/inspection/self-assessments/abc')).response.statusCode).toBe(404);
    expect((await listSelfAssessments(db()))[0]?.state).toBe('filed');
  });
});
