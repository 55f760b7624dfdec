import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshApp, type TestApp } from '../../../../../test/support/app.ts';
import { Browser, signInWithRole } from '../../../../../test/support/accounts-web.ts';
import { getByLabelText, getByRole, parsePage, queryAllByRole, textOf } from '../../../../../test/support/site-dom.ts';
import { seedSubmissionWorld, TRAFFORD, traffordStreetsFile } from '../../../../../test/support/submission-factories.ts';
import { auditForBody } from '../../../audit/index.ts';
import { createSubmission, selfApprovalAllowed, submitSubmission } from '../../index.ts';
import { DEFAULT_RULES_FORM_LIMIT } from '../deps.ts';
import { dataUrls } from '../urls.ts';

let t: TestApp;
const db = () => t.database.db;
const REASON = 'One officer until the new post is filled';

beforeEach(async () => {
  t = await freshApp('2025-06-01T09:00:00.000Z');
  await seedSubmissionWorld(db());
});
afterEach(async () => t.close());

const signedIn = (role: Parameters<typeof signInWithRole>[2], bodyId: string | null = TRAFFORD) =>
  signInWithRole(t.app, db(), role, { bodyId });
const summaryOf = async (browser: Browser) =>
  textOf(getByRole((await browser.get(dataUrls.submissionRules(TRAFFORD))).document, 'main'));
const ruleEvents = async () => (await auditForBody(db(), TRAFFORD, { action: 'submission_rules' })).items;

describe('who may approve a body’s submissions', () => {
  it('is shown to the body’s officer, who is told only an administrator changes it', async () => {
    const { browser } = await signedIn('performance_officer');
    const { response, document } = await browser.get(dataUrls.submissionRules(TRAFFORD));
    expect(response.statusCode).toBe(200);
    const main = getByRole(document, 'main');
    expect(textOf(getByRole(main, 'heading', { level: 1 }))).toBe('Trafford Council');
    expect(textOf(main)).toContain('Another officer of Trafford Council: not the person who uploaded or submitted the figures');
    expect(textOf(main)).toContain('Never: this is the rule every body starts with');
    expect(textOf(main)).toContain('Only an administrator can change this rule');
    expect(queryAllByRole(main, 'button')).toEqual([]);
    expect(getByRole(main, 'link', { name: 'Every change of this rule, in the audit log' }).getAttribute('href')).toBe(
      `/bodies/${TRAFFORD}/audit?action=submission_rules`,
    );

    const refused = await browser.post(dataUrls.submissionRules(TRAFFORD), { selfApproval: 'allow', reason: REASON });
    expect(refused.statusCode).toBe(403);
    expect(await selfApprovalAllowed(db(), TRAFFORD)).toBe(false);
  });

  it('lets an administrator change it with a reason, shown on the page and kept in the audit log', async () => {
    const { browser } = await signedIn('administrator', null);
    const { document } = await browser.get(dataUrls.submissionRules(TRAFFORD));
    expect(getByLabelText(document, 'Another officer must approve').hasAttribute('checked')).toBe(true);

    const saved = await browser.submit(dataUrls.submissionRules(TRAFFORD), 'Save the rule', {
      selfApproval: 'allow',
      reason: REASON,
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(dataUrls.submissionRules(TRAFFORD, { done: 'rules-set' }));
    const after = await browser.get(String(saved.headers.location));
    const main = textOf(getByRole(after.document, 'main'));
    expect(main).toContain('The rule has been changed. The reason is kept in the audit log.');
    expect(main).toContain('Any officer of Trafford Council, including the person who uploaded or submitted the figures');
    expect(main).toContain(`Reason given ${REASON}`);
    expect(getByLabelText(after.document, 'The person who uploaded or submitted may approve').hasAttribute('checked')).toBe(true);
    expect(await selfApprovalAllowed(db(), TRAFFORD)).toBe(true);
    expect((await ruleEvents()).map((e) => e.after)).toEqual([{ selfApprovalAllowed: true, reason: REASON }]);

    const same = await browser.post(dataUrls.submissionRules(TRAFFORD), { selfApproval: 'allow', reason: 'Again' });
    expect(same.headers.location).toBe(dataUrls.submissionRules(TRAFFORD, { done: 'rules-unchanged' }));
    expect(textOf(getByRole((await browser.get(String(same.headers.location))).document, 'main'))).toContain(
      'Nothing was changed: the body already had this rule.',
    );
    expect(await ruleEvents()).toHaveLength(1);

    // the body's officer now reads the new rule and why
    const { browser: officer } = await signedIn('performance_officer');
    expect(await summaryOf(officer)).toContain(`Reason given ${REASON}`);
  });

  it('says what is wrong with the form, field by field, and changes nothing', async () => {
    const { browser } = await signedIn('administrator', null);
    const empty = await browser.post(dataUrls.submissionRules(TRAFFORD), { reason: ' ' });
    expect(empty.statusCode).toBe(400);
    const alert = getByRole(parsePage(empty.body), 'alert');
    expect(
      getByRole(alert, 'link', {
        name: 'Choose whether the person who uploaded or submitted figures may approve them',
      }).getAttribute('href'),
    ).toBe('#selfApproval');
    expect(getByRole(alert, 'link', { name: 'Enter why the rule is changing' }).getAttribute('href')).toBe('#reason');

    const long = await browser.post(dataUrls.submissionRules(TRAFFORD), { selfApproval: 'allow', reason: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    getByRole(getByRole(parsePage(long.body), 'alert'), 'link', { name: 'The reason must be 500 characters or fewer' });
    const odd = await browser.post(dataUrls.submissionRules(TRAFFORD), { selfApproval: 'sometimes', reason: REASON });
    expect(odd.statusCode).toBe(400);
    expect(await selfApprovalAllowed(db(), TRAFFORD)).toBe(false);
    expect(await ruleEvents()).toEqual([]);
  });

  it('refuses a form without its token, people of other bodies, unknown bodies and anyone not signed in', async () => {
    const { browser: admin } = await signedIn('administrator', null);
    expect(
      (await admin.post(dataUrls.submissionRules(TRAFFORD), { selfApproval: 'allow', reason: REASON, _csrf: 'forged' }))
        .statusCode,
    ).toBe(403);
    expect((await admin.get(dataUrls.submissionRules('nowhere'))).response.statusCode).toBe(404);
    expect((await admin.post(dataUrls.submissionRules('nowhere'), { selfApproval: 'allow', reason: REASON })).statusCode).toBe(
      404,
    );
    const { browser: stockport } = await signedIn('performance_officer', 'stockport-council');
    expect((await stockport.get(dataUrls.submissionRules(TRAFFORD))).response.statusCode).toBe(403);
    const anonymous = new Browser(t.app);
    expect((await anonymous.request('GET', dataUrls.submissionRules(TRAFFORD))).headers.location).toMatch(/^\/account\/sign-in/);
    expect(
      (await anonymous.request('POST', dataUrls.submissionRules(TRAFFORD), { selfApproval: 'allow', reason: REASON })).headers
        .location,
    ).toMatch(/^\/account\/sign-in/);
    expect(await selfApprovalAllowed(db(), TRAFFORD)).toBe(false);
  });

  it('answers 429 with a clear page once the form is sent too often', async () => {
    const { browser } = await signedIn('administrator', null);
    for (let i = 0; i < DEFAULT_RULES_FORM_LIMIT.perAddress.max; i++) {
      const selfApproval = i % 2 === 0 ? 'allow' : 'forbid';
      expect((await browser.post(dataUrls.submissionRules(TRAFFORD), { selfApproval, reason: `Change ${i}` })).statusCode).toBe(
        303,
      );
    }
    const refused = await browser.post(dataUrls.submissionRules(TRAFFORD), { selfApproval: 'allow', reason: 'Once more' });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(textOf(getByRole(parsePage(refused.body), 'heading', { level: 1 }))).toBe('Too many attempts');
    expect(await ruleEvents()).toHaveLength(DEFAULT_RULES_FORM_LIMIT.perAddress.max);
  });
});

describe('where the rule is linked from', () => {
  it('the submission waiting for approval, the body’s submissions and its collection rounds', async () => {
    const { browser, made } = await signedIn('performance_officer');
    const draft = await createSubmission(db(), made.actor, { bodyId: TRAFFORD, file: traffordStreetsFile() }, { clock: t.clock });
    await submitSubmission(db(), made.actor, draft.id, { clock: t.clock });
    const submission = getByRole((await browser.get(dataUrls.submission(draft.id))).document, 'main');
    expect(textOf(submission)).toContain(
      'Another officer of Trafford Council must approve it: not the person who uploaded or submitted it.',
    );
    const name = 'Who may approve Trafford Council’s submissions';
    expect(getByRole(submission, 'link', { name }).getAttribute('href')).toBe(dataUrls.submissionRules(TRAFFORD));
    getByRole((await browser.get(dataUrls.submissions())).document, 'link', { name });
    getByRole((await browser.get(dataUrls.collection(TRAFFORD))).document, 'link', { name });

    const anonymous = parsePage((await new Browser(t.app).request('GET', dataUrls.collection(TRAFFORD))).body);
    expect(queryAllByRole(anonymous, 'link', { name })).toEqual([]);
  });
});
