import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { freshDatabase } from '../../../../test/support/database.ts';
import { actorFor, personWithRole } from '../../../../test/support/accounts-factories.ts';
import type { Actor } from '../../accounts/index.ts';
import {
  assuranceClock,
  COUNCILS,
  jsonFile,
  partnershipFile,
  POLICE,
  seedAssuranceWorld,
  seedCase,
} from '../../../../test/support/assurance-factories.ts';
import { cliActor } from '../../accounts/index.ts';
import { listAuditEvents } from '../../audit/index.ts';
import {
  changePartnershipMembers,
  createPartnership,
  getPartnership,
  getPeerReview,
  importPartnerships,
  linkPeerReviewToCase,
  listPartnerships,
  recordPeerReview,
  updatePeerReviewFollowUp,
} from './index.ts';

let handle: DatabaseHandle;
let db: Executor;
const clock = assuranceClock();
const { trafford, stockport, bury } = COUNCILS;
let traffordLead: Actor;
let buryLead: Actor;
let stockportOfficer: Actor;

const pair = {
  id: 'south-manchester',
  name: 'South Manchester Improvement Partnership',
  description: 'Trafford and Stockport.',
  formedOn: '2025-02-01',
  memberBodyIds: [trafford.id, stockport.id],
};
const review = {
  partnershipId: pair.id,
  reviewedBodyId: trafford.id,
  reviewerBodyIds: [stockport.id],
  reviewedOn: '2025-04-02',
  scope: 'Adult social care',
  findings: 'Delayed transfers are high.',
  recommendations: 'Joint discharge team with the NHS.',
};

beforeEach(async () => {
  handle = await freshDatabase();
  db = handle.db;
  await seedAssuranceWorld(db);
  traffordLead = (await personWithRole(db, 'performance_officer', { bodyId: trafford.id })).actor;
  buryLead = (await personWithRole(db, 'councillor_executive', { bodyId: bury.id })).actor;
  stockportOfficer = (await personWithRole(db, 'performance_officer', { bodyId: stockport.id })).actor;
});
afterEach(async () => handle.close());

async function rejection(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => undefined,
    (e: unknown) => e,
  );
}
const detailsOf = (e: unknown) => (e as ValidationError).details;
const countRows = async (table: 'improvement_partnership' | 'peer_review' | 'partnership_member' | 'case_peer_review') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('improvement partnerships', () => {
  it('are formed by a member council’s lead, change members with reasons, and keep those who left', async () => {
    const formed = await createPartnership(db, traffordLead, pair, { clock });
    expect(formed).toMatchObject({ id: pair.id, formedOn: '2025-02-01' });
    expect(formed.memberBodyIds.sort()).toEqual([stockport.id, trafford.id]);
    const changed = await changePartnershipMembers(
      db,
      traffordLead,
      pair.id,
      { add: [bury.id], remove: [stockport.id], reason: 'Bury joins; Stockport leads another' },
      { clock },
    );
    expect(changed.memberBodyIds.sort()).toEqual([bury.id, trafford.id].sort());
    const detail = await getPartnership(db, pair.id);
    expect(detail?.members.map((m) => [m.name, m.leftAt === null])).toEqual([
      ['Bury Council', true],
      ['Trafford Council', true],
      ['Stockport Council', false],
    ]);
    expect((await listPartnerships(db)).map((p) => [p.id, p.memberNames])).toEqual([
      [pair.id, ['Bury Council', 'Trafford Council']],
    ]);
    const events = await listAuditEvents(
      db,
      { subject: { kind: 'improvement_partnership', id: pair.id } },
      { limit: 10, offset: 0 },
    );
    expect(events.items.map((e) => e.action).sort()).toEqual(['partnership.create', 'partnership.members']);
  });

  it.each([
    ['one council', { memberBodyIds: [trafford.id] }, 'memberBodyIds', 'at least two councils'],
    ['a body that is not a council', { memberBodyIds: [trafford.id, POLICE] }, 'memberBodyIds[1]', 'not a council'],
    ['an unknown council', { memberBodyIds: [trafford.id, 'E08000099'] }, 'memberBodyIds[1]', 'no council "E08000099"'],
    ['a council twice', { memberBodyIds: [trafford.id, trafford.id] }, 'memberBodyIds[1]', 'is given twice'],
    ['an id that is not a slug', { id: 'South Manchester' }, 'id', 'lower-case letters and digits'],
    ['a date that is not one', { formedOn: '2025-02-30' }, 'formedOn', 'is not a date'],
    ['a date in the future', { formedOn: '2026-01-01' }, 'formedOn', 'must not be after today (2025-06-01)'],
    ['no name', { name: '' }, 'name', 'is required'],
  ])('refuse to be formed with %s, saying where', async (_name, change, field, reason) => {
    const e = await rejection(createPartnership(db, cliActor(), { ...pair, ...change }, { clock }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(detailsOf(e).find((d) => d.field === field)?.reason).toContain(reason);
    expect(await countRows('improvement_partnership')).toBe(0);
  });

  it('refuse a second partnership with the same id, a lead of a council outside it, and changes that leave fewer than two', async () => {
    await createPartnership(db, traffordLead, pair, { clock });
    expect(detailsOf(await rejection(createPartnership(db, traffordLead, pair, { clock })))[0]?.reason).toContain(
      'already recorded',
    );
    expect(await rejection(createPartnership(db, buryLead, { ...pair, id: 'other' }, { clock }))).toBeInstanceOf(ForbiddenError);
    expect(
      await rejection(changePartnershipMembers(db, buryLead, pair.id, { add: [bury.id], reason: 'joining' }, { clock })),
    ).toBeInstanceOf(ForbiddenError);
    const tooFew = await rejection(
      changePartnershipMembers(db, traffordLead, pair.id, { remove: [stockport.id], reason: 'leaving' }, { clock }),
    );
    expect(detailsOf(tooFew)[0]).toMatchObject({ field: 'remove', reason: expect.stringContaining('at least two councils') });
    const noReason = await rejection(
      changePartnershipMembers(db, traffordLead, pair.id, { add: [bury.id], reason: '' }, { clock }),
    );
    expect(detailsOf(noReason)[0]).toMatchObject({ field: 'reason', reason: 'is required' });
    const notMember = await rejection(
      changePartnershipMembers(db, traffordLead, pair.id, { remove: [bury.id], reason: 'x' }, { clock }),
    );
    expect(detailsOf(notMember)[0]).toMatchObject({ field: 'remove[0]', value: bury.id, reason: 'is not a member' });
    expect((await getPartnership(db, pair.id))?.memberBodyIds.sort()).toEqual([stockport.id, trafford.id]);
    expect(
      await rejection(changePartnershipMembers(db, cliActor(), 'nowhere', { add: [bury.id], reason: 'x' }, { clock })),
    ).toBeInstanceOf(NotFoundError);
  });
});

describe('peer reviews', () => {
  beforeEach(async () => {
    await createPartnership(db, cliActor(), { ...pair, memberBodyIds: [trafford.id, stockport.id, bury.id] }, { clock });
  });

  it('are recorded by a member’s lead, followed up, and shown with names on the partnership’s page', async () => {
    const recorded = await recordPeerReview(db, stockportOfficer, review, { clock });
    expect(recorded).toMatchObject({
      ...review,
      followUp: null,
      caseIds: [],
      createdBy: stockportOfficer.kind === 'person' ? stockportOfficer.displayName : '',
    });
    const followed = await updatePeerReviewFollowUp(db, buryLead, recorded.id, { followUp: 'Team formed in May.' }, { clock });
    expect(followed.followUp).toBe('Team formed in May.');
    const same = await rejection(
      updatePeerReviewFollowUp(db, buryLead, recorded.id, { followUp: 'Team formed in May.' }, { clock }),
    );
    expect(detailsOf(same)[0]?.reason).toContain('nothing would change');
    const detail = await getPeerReview(db, recorded.id);
    expect(detail).toMatchObject({
      reviewedBodyName: 'Trafford Council',
      reviewerNames: ['Stockport Council'],
      partnershipName: pair.name,
    });
    expect((await getPartnership(db, pair.id))?.peerReviews.map((v) => v.id)).toEqual([recorded.id]);
    const actions = (
      await listAuditEvents(db, { subject: { kind: 'peer_review', id: String(recorded.id) } }, { limit: 10, offset: 0 })
    ).items.map((e) => e.action);
    expect(actions.sort()).toEqual(['peer_review.follow_up', 'peer_review.record']);
  });

  it.each([
    ['a reviewed council outside the partnership', { reviewedBodyId: POLICE }, 'reviewedBodyId', 'is not a member'],
    [
      'the reviewed council among its reviewers',
      { reviewerBodyIds: [trafford.id, stockport.id] },
      'reviewerBodyIds[0]',
      'does not review itself',
    ],
    ['a reviewer outside the partnership', { reviewerBodyIds: ['E08000099'] }, 'reviewerBodyIds[0]', 'is not a member'],
    ['no reviewers', { reviewerBodyIds: [] }, 'reviewerBodyIds', 'at least one reviewing council'],
    ['no scope', { scope: '' }, 'scope', 'is required'],
    ['no findings', { findings: undefined }, 'findings', 'is required'],
    ['no recommendations', { recommendations: ' ' }, 'recommendations', 'is required'],
    ['a date after today', { reviewedOn: '2025-07-01' }, 'reviewedOn', 'must not be after today'],
  ])('are refused with %s, saying where', async (_name, change, field, reason) => {
    const e = await rejection(recordPeerReview(db, cliActor(), { ...review, ...change }, { clock }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(detailsOf(e).find((d) => d.field === field)?.reason).toContain(reason);
    expect(await countRows('peer_review')).toBe(0);
  });

  it('are refused to those outside the partnership and for a partnership not recorded', async () => {
    const outsider = actorFor('performance_officer', { bodyId: 'another-council' });
    expect(await rejection(recordPeerReview(db, outsider, review, { clock }))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(recordPeerReview(db, cliActor(), { ...review, partnershipId: 'nowhere' }, { clock }))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('link to the reviewed council’s case only while it is open on rung 2, and show on its timeline', async () => {
    const id = (await recordPeerReview(db, cliActor(), review, { clock })).id;
    const rung1 = await seedCase(db, { bodyId: trafford.id, areaCode: trafford.area, rung: 1 });
    const rung2 = await seedCase(db, { bodyId: trafford.id, areaCode: trafford.area, rung: 2, state: 'acknowledged' });
    const closed = await seedCase(db, { bodyId: trafford.id, areaCode: trafford.area, rung: 2, state: 'closed' });
    const stockportCase = await seedCase(db, { bodyId: stockport.id, areaCode: stockport.area, rung: 2 });
    const refused = async (caseId: number) =>
      rejection(linkPeerReviewToCase(db, traffordLead, { peerReviewId: id, caseId }, { clock }));
    expect(((await refused(rung1)) as Error).message).toContain('on rung 1, not rung 2');
    expect(((await refused(closed)) as Error).message).toContain('the case is closed');
    expect(((await refused(stockportCase)) as Error).message).toContain(`concerns ${stockport.id}`);
    for (const missing of [999, 1e12]) expect(await refused(missing)).toBeInstanceOf(NotFoundError);
    expect(await getPeerReview(db, 1e12)).toBeUndefined();
    expect(await countRows('case_peer_review')).toBe(0);

    const linked = await linkPeerReviewToCase(db, traffordLead, { peerReviewId: id, caseId: rung2 }, { clock });
    expect(linked.caseIds).toEqual([rung2]);
    expect(await refused(rung2)).toBeInstanceOf(ConflictError);
    const events = await db.selectFrom('case_event').selectAll().where('case_id', '=', rung2).execute();
    expect(events.map((e) => [e.action, e.to_state, Number(e.to_rung), JSON.parse(e.detail)])).toEqual([
      ['add_evidence', 'acknowledged', 2, { peerReviewId: id }],
    ]);
    expect((await getPartnership(db, pair.id))?.cases).toMatchObject([{ id: rung2, open: true, peerReviewIds: [id] }]);
    expect((await getPeerReview(db, id))?.cases.map((c) => c.id)).toEqual([rung2]);
  });

  it('link only for those who may act on the case or record the partnership’s reviews', async () => {
    const id = (await recordPeerReview(db, cliActor(), review, { clock })).id;
    const caseId = await seedCase(db, { bodyId: trafford.id, areaCode: trafford.area, rung: 2 });
    const stranger = actorFor('performance_officer', { bodyId: 'another-council' });
    expect(await rejection(linkPeerReviewToCase(db, stranger, { peerReviewId: id, caseId }, { clock }))).toBeInstanceOf(
      ForbiddenError,
    );
    // a reviewing council's lead may link, though it may not act on Trafford's case
    await linkPeerReviewToCase(db, buryLead, { peerReviewId: id, caseId }, { clock });
    expect(await countRows('case_peer_review')).toBe(1);
  });
});

describe('importing partnerships', () => {
  it('records partnerships and reviews, and the same file again changes nothing', async () => {
    const first = await importPartnerships(db, jsonFile(partnershipFile()), { clock, actor: cliActor() });
    expect(first).toEqual({
      fileName: 'partnerships.json',
      changed: true,
      partnerships: [
        { id: 'greater-manchester-improvement', outcome: 'created', peerReviews: { created: 1, changed: 0, unchanged: 0 } },
      ],
    });
    const again = await importPartnerships(db, jsonFile(partnershipFile()), { clock, actor: cliActor() });
    expect(again.changed).toBe(false);
    expect(again.partnerships[0]).toMatchObject({ outcome: 'unchanged', peerReviews: { created: 0, changed: 0, unchanged: 1 } });
    const changed = await importPartnerships(db, jsonFile(partnershipFile({ followUp: 'Trial extended.' })), {
      clock,
      actor: cliActor(),
    });
    expect(changed.partnerships[0]).toMatchObject({
      outcome: 'unchanged',
      peerReviews: { created: 0, changed: 1, unchanged: 0 },
    });
    expect(await countRows('peer_review')).toBe(1);
    expect((await getPartnership(db, 'greater-manchester-improvement'))?.peerReviews[0]?.followUp).toBe('Trial extended.');
  });

  it('takes the file’s members: a council left out leaves, keeping its row with the date', async () => {
    await importPartnerships(db, jsonFile(partnershipFile()), { clock, actor: cliActor() });
    const smaller = partnershipFile({ members: [trafford.id, stockport.id] });
    smaller.partnerships[0]!.peerReviews[0]!.reviewerBodyIds = [stockport.id];
    const report = await importPartnerships(db, jsonFile(smaller), { clock, actor: cliActor() });
    expect(report.partnerships[0]).toMatchObject({ outcome: 'changed', peerReviews: { changed: 1 } });
    const members = (await getPartnership(db, 'greater-manchester-improvement'))?.members;
    expect(members?.map((m) => [m.bodyId, m.leftAt])).toEqual([
      [stockport.id, null],
      [trafford.id, null],
      [bury.id, '2025-06-01T09:00:00.000Z'],
    ]);
    const entries = await rejection(importPartnerships(db, jsonFile({ partnerships: [42] }), { clock, actor: cliActor() }));
    expect(detailsOf(entries)).toEqual([{ field: 'partnerships[0]', value: 42, reason: 'must be an object' }]);
  });

  it('checks the whole file first and names each problem by its JSON path', async () => {
    const file = partnershipFile({ members: [COUNCILS.trafford.id, COUNCILS.stockport.id, 'E08000099'] });
    file.partnerships[0]!.peerReviews[0]!.reviewerBodyIds = [bury.id];
    const e = await rejection(importPartnerships(db, jsonFile(file), { clock, actor: cliActor() }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(detailsOf(e)).toEqual([
      { field: 'partnerships[0].members[2]', value: 'E08000099', reason: 'no council "E08000099"' },
      {
        field: 'partnerships[0].peerReviews[0].reviewerBodyIds[0]',
        value: bury.id,
        reason: 'is not a member of Greater Manchester Improvement Partnership',
      },
    ]);
    expect(await countRows('improvement_partnership')).toBe(0);
    const notJson = await rejection(importPartnerships(db, { name: 'p.json', content: '{ nope' }, { clock, actor: cliActor() }));
    expect((notJson as Error).message).toContain('p.json is not JSON');
    const noList = await rejection(importPartnerships(db, jsonFile({ partnership: [] }), { clock, actor: cliActor() }));
    expect(detailsOf(noList)[0]?.field).toBe('partnerships');
  });

  it('is refused to a council lead for a partnership of others', async () => {
    const file = partnershipFile({ members: [stockport.id, bury.id] });
    file.partnerships[0]!.peerReviews = [];
    const e = await rejection(importPartnerships(db, jsonFile(file), { clock, actor: traffordLead }));
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(await countRows('partnership_member')).toBe(0);
  });
});
