import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Browser, signInWithRole } from '../../../../../../test/support/accounts-web.ts';
import { COUNCILS, seedCase } from '../../../../../../test/support/assurance-factories.ts';
import { assurancePagesApp, type AssuranceWorld } from '../../../../../../test/support/assurance-web.ts';
import { sendForm } from '../../../../../../test/support/form-web.ts';
import { getByLabelText, getByRole, parsePage, queryAllByRole, textOf } from '../../../../../../test/support/site-dom.ts';
import { follow } from '../../../../../../test/support/submission-web.ts';
import { getPartnership, getPeerReview, listPartnerships } from '../../../assurance/index.ts';
import { assuranceUrls } from '../urls.ts';

let t: AssuranceWorld;
const db = () => t.database.db;
const GM = 'greater-manchester-improvement';

beforeEach(async () => {
  t = await assurancePagesApp();
});
afterEach(async () => t.close());

const summaryOf = (html: string) =>
  queryAllByRole(getByRole(parsePage(html), 'alert'), 'link').map((a) => [textOf(a), a.getAttribute('href')]);
const rowsOf = (html: string, caption: RegExp) =>
  queryAllByRole(getByRole(parsePage(html), 'table', { name: caption }), 'row')
    .slice(1)
    .map((r) => r.querySelectorAll('th,td').map((c) => textOf(c)));
const officerOf = async (bodyId: string) => (await signInWithRole(t.app, db(), 'performance_officer', { bodyId })).browser;
const personOf = async (bodyId: string) => signInWithRole(t.app, db(), 'performance_officer', { bodyId });
const reviewId = async () => (await getPartnership(db(), GM))!.peerReviews[0]!.id;

describe('the partnerships pages', () => {
  it('list the partnerships and show one with its members, peer reviews and linked cases, with no forms for a visitor', async () => {
    const list = await new Browser(t.app).get(assuranceUrls.partnerships());
    expect(rowsOf(list.response.body, /Improvement partnerships/)).toEqual([
      [
        'Greater Manchester Improvement Partnership',
        '15 January 2025',
        'Bury Council, Stockport Council, Trafford Council',
        '1 peer review',
      ],
    ]);
    expect(queryAllByRole(list.document, 'link', { name: 'Form an improvement partnership' })).toEqual([]);

    const { document, response } = await new Browser(t.app).get(assuranceUrls.partnership(GM));
    expect(response.statusCode).toBe(200);
    const main = textOf(getByRole(document, 'main'));
    expect(main).toContain('Councils of Greater Manchester challenging and supporting one another.');
    expect(main).toContain('Formed on 15 January 2025.');
    expect(rowsOf(response.body, /Peer reviews by the members/)).toEqual([
      [
        '10 March 2025: peer review of Trafford Council',
        'Trafford Council',
        'Stockport Council, Bury Council',
        'Household waste and recycling',
      ],
    ]);
    expect(main).toContain('No case is linked to its peer reviews.');
    expect(queryAllByRole(document, 'link', { name: /Change the members|Record a peer review/ })).toEqual([]);
    expect((await new Browser(t.app).get(assuranceUrls.partnership('nope'))).response.statusCode).toBe(404);
  });
});

describe('forming a partnership', () => {
  it('says what is wrong by field, keeping what was typed, and forms it for a council’s officer', async () => {
    const officer = await officerOf(COUNCILS.trafford.id);
    const list = await officer.get(assuranceUrls.partnerships());
    expect(getByRole(list.document, 'link', { name: 'Form an improvement partnership' }).getAttribute('href')).toBe(
      '/partnerships/new',
    );

    const bad = await sendForm(officer, assuranceUrls.newPartnership(), 'Form the partnership', {
      id: 'Not A Slug',
      name: 'South Manchester',
      description: 'Two neighbours',
      'formedOn-day': '31',
      'formedOn-month': '2',
      'formedOn-year': '2025',
      memberBodyIds: `${COUNCILS.trafford.id}, nowhere-council`,
    });
    expect(bad.statusCode).toBe(400);
    expect(summaryOf(bad.body)).toEqual([
      ['The date it was formed must be a real date: “31 2 2025” is not one', '#formedOn-day'],
      [expect.stringMatching(/^Member councils: “nowhere-council” /), '#memberBodyIds'],
      [
        'Partnership id: “Not A Slug” must be lower-case letters and digits joined by hyphens, e.g. greater-manchester-improvement.',
        '#id',
      ],
    ]);
    expect(getByLabelText(parsePage(bad.body), 'Name').getAttribute('value')).toBe('South Manchester');

    const made = await sendForm(officer, assuranceUrls.newPartnership(), 'Form the partnership', {
      id: 'south-manchester',
      name: 'South Manchester',
      description: 'Two neighbours',
      'formedOn-day': '1',
      'formedOn-month': '4',
      'formedOn-year': '2025',
      memberBodyIds: `${COUNCILS.trafford.id}\n${COUNCILS.stockport.id}`,
    });
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe('/partnerships/south-manchester?done=partnership-created');
    const page = await follow(officer, made);
    expect(textOf(getByRole(page.document, 'main'))).toContain('The improvement partnership has been formed.');
    expect(getByRole(page.document, 'link', { name: 'Record a peer review' }).getAttribute('href')).toBe(
      '/partnerships/south-manchester/peer-reviews/new',
    );
  });

  it('is refused to an officer of a council that would not be a member, and to someone without a council', async () => {
    const stockport = await officerOf(COUNCILS.stockport.id);
    const fields = {
      id: 'two',
      name: 'Two',
      description: 'Two',
      'formedOn-day': '1',
      'formedOn-month': '4',
      'formedOn-year': '2025',
      memberBodyIds: `${COUNCILS.trafford.id},${COUNCILS.bury.id}`,
    };
    expect((await stockport.post(assuranceUrls.newPartnership(), fields)).statusCode).toBe(403);
    const { browser: assessor } = await signInWithRole(t.app, db(), 'assessor');
    expect((await assessor.get(assuranceUrls.newPartnership())).response.statusCode).toBe(403);
    expect(await listPartnerships(db())).toHaveLength(1);
  });
});

describe('changing the members', () => {
  it('adds and removes councils with a reason, and keeps what was sent when refused', async () => {
    const officer = await officerOf(COUNCILS.trafford.id);
    const page = await officer.get(assuranceUrls.partnership(GM));
    expect(getByRole(page.document, 'link', { name: 'Change the members' }).getAttribute('href')).toBe(
      `/partnerships/${GM}/members`,
    );

    const none = await sendForm(officer, assuranceUrls.partnershipMembers(GM), 'Change the members', { reason: 'Tidying' });
    expect(none.statusCode).toBe(400);
    expect(summaryOf(none.body)).toEqual([['Councils joining give councils to add or to remove: nothing would change.', '#add']]);

    const left = await sendForm(officer, assuranceUrls.partnershipMembers(GM), 'Change the members', {
      remove: [COUNCILS.bury.id],
      reason: 'Bury joined another partnership',
    });
    expect(left.statusCode).toBe(303);
    const after = await follow(officer, left);
    expect(textOf(getByRole(after.document, 'main'))).toContain('Former members: Bury Council (left 1 June 2025)');
    expect((await getPartnership(db(), GM))!.memberBodyIds.sort()).toEqual([COUNCILS.stockport.id, COUNCILS.trafford.id]);
  });
});

describe('peer reviews', () => {
  it('records one, saying what is wrong by field and keeping what was typed', async () => {
    const { browser: officer, made: person } = await personOf(COUNCILS.stockport.id);
    const url = assuranceUrls.newPeerReview(GM);
    const bad = await sendForm(officer, url, 'Record the peer review', {
      reviewedBodyId: COUNCILS.bury.id,
      reviewerBodyIds: [COUNCILS.bury.id],
      'reviewedOn-day': '1',
      'reviewedOn-month': '7',
      'reviewedOn-year': '2025',
      scope: 'Adult social care',
    });
    expect(bad.statusCode).toBe(400);
    expect(summaryOf(bad.body)).toEqual([
      ['Reviewing councils: “bury-council” is the council reviewed: a council does not review itself.', '#reviewerBodyIds'],
      [expect.stringMatching(/^Date of the review: “2025-07-01” must not be after today \(2025-06-01\)/), '#reviewedOn-day'],
      ['Findings is required.', '#findings'],
      ['Recommendations is required.', '#recommendations'],
    ]);
    expect(getByLabelText(parsePage(bad.body), 'Scope').text).toBe('Adult social care');

    const made = await sendForm(officer, url, 'Record the peer review', {
      reviewedBodyId: COUNCILS.bury.id,
      reviewerBodyIds: [COUNCILS.stockport.id, COUNCILS.trafford.id],
      'reviewedOn-day': '20',
      'reviewedOn-month': '5',
      'reviewedOn-year': '2025',
      scope: 'Adult social care',
      findings: 'Delayed transfers of care are high.',
      recommendations: 'Pool budgets with the NHS.',
    });
    expect(made.statusCode).toBe(303);
    const page = await follow(officer, made);
    const main = textOf(getByRole(page.document, 'main'));
    expect(main).toContain('The peer review has been recorded.');
    expect(main).toContain('Delayed transfers of care are high.');
    expect(main).toContain('No follow-up has been recorded yet.');
    // the public pages name no one
    expect((await new Browser(t.app).get(page.url)).response.body).not.toContain(person.person.displayName);
    expect((await new Browser(t.app).get(assuranceUrls.partnership(GM))).response.body).not.toContain(person.person.displayName);
  });

  it('updates the follow-up and links the review to the reviewed council’s case on rung 2, once', async () => {
    const id = await reviewId();
    const officer = await officerOf(COUNCILS.bury.id);
    const same = await sendForm(officer, assuranceUrls.peerReview(id), 'Save the follow-up', {});
    expect(same.statusCode).toBe(400);
    expect(summaryOf(same.body)[0]?.[0]).toMatch(
      /^Follow-up: “Food waste trial started in April\.” is the follow-up already recorded/,
    );

    const saved = await sendForm(officer, assuranceUrls.peerReview(id), 'Save the follow-up', {
      followUp: 'Food waste collected weekly from June.',
    });
    expect(saved.statusCode).toBe(303);
    expect((await getPeerReview(db(), id))!.followUp).toBe('Food waste collected weekly from June.');

    // a case of Trafford on rung 1 is not offered; the case on rung 2 is
    await seedCase(db(), { bodyId: COUNCILS.trafford.id, areaCode: COUNCILS.trafford.area, rung: 1, title: 'On rung 1' });
    const page = await officer.get(assuranceUrls.peerReview(id));
    const radios = page.document.querySelectorAll('input[name=caseId]');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual([String(t.caseId)]);

    const none = await sendForm(officer, assuranceUrls.peerReview(id), 'Link the review to the case', {});
    expect(none.statusCode).toBe(400);
    expect(summaryOf(none.body)).toEqual([['Choose the case to link the review to', '#caseId']]);

    const linked = await sendForm(officer, assuranceUrls.peerReview(id), 'Link the review to the case', {
      caseId: String(t.caseId),
    });
    expect(linked.statusCode).toBe(303);
    const after = await follow(officer, linked);
    expect(
      getByRole(after.document, 'link', { name: 'Household waste recycled: bottom quartile of comparators' }).getAttribute(
        'href',
      ),
    ).toBe(`/cases/${t.caseId}`);
    expect(textOf(getByRole(after.document, 'main'))).toContain(
      'has no open case on rung 2 (sector and partnership support) that is not linked',
    );

    const again = await officer.post(assuranceUrls.peerReviewCases(id), { caseId: String(t.caseId) });
    expect(again.statusCode).toBe(409);
    expect(summaryOf(again.body)).toEqual([['Case: “1” is linked to this review already.', '#caseId']]);
    const partnership = await officer.get(assuranceUrls.partnership(GM));
    expect(rowsOf(partnership.response.body, /Cases on the ladder/)).toEqual([
      [
        'Household waste recycled: bottom quartile of comparators',
        'Rung 2',
        'Open: awaiting an owner',
        'the review of 10 March 2025',
      ],
    ]);
  });

  it('refuses a case on another rung with the service’s words, and those outside the partnership', async () => {
    const id = await reviewId();
    const rungOne = await seedCase(db(), { bodyId: COUNCILS.trafford.id, areaCode: COUNCILS.trafford.area, rung: 1 });
    const officer = await officerOf(COUNCILS.bury.id);
    const refused = await officer.post(assuranceUrls.peerReviewCases(id), { caseId: String(rungOne) });
    expect(refused.statusCode).toBe(400);
    expect(summaryOf(refused.body)).toEqual([
      [`Case: “${rungOne}” is on rung 1: a peer review is linked to a case on rung 2.`, '#caseId'],
    ]);
    const { browser: assessor } = await signInWithRole(t.app, db(), 'assessor');
    expect((await assessor.post(assuranceUrls.peerReviewFollowUp(id), { followUp: 'Mine' })).statusCode).toBe(403);
    expect((await assessor.get(assuranceUrls.newPeerReview(GM))).response.statusCode).toBe(403);
    expect((await new Browser(t.app).get(assuranceUrls.peerReview(999))).response.statusCode).toBe(404);
    expect((await getPeerReview(db(), id))!.caseIds).toEqual([]);
  });
});
