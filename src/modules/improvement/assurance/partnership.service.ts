/**
 * Improvement partnerships: councils that join forces to challenge and support one another (seed
 * appendix C ch. 7). Formed by the leads of the councils it would have, with at least two councils; a
 * council that leaves keeps its row with the date it left.
 */
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction, type Executor } from '../../../platform/db/executor.ts';
import type { ProblemDetail } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../accounts/index.ts';
import { OPEN_CASE_STATES, type CaseState, type Partnership, type PeerReview, type Rung } from '../improvement.types.ts';
import { audit, partnershipSubject, recordedBy } from './assurance-audit.ts';
import { toPartnership, toPeerReview } from './assurance.mapper.ts';
import { InputReader, MAX_TEXT, objectOf, refusal } from './input.ts';
import { bodiesById, checkCouncils, MAX_SLUG, recordedPartnership, SLUG } from './partnership-check.ts';
import {
  findCaseLinks,
  findCaseRows,
  findMemberRows,
  findPartnershipRows,
  findPeerReviewRows,
  insertPartnershipRow,
  joinPartnership,
  leavePartnership,
} from './partnership.repository.ts';

export interface PartnershipInput {
  id: unknown;
  name: unknown;
  description: unknown;
  /** YYYY-MM-DD, not after today */
  formedOn: unknown;
  memberBodyIds: unknown;
}

export interface NamedMember {
  bodyId: string;
  name: string;
  joinedAt: string;
  leftAt: string | null;
}

export interface LinkedCase {
  id: number;
  title: string;
  bodyId: string;
  state: CaseState;
  rung: Rung;
  open: boolean;
  peerReviewIds: number[];
}

export interface PartnershipDetail extends Partnership {
  /** current members, then former ones (with the date they left) */
  members: NamedMember[];
  /** newest first */
  peerReviews: (PeerReview & { reviewedBodyName: string; reviewerNames: string[] })[];
  /** cases linked to its reviews */
  cases: LinkedCase[];
}

export async function createPartnership(
  db: Executor,
  actor: Actor,
  input: PartnershipInput,
  deps: { clock: Clock },
): Promise<Partnership> {
  const what = 'The improvement partnership cannot be formed';
  const problems: ProblemDetail[] = [];
  const r = new InputReader(objectOf(input, what), problems);
  r.refuseOthers(['id', 'name', 'description', 'formedOn', 'memberBodyIds']);
  const given = r.texts('memberBodyIds');
  const members = checkCouncils(r, 'memberBodyIds', given, await bodiesById(db, given));
  requirePermission(actor, 'manage_partnership', { memberBodyIds: members });
  const id = r.text('id', { required: true, max: MAX_SLUG });
  if (id && !SLUG.test(id))
    r.report('id', id, 'must be lower-case letters and digits joined by hyphens, e.g. greater-manchester-improvement');
  else if (id && (await findPartnershipRows(db, [id])).length > 0)
    r.report('id', id, 'is the id of a partnership already recorded');
  const name = r.text('name', { required: true, max: MAX_TEXT.name });
  const description = r.text('description', { required: true, max: MAX_TEXT.short });
  const formedOn = r.date('formedOn', { required: true });
  const today = deps.clock.now().toISOString().slice(0, 10);
  if (formedOn && formedOn > today) r.report('formedOn', formedOn, `must not be after today (${today})`);
  if (members.length < 2 && problems.every((p) => !p.field?.startsWith('memberBodyIds')))
    r.report('memberBodyIds', given, 'must name at least two councils: a partnership is councils working together');
  if (problems.length > 0) throw refusal(what, problems);
  const at = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    await insertPartnershipRow(trx, {
      id: id!,
      name: name!,
      description: description!,
      formed_on: formedOn!,
      created_at: at,
      created_by: recordedBy(actor),
    });
    for (const bodyId of members) await joinPartnership(trx, id!, bodyId, at);
    await audit(
      trx,
      actor,
      {
        action: 'partnership.create',
        subject: partnershipSubject(id!),
        after: { name, description, formedOn, memberBodyIds: members },
        summary: `Formed the improvement partnership ${name} (${id}) of ${members.length} councils`,
      },
      deps.clock,
    );
    return recordedPartnership(trx, id!);
  });
}

export interface MembershipChange {
  add?: unknown;
  remove?: unknown;
  reason: unknown;
}

/** Councils join and leave; the leads of its current members (or an administrator) may change it. */
export async function changePartnershipMembers(
  db: Executor,
  actor: Actor,
  id: string,
  change: MembershipChange,
  deps: { clock: Clock },
): Promise<Partnership> {
  const before = await recordedPartnership(db, id);
  requirePermission(actor, 'manage_partnership', { memberBodyIds: before.memberBodyIds });
  const what = `The members of ${before.name} cannot be changed`;
  const problems: ProblemDetail[] = [];
  const r = new InputReader(objectOf(change, what), problems);
  r.refuseOthers(['add', 'remove', 'reason']);
  const addGiven = r.texts('add');
  const removeGiven = r.texts('remove');
  const reason = r.text('reason', { required: true, max: MAX_TEXT.short });
  const add = checkCouncils(r, 'add', addGiven, await bodiesById(db, addGiven)).filter((b, i) => {
    if (!before.memberBodyIds.includes(b)) return true;
    r.report(`add[${i}]`, b, 'is a member already');
    return false;
  });
  const remove: string[] = [];
  removeGiven.forEach((b, i) => {
    if (!before.memberBodyIds.includes(b)) r.report(`remove[${i}]`, b, 'is not a member');
    else if (add.includes(b) || remove.includes(b)) r.report(`remove[${i}]`, b, 'is given twice');
    else remove.push(b);
  });
  if (addGiven.length + removeGiven.length === 0) r.report('add', '', 'give councils to add or to remove: nothing would change');
  const after = [...before.memberBodyIds.filter((b) => !remove.includes(b)), ...add];
  if (problems.length === 0 && after.length < 2)
    r.report(
      'remove',
      removeGiven,
      `would leave ${after.length} member${after.length === 1 ? '' : 's'}: a partnership needs at least two councils`,
    );
  if (problems.length > 0) throw refusal(what, problems);
  const at = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    for (const b of add) await joinPartnership(trx, id, b, at);
    for (const b of remove) await leavePartnership(trx, id, b, at);
    await audit(
      trx,
      actor,
      {
        action: 'partnership.members',
        subject: partnershipSubject(id),
        before: { memberBodyIds: before.memberBodyIds },
        after: { memberBodyIds: after, reason },
        summary: `Members of ${before.name}: ${[add.length ? `joined ${add.join(', ')}` : '', remove.length ? `left ${remove.join(', ')}` : ''].filter(Boolean).join('; ')}, because: ${reason}`,
      },
      deps.clock,
    );
    return recordedPartnership(trx, id);
  });
}

export type PartnershipListing = Partnership & { memberNames: string[]; peerReviewCount: number };

/** Every partnership, by name, with its current members by name. */
export async function listPartnerships(db: Executor): Promise<PartnershipListing[]> {
  const rows = await findPartnershipRows(db);
  const members = await findMemberRows(
    db,
    rows.map((p) => p.id),
  );
  const names = await bodiesById(
    db,
    members.map((m) => m.body_id),
  );
  const reviews = await findPeerReviewRows(
    db,
    rows.map((p) => p.id),
  );
  return rows.map((row) => {
    const p = toPartnership(row, members);
    const nameOf = (b: string) => names.get(b)?.name ?? b;
    const memberBodyIds = [...p.memberBodyIds].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
    return {
      ...p,
      memberBodyIds,
      memberNames: memberBodyIds.map(nameOf),
      peerReviewCount: reviews.filter((v) => v.partnership_id === p.id).length,
    };
  });
}

/** A partnership with its members' names, its peer reviews and the cases linked through them. */
export async function getPartnership(db: Executor, id: string): Promise<PartnershipDetail | undefined> {
  const [row] = await findPartnershipRows(db, [id]);
  if (!row) return undefined;
  const memberRows = await findMemberRows(db, [id]);
  const reviewRows = await findPeerReviewRows(db, [id]);
  const links = await findCaseLinks(
    db,
    reviewRows.map((v) => Number(v.id)),
  );
  const bodyIds = [
    ...memberRows.map((m) => m.body_id),
    ...reviewRows.flatMap((v) => [v.reviewed_body_id, ...(JSON.parse(v.reviewer_body_ids) as string[])]),
  ];
  const names = await bodiesById(db, bodyIds);
  const nameOf = (b: string) => names.get(b)?.name ?? b;
  const members = [...memberRows]
    .sort((a, b) => Number(a.left_at !== null) - Number(b.left_at !== null) || nameOf(a.body_id).localeCompare(nameOf(b.body_id)))
    .map((m) => ({ bodyId: m.body_id, name: nameOf(m.body_id), joinedAt: m.joined_at, leftAt: m.left_at }));
  const peerReviews = reviewRows.map((v) => {
    const review = toPeerReview(
      v,
      links.filter((l) => l.peer_review_id === Number(v.id)).map((l) => l.case_id),
    );
    return { ...review, reviewedBodyName: nameOf(review.reviewedBodyId), reviewerNames: review.reviewerBodyIds.map(nameOf) };
  });
  const cases = (await findCaseRows(db, [...new Set(links.map((l) => l.case_id))])).map((c) => ({
    id: Number(c.id),
    title: c.title,
    bodyId: c.body_id,
    state: c.state as CaseState,
    rung: Number(c.rung) as Rung,
    open: OPEN_CASE_STATES.includes(c.state as CaseState),
    peerReviewIds: links.filter((l) => l.case_id === Number(c.id)).map((l) => l.peer_review_id),
  }));
  return { ...toPartnership(row, memberRows), members, peerReviews, cases };
}
