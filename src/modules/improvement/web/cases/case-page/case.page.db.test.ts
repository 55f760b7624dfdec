import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, signInWithRole } from '../../../../../../test/support/accounts-web.ts';
import type { TestApp } from '../../../../../../test/support/app.ts';
import { ASHFORD, BARTON, casesApp, openCaseOf } from '../../../../../../test/support/case-pages-web.ts';
import { getAllByRole, getByRole, queryAllByRole, textOf } from '../../../../../../test/support/site-dom.ts';
import { accountUrls, cliActor } from '../../../../accounts/index.ts';
import { createPartnership, linkPeerReviewToCase, recordPeerReview } from '../../../assurance/index.ts';
import { actOnCase } from '../../../cases/index.ts';
import { caseUrls } from '../urls.ts';

let t: TestApp;
let ashford: number;
beforeAll(async () => {
  t = await casesApp();
  ashford = await openCaseOf(t, ASHFORD.bodyId);
});
afterAll(async () => t.close());

const visitor = () => new Browser(t.app);
const rowsOf = (table: ReturnType<typeof getByRole>) =>
  getAllByRole(table, 'row')
    .slice(1)
    .map((r) => [...queryAllByRole(r, 'cell'), ...r.querySelectorAll('th')].map(textOf));

describe('a case’s page', () => {
  it('says what the case is about, with links to its council’s cases, its area and its indicator', async () => {
    const { response, document } = await visitor().get(caseUrls.case(ashford));
    expect(response.statusCode).toBe(200);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe(
      'Ashford Council: Household waste recycled and composted (RECY)',
    );
    expect(getByRole(document, 'link', { name: 'Ashford Council' }).getAttribute('href')).toBe('/cases?body=ashford-council');
    expect(getByRole(document, 'link', { name: 'Ashford (E08000101)' }).getAttribute('href')).toBe('/areas/E08000101');
    expect(getByRole(document, 'link', { name: 'Household waste recycled and composted (RECY)' }).getAttribute('href')).toBe(
      '/indicators/RECY',
    );
    const main = textOf(getByRole(document, 'main'));
    expect(main).toContain('State Open: awaiting an owner');
    expect(main).toContain('Owner No owner named yet');
    expect(main).toContain('Deadline on this rung 30 August 2025');
  });

  it('draws the ladder as a list of the three rungs, the current one said in words', async () => {
    const { document } = await visitor().get(caseUrls.case(ashford));
    const ladder = getAllByRole(document, 'list').find((l) => textOf(l).includes('Central government engagement'))!;
    expect(queryAllByRole(ladder, 'listitem').map(textOf)).toEqual([
      'Internal performance management and scrutiny (the case is on this rung) A case entering it has 90 days to show improvement',
      'Sector and partnership support (improvement partnership, peer review) A case entering it has 120 days to show improvement',
      'Central government engagement and intervention A case entering it has 180 days to show improvement',
    ]);
  });

  it('shows each firing with its rule, version, period, sentence and evidence', async () => {
    const { document } = await visitor().get(caseUrls.case(ashford));
    const firing = getByRole(document, 'heading', { name: 'Bottom quartile of comparators: 2023/24' });
    const block = firing.parentNode;
    expect(textOf(block)).toContain('Household waste recycled and composted 17.0% in 2023/24, in the worst quarter');
    const facts = Object.fromEntries(
      block
        .querySelectorAll('.govuk-summary-list__row')
        .map((r) => [textOf(r.querySelector('dt')!), textOf(r.querySelector('dd')!)]),
    );
    expect(facts.Rule).toMatch(
      /^Version 1 of the general rule\. Fires when the council is in the worst quarter .* for 2 periods in a row\./,
    );
    expect(facts.Fired).toBe('1 June 2025 at 10:00');
    expect(facts.Latest).toBe('2023/24: value 17.0%');
    expect(facts.Group).toBe(
      'All metropolitan districts in England, 2023/24: size 8, rank 8, quartile 4, median 34.5%, worst quartile bound 30.3%, value 17.0%',
    );
    expect(getByRole(document, 'heading', { name: /^Worse than comparators and worsening/ })).toBeTruthy();
  });

  it('charts the indicator for the area beside the comparator group’s median, with the same figures in a table', async () => {
    const { document } = await visitor().get(caseUrls.case(ashford));
    expect(
      getByRole(document, 'img', { name: /^Household waste recycled and composted: Ashford and its comparator group’s median/ }),
    ).toBeTruthy();
    const table = getByRole(document, 'table', { name: /by period$/ });
    expect(rowsOf(table)).toEqual([
      ['20.0%', '', '33.0%', '2020/21'],
      ['19.0%', '', '33.5%', '2021/22'],
      ['18.0%', '', '34.0%', '2022/23'],
      ['17.0%', '', '34.5%', '2023/24'],
    ]);
  });

  it('shows the timeline of events: who, when, what, from and to, and why', async () => {
    await actOnCase(
      t.database.db,
      cliActor(),
      ashford,
      { action: 'acknowledge', ownerName: 'Head of Waste Services' },
      { clock: t.clock },
    );
    const { document } = await visitor().get(caseUrls.case(ashford));
    const rows = rowsOf(getByRole(document, 'table', { name: 'Timeline of the case, oldest first' }));
    expect(rows[0]).toEqual([
      '1 June 2025 at 10:00',
      'system: triggers',
      'Opened 2 firings of the triggers',
      'Open: awaiting an owner; rung 1',
      expect.stringContaining('Household waste recycled and composted 17.0%'),
    ]);
    expect(rows[1]!.slice(2, 4)).toEqual([
      'Acknowledged Owner: Head of Waste Services',
      'Open: awaiting an owner to Acknowledged; rung 1',
    ]);
  });

  it('offers a signed-out visitor a way to sign in, and no forms', async () => {
    const { document } = await visitor().get(caseUrls.case(ashford));
    expect(getByRole(document, 'link', { name: 'Sign in to act on this case' }).getAttribute('href')).toBe(
      accountUrls.signIn({ returnTo: caseUrls.case(ashford) }),
    );
    expect(queryAllByRole(document, 'button').map(textOf)).not.toContain('Acknowledge the case');
  });

  it('says how a closed case closed and why, with no forms even for its council', async () => {
    const barton = await openCaseOf(t, BARTON.bodyId);
    await actOnCase(
      t.database.db,
      cliActor(),
      barton,
      { action: 'close', reason: 'Counted twice with another case' },
      { clock: t.clock },
    );
    const { browser: officer } = await signInWithRole(t.app, t.database.db, 'performance_officer', { bodyId: BARTON.bodyId });
    const { document } = await officer.get(caseUrls.case(barton));
    const main = textOf(getByRole(document, 'main'));
    expect(main).toContain('The case was closed on 1 June 2025: Counted twice with another case');
    expect(main).toContain('The case was on rung 1 when it closed.');
    expect(queryAllByRole(document, 'heading', { name: 'Act on the case' })).toEqual([]);
  });

  it('links the peer reviews linked to the case while it was on rung 2', async () => {
    const db = t.database.db;
    const deps = { clock: t.clock };
    await actOnCase(db, cliActor(), ashford, { action: 'escalate', reason: 'Needs sector support' }, deps);
    await createPartnership(
      db,
      cliActor(),
      {
        id: 'test-partnership',
        name: 'Test improvement partnership',
        description: 'Councils that review one another',
        formedOn: '2025-01-01',
        memberBodyIds: [ASHFORD.bodyId, BARTON.bodyId],
      },
      deps,
    );
    const review = await recordPeerReview(
      db,
      cliActor(),
      {
        partnershipId: 'test-partnership',
        reviewedBodyId: ASHFORD.bodyId,
        reviewerBodyIds: [BARTON.bodyId],
        reviewedOn: '2025-05-20',
        scope: 'Household waste collection and recycling',
        findings: 'Collections missed',
        recommendations: 'Weekly food waste',
        followUp: null,
      },
      deps,
    );
    await linkPeerReviewToCase(db, cliActor(), { peerReviewId: review.id, caseId: ashford }, deps);
    const { document } = await visitor().get(caseUrls.case(ashford));
    expect(getByRole(document, 'link', { name: 'Peer review of 20 May 2025' }).getAttribute('href')).toBe(
      `/peer-reviews/${review.id}`,
    );
    expect(textOf(getByRole(document, 'main'))).toContain('Household waste collection and recycling');
    const timeline = rowsOf(getByRole(document, 'table', { name: 'Timeline of the case, oldest first' }));
    expect(timeline.at(-1)!.slice(2, 4)).toEqual([
      `Evidence added Peer review ${review.id} linked to the case`,
      'Open: awaiting an owner; rung 2',
    ]);
  });

  it('is not found for a case that does not exist', async () => {
    expect((await visitor().get('/cases/99999')).response.statusCode).toBe(404);
    expect((await visitor().get('/cases/abc')).response.statusCode).toBe(404);
  });
});
