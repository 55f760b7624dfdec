/**
 * Peer reviews: members of an improvement partnership review one of their number (scope, findings,
 * recommendations, follow-up), and a review may be linked to the reviewed council's case while the case
 * is open on rung 2 of the ladder of response, sector and partnership support.
 */
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction, type Executor } from '../../../platform/db/executor.ts';
import { ConflictError, ForbiddenError, NotFoundError, type ProblemDetail, ValidationError } from '../../../platform/errors.ts';
import { type Actor, can, requirePermission } from '../../accounts/index.ts';
import { OPEN_CASE_STATES, type CaseState, type Partnership, type PeerReview } from '../improvement.types.ts';
import { audit, peerReviewSubject, personOf, recordedBy } from './assurance-audit.ts';
import { toPeerReview } from './assurance.mapper.ts';
import { InputReader, isRowId, MAX_TEXT, objectOf, refusal } from './input.ts';
import { bodiesById, recordedPartnership } from './partnership-check.ts';
import { findCaseRow, insertEvent, nextEventSeq } from '../cases/case.repository.ts';
import {
  findCaseLinks,
  findCaseRows,
  findPeerReviewRow,
  insertCaseLink,
  insertPeerReviewRow,
  type LadderCaseRow,
  type PeerReviewRow,
  updateFollowUpRow,
} from './partnership.repository.ts';
import { PEER_REVIEW_FIELDS, peerReviewRow, readPeerReview } from './peer-review-check.ts';

export interface PeerReviewInput {
  partnershipId: unknown;
  reviewedBodyId: unknown;
  reviewerBodyIds: unknown;
  reviewedOn: unknown;
  scope: unknown;
  findings: unknown;
  recommendations: unknown;
  followUp?: unknown;
}

export interface PeerReviewDetail extends PeerReview {
  partnershipName: string | null;
  reviewedBodyName: string;
  reviewerNames: string[];
  cases: { id: number; title: string; state: CaseState; rung: number; open: boolean }[];
}

const today = (clock: Clock) => clock.now().toISOString().slice(0, 10);

/** The councils whose leads may record and follow up a review: its partnership's members. */
async function reviewScope(db: Executor, row: PeerReviewRow): Promise<{ memberBodyIds: string[] }> {
  if (row.partnership_id) return { memberBodyIds: (await recordedPartnership(db, row.partnership_id)).memberBodyIds };
  return { memberBodyIds: [row.reviewed_body_id, ...(JSON.parse(row.reviewer_body_ids) as string[])] };
}

async function recordedReview(db: Executor, id: number): Promise<PeerReviewRow> {
  const row = isRowId(id) ? await findPeerReviewRow(db, id) : undefined;
  if (!row)
    throw new NotFoundError(`No peer review has the id ${id}`, [
      { field: 'peerReviewId', value: id, reason: 'is not a known peer review' },
    ]);
  return row;
}

export async function recordPeerReview(
  db: Executor,
  actor: Actor,
  input: PeerReviewInput,
  deps: { clock: Clock },
): Promise<PeerReview> {
  const fields = objectOf(input, 'The peer review cannot be recorded');
  const partnershipId = typeof fields.partnershipId === 'string' ? fields.partnershipId.trim() : '';
  if (partnershipId === '')
    throw refusal('The peer review cannot be recorded', [
      { field: 'partnershipId', value: fields.partnershipId ?? '', reason: 'is required' },
    ]);
  const partnership = await recordedPartnership(db, partnershipId);
  requirePermission(actor, 'record_peer_review', { memberBodyIds: partnership.memberBodyIds });
  const what = `The peer review cannot be recorded for ${partnership.name}`;
  const problems: ProblemDetail[] = [];
  const r = new InputReader(fields, problems);
  r.refuseOthers(['partnershipId', ...PEER_REVIEW_FIELDS]);
  const content = readPeerReview(r, partnership, today(deps.clock));
  if (!content || problems.length > 0) throw refusal(what, problems);
  return inTransaction(db, async (trx) => {
    const id = await insertPeerReviewRow(trx, {
      partnership_id: partnership.id,
      ...peerReviewRow(content),
      created_at: deps.clock.now().toISOString(),
      created_by: recordedBy(actor),
      updated_at: null,
    });
    await audit(trx, actor, reviewAudit(partnership, id, content), deps.clock);
    return toPeerReview((await findPeerReviewRow(trx, id))!, []);
  });
}

export function reviewAudit(
  partnership: Pick<Partnership, 'id' | 'name'>,
  id: number,
  content: { reviewedBodyId: string; reviewerBodyIds: string[]; reviewedOn: string; scope: string },
) {
  return {
    action: 'peer_review.record',
    subject: peerReviewSubject(id),
    bodyId: content.reviewedBodyId,
    after: { partnershipId: partnership.id, ...content },
    summary: `Recorded the peer review of ${content.reviewedBodyId} by ${content.reviewerBodyIds.join(', ')} on ${content.reviewedOn} (${partnership.name}): ${content.scope}`,
  };
}

/** The follow-up of a review's recommendations, by the leads of its partnership's councils. */
export async function updatePeerReviewFollowUp(
  db: Executor,
  actor: Actor,
  id: number,
  input: { followUp: unknown },
  deps: { clock: Clock },
): Promise<PeerReview> {
  const row = await recordedReview(db, id);
  requirePermission(actor, 'record_peer_review', await reviewScope(db, row));
  const what = `The follow-up of peer review ${id} cannot be recorded`;
  const problems: ProblemDetail[] = [];
  const r = new InputReader(objectOf(input, what), problems);
  r.refuseOthers(['followUp']);
  const followUp = r.text('followUp', { required: true, max: MAX_TEXT.long });
  if (followUp !== null && followUp === row.follow_up)
    r.report('followUp', followUp, 'is the follow-up already recorded: nothing would change');
  if (problems.length > 0) throw refusal(what, problems);
  return inTransaction(db, async (trx) => {
    await updateFollowUpRow(trx, id, followUp, deps.clock.now().toISOString());
    await audit(
      trx,
      actor,
      {
        action: 'peer_review.follow_up',
        subject: peerReviewSubject(id),
        bodyId: row.reviewed_body_id,
        before: { followUp: row.follow_up },
        after: { followUp },
        summary: `Follow-up of the peer review of ${row.reviewed_body_id} on ${row.reviewed_on}: ${followUp}`,
      },
      deps.clock,
    );
    const links = await findCaseLinks(trx, [id]);
    return toPeerReview(
      (await findPeerReviewRow(trx, id))!,
      links.map((l) => l.case_id),
    );
  });
}

export async function getPeerReview(db: Executor, id: number): Promise<PeerReviewDetail | undefined> {
  const row = isRowId(id) ? await findPeerReviewRow(db, id) : undefined;
  if (!row) return undefined;
  const links = await findCaseLinks(db, [id]);
  const review = toPeerReview(
    row,
    links.map((l) => l.case_id),
  );
  const partnership = row.partnership_id ? await recordedPartnership(db, row.partnership_id) : null;
  const names = await bodiesById(db, [review.reviewedBodyId, ...review.reviewerBodyIds]);
  const cases = (await findCaseRows(db, review.caseIds)).map((c) => ({
    id: Number(c.id),
    title: c.title,
    state: c.state as CaseState,
    rung: Number(c.rung),
    open: OPEN_CASE_STATES.includes(c.state as CaseState),
  }));
  return {
    ...review,
    partnershipName: partnership?.name ?? null,
    reviewedBodyName: names.get(review.reviewedBodyId)?.name ?? review.reviewedBodyId,
    reviewerNames: review.reviewerBodyIds.map((b) => names.get(b)?.name ?? b),
    cases,
  };
}

/** Why a review may not be linked to a case: the case closed, not on rung 2, or of another council. */
function linkRefusal(what: string, c: LadderCaseRow, review: PeerReviewRow): ValidationError | null {
  if (!OPEN_CASE_STATES.includes(c.state as CaseState))
    return new ValidationError(`${what}: the case is closed`, [
      {
        field: 'caseId',
        value: c.id,
        reason: `is closed (${c.state.replace(/_/g, ' ')}): only an open case on rung 2 takes a peer review`,
      },
    ]);
  const rung = Number(c.rung);
  if (rung !== 2)
    return new ValidationError(`${what}: the case is on rung ${rung}, not rung 2 (sector and partnership support)`, [
      { field: 'caseId', value: c.id, reason: `is on rung ${rung}: a peer review is linked to a case on rung 2` },
    ]);
  if (c.body_id !== review.reviewed_body_id)
    return new ValidationError(`${what}: the case concerns ${c.body_id}, the review ${review.reviewed_body_id}`, [
      { field: 'caseId', value: c.id, reason: `concerns ${c.body_id}, not the council reviewed (${review.reviewed_body_id})` },
    ]);
  return null;
}

/**
 * Links a review to a case of the reviewed council while the case is open on rung 2: by whoever may act
 * on the case there, or record reviews for the partnership. The case's timeline shows it as evidence.
 */
export async function linkPeerReviewToCase(
  db: Executor,
  actor: Actor,
  input: { peerReviewId: number; caseId: number },
  deps: { clock: Clock },
): Promise<PeerReview> {
  const review = await recordedReview(db, input.peerReviewId);
  const found = isRowId(input.caseId) ? await findCaseRow(db, input.caseId) : undefined;
  if (!found)
    throw new NotFoundError(`No case has the id ${input.caseId}`, [
      { field: 'caseId', value: input.caseId, reason: 'is not a known case' },
    ]);
  const c = found;
  const rung = Number(c.rung);
  if (
    !can(actor, 'act_on_case', { bodyId: c.body_id, rung, toRung: rung }) &&
    !can(actor, 'record_peer_review', await reviewScope(db, review))
  )
    throw new ForbiddenError(
      'You may not link this peer review to this case: act on the case, or record peer reviews for its partnership',
    );
  const what = `Peer review ${review.id} cannot be linked to case ${c.id}`;
  const refused = linkRefusal(what, c, review);
  if (refused) throw refused;
  if ((await findCaseLinks(db, [review.id])).some((l) => l.case_id === c.id))
    throw new ConflictError(`${what}: they are linked already`, [
      { field: 'caseId', value: c.id, reason: 'is linked to this review already' },
    ]);
  const at = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    await insertCaseLink(trx, { case_id: c.id, peer_review_id: review.id, linked_at: at, linked_by: recordedBy(actor) });
    // the case's timeline shows the review as evidence, through the cases' own event writer
    await insertEvent(trx, {
      case_id: c.id,
      seq: await nextEventSeq(trx, c.id),
      action: 'add_evidence',
      from_state: c.state,
      to_state: c.state,
      from_rung: rung,
      to_rung: rung,
      reason: `Peer review of ${review.reviewed_on}: ${review.scope}`,
      detail: JSON.stringify({ peerReviewId: review.id }),
      actor: recordedBy(actor),
      actor_person_id: personOf(actor),
      at,
    });
    await audit(
      trx,
      actor,
      {
        action: 'peer_review.link_case',
        subject: peerReviewSubject(review.id),
        bodyId: c.body_id,
        areaCode: c.area_code,
        indicatorCode: c.indicator_code,
        after: { caseId: c.id, peerReviewId: review.id },
        summary: `Linked the peer review of ${review.reviewed_on} to case ${c.id} (${c.title}) on rung 2`,
      },
      deps.clock,
    );
    const links = await findCaseLinks(trx, [review.id]);
    return toPeerReview(
      (await findPeerReviewRow(trx, review.id))!,
      links.map((l) => l.case_id),
    );
  });
}
