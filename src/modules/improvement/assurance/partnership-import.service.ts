/**
 * Importing improvement partnerships and their peer reviews from a JSON file:
 * `{ partnerships: [{ id, name, description, formedOn, members: [bodyId…], peerReviews: [{ reviewedBodyId,
 * reviewerBodyIds, reviewedOn, scope, findings, recommendations, followUp }] }] }`.
 * The file is checked whole before anything is written (each problem at its JSON path); a partnership
 * takes the file's details and members, and a review (known by its partnership, council and date) the
 * file's words, so importing the same file again changes nothing.
 */
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction, type Executor } from '../../../platform/db/executor.ts';
import { type ProblemDetail, ValidationError } from '../../../platform/errors.ts';
import { decodeUtf8, type SubmittedFile } from '../../../platform/files.ts';
import { type Actor, requirePermission } from '../../accounts/index.ts';
import { audit, partnershipSubject, recordedBy } from './assurance-audit.ts';
import { toPartnership } from './assurance.mapper.ts';
import { InputReader, MAX_TEXT, refusal } from './input.ts';
import { bodiesById, checkCouncils, MAX_SLUG, SLUG } from './partnership-check.ts';
import {
  findMemberRows,
  findPartnershipRows,
  findPeerReviewRows,
  insertPartnershipRow,
  insertPeerReviewRow,
  joinPartnership,
  leavePartnership,
  type PeerReviewRow,
  updatePartnershipRow,
  updatePeerReviewRow,
} from './partnership.repository.ts';
import { PEER_REVIEW_FIELDS, type PeerReviewContent, peerReviewRow, readPeerReview } from './peer-review-check.ts';
import { reviewAudit } from './peer-review.service.ts';

export interface PartnershipImportReport {
  fileName: string;
  partnerships: {
    id: string;
    outcome: 'created' | 'changed' | 'unchanged';
    peerReviews: { created: number; changed: number; unchanged: number };
  }[];
  changed: boolean;
}

interface PlannedPartnership {
  id: string;
  name: string;
  description: string;
  formedOn: string;
  members: string[];
  reviews: PeerReviewContent[];
}

function parse(file: SubmittedFile): Record<string, unknown> {
  const text = decodeUtf8(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ValidationError(`${file.name} is not JSON: ${(e as Error).message}; nothing was changed`, [
      { reason: `is not JSON: ${(e as Error).message}` },
    ]);
  }
  if (
    json === null ||
    typeof json !== 'object' ||
    Array.isArray(json) ||
    !Array.isArray((json as Record<string, unknown>).partnerships)
  )
    throw refusal(`${file.name} cannot be imported`, [
      { field: 'partnerships', reason: 'the file must be an object with a list "partnerships"' },
    ]);
  return json as Record<string, unknown>;
}

const reviewKey = (partnershipId: string, r: { reviewedBodyId: string; reviewedOn: string }) =>
  `${partnershipId}|${r.reviewedBodyId}|${r.reviewedOn}`;

async function check(db: Executor, file: SubmittedFile, today: string): Promise<PlannedPartnership[]> {
  const entries = parse(file).partnerships as unknown[];
  const problems: ProblemDetail[] = [];
  const allIds = entries.flatMap((e) => {
    const o = (e ?? {}) as Record<string, unknown>;
    return [
      o.members,
      ...(Array.isArray(o.peerReviews) ? o.peerReviews.map((v) => (v as Record<string, unknown>)?.reviewerBodyIds) : []),
    ]
      .flatMap((l) => (Array.isArray(l) ? l : []))
      .filter((x): x is string => typeof x === 'string');
  });
  const bodies = await bodiesById(db, allIds);
  const planned: PlannedPartnership[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const path = `partnerships[${i}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push({ field: path, value: entry, reason: 'must be an object' });
      return;
    }
    const r = new InputReader(entry as Record<string, unknown>, problems, path);
    const before = problems.length;
    r.refuseOthers(['id', 'name', 'description', 'formedOn', 'members', 'peerReviews']);
    const id = r.text('id', { required: true, max: MAX_SLUG });
    if (id && !SLUG.test(id)) r.report('id', id, 'must be lower-case letters and digits joined by hyphens');
    else if (id && seen.has(id)) r.report('id', id, 'is given twice in the file');
    if (id) seen.add(id);
    const name = r.text('name', { required: true, max: MAX_TEXT.name });
    const description = r.text('description', { required: true, max: MAX_TEXT.short });
    const formedOn = r.date('formedOn', { required: true });
    if (formedOn && formedOn > today) r.report('formedOn', formedOn, `must not be after today (${today})`);
    const given = r.texts('members');
    const members = checkCouncils(r, 'members', given, bodies);
    if (members.length < 2 && problems.every((p) => !p.field?.startsWith(`${path}.members`)))
      r.report('members', given, 'must name at least two councils');
    const rawReviews = (entry as Record<string, unknown>).peerReviews ?? [];
    const reviews: PeerReviewContent[] = [];
    if (!Array.isArray(rawReviews)) r.report('peerReviews', rawReviews, 'must be a list');
    else
      rawReviews.forEach((raw, j) => {
        const at = `${path}.peerReviews[${j}]`;
        if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
          problems.push({ field: at, value: raw, reason: 'must be an object' });
          return;
        }
        const rr = new InputReader(raw as Record<string, unknown>, problems, at);
        rr.refuseOthers(PEER_REVIEW_FIELDS);
        const review = readPeerReview(rr, { name: name ?? id ?? 'the partnership', memberBodyIds: members }, today);
        if (!review) return;
        if (reviews.some((v) => reviewKey('', v) === reviewKey('', review)))
          rr.report(
            'reviewedOn',
            review.reviewedOn,
            `is the date of another review of ${review.reviewedBodyId} in this partnership`,
          );
        else reviews.push(review);
      });
    if (problems.length === before)
      planned.push({ id: id!, name: name!, description: description!, formedOn: formedOn!, members, reviews });
  });
  if (problems.length > 0) throw refusal(`${file.name} cannot be imported`, problems);
  return planned;
}

const sameReview = (row: PeerReviewRow, c: PeerReviewContent) =>
  JSON.stringify(Object.values(peerReviewRow(c))) ===
  JSON.stringify([
    row.reviewed_body_id,
    row.reviewer_body_ids,
    row.reviewed_on,
    row.scope,
    row.findings,
    row.recommendations,
    row.follow_up,
  ]);

export async function importPartnerships(
  db: Executor,
  file: SubmittedFile,
  deps: { clock: Clock; actor: Actor },
): Promise<PartnershipImportReport> {
  const at = deps.clock.now().toISOString();
  const planned = await check(db, file, at.slice(0, 10));
  const ids = planned.map((p) => p.id);
  const existing = new Map((await findPartnershipRows(db, ids)).map((r) => [r.id, r]));
  const memberRows = await findMemberRows(db, ids);
  for (const p of planned) {
    const current = existing.has(p.id) ? toPartnership(existing.get(p.id)!, memberRows).memberBodyIds : [];
    requirePermission(deps.actor, 'manage_partnership', { memberBodyIds: [...new Set([...current, ...p.members])] });
    if (p.reviews.length > 0) requirePermission(deps.actor, 'record_peer_review', { memberBodyIds: p.members });
  }
  const reviewRows = await findPeerReviewRows(db, ids);
  return inTransaction(db, async (trx) => {
    const report: PartnershipImportReport = { fileName: file.name, partnerships: [], changed: false };
    for (const p of planned) {
      const row = existing.get(p.id);
      const before = row ? toPartnership(row, memberRows) : null;
      let outcome: PartnershipImportReport['partnerships'][number]['outcome'] = 'unchanged';
      if (!row) {
        await insertPartnershipRow(trx, {
          id: p.id,
          name: p.name,
          description: p.description,
          formed_on: p.formedOn,
          created_at: at,
          created_by: recordedBy(deps.actor),
        });
        outcome = 'created';
      } else if (row.name !== p.name || row.description !== p.description || row.formed_on !== p.formedOn) {
        await updatePartnershipRow(trx, p.id, { name: p.name, description: p.description, formed_on: p.formedOn });
        outcome = 'changed';
      }
      const joining = p.members.filter((b) => !before?.memberBodyIds.includes(b));
      const leaving = (before?.memberBodyIds ?? []).filter((b) => !p.members.includes(b));
      for (const b of joining) await joinPartnership(trx, p.id, b, at);
      for (const b of leaving) await leavePartnership(trx, p.id, b, at);
      if (outcome === 'unchanged' && joining.length + leaving.length > 0) outcome = 'changed';
      if (outcome !== 'unchanged')
        await audit(
          trx,
          deps.actor,
          {
            action: outcome === 'created' ? 'partnership.create' : 'partnership.import',
            subject: partnershipSubject(p.id),
            before: before
              ? {
                  name: before.name,
                  description: before.description,
                  formedOn: before.formedOn,
                  memberBodyIds: before.memberBodyIds,
                }
              : null,
            after: { name: p.name, description: p.description, formedOn: p.formedOn, memberBodyIds: p.members },
            summary: `${outcome === 'created' ? 'Formed' : 'Changed'} the improvement partnership ${p.name} (${p.id}) from ${file.name}`,
          },
          deps.clock,
        );
      const counts = { created: 0, changed: 0, unchanged: 0 };
      for (const review of p.reviews) {
        const recorded = reviewRows.find(
          (v) =>
            v.partnership_id === p.id &&
            reviewKey(p.id, { reviewedBodyId: v.reviewed_body_id, reviewedOn: v.reviewed_on }) === reviewKey(p.id, review),
        );
        if (recorded && sameReview(recorded, review)) counts.unchanged += 1;
        else if (recorded) {
          await updatePeerReviewRow(trx, Number(recorded.id), { ...peerReviewRow(review), updated_at: at });
          await audit(
            trx,
            deps.actor,
            {
              ...reviewAudit(p, Number(recorded.id), review),
              action: 'peer_review.import',
              summary: `Changed the peer review of ${review.reviewedBodyId} on ${review.reviewedOn} (${p.name}) from ${file.name}`,
            },
            deps.clock,
          );
          counts.changed += 1;
        } else {
          const id = await insertPeerReviewRow(trx, {
            partnership_id: p.id,
            ...peerReviewRow(review),
            created_at: at,
            created_by: recordedBy(deps.actor),
            updated_at: null,
          });
          await audit(trx, deps.actor, reviewAudit(p, id, review), deps.clock);
          counts.created += 1;
        }
      }
      report.partnerships.push({ id: p.id, outcome, peerReviews: counts });
      if (outcome !== 'unchanged' || counts.created + counts.changed > 0) report.changed = true;
    }
    return report;
  });
}
