/**
 * Importing improvement partnerships and their peer reviews from a JSON file:
 * `{ partnerships: [{ id, name, description, formedOn, members: [bodyId…], peerReviews: [{ reviewedBodyId,
 * reviewerBodyIds, reviewedOn, scope, findings, recommendations, followUp }] }] }`.
 * The file is checked whole before anything is written (partnership-import-check.ts); a partnership
 * takes the file's details and members, and a review (known by its partnership, council and date) the
 * file's words, so importing the same file again changes nothing.
 */
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction, type Executor } from '../../../platform/db/executor.ts';
import type { SubmittedFile } from '../../../platform/files.ts';
import { type Actor, requirePermission } from '../../accounts/index.ts';
import type { Partnership } from '../improvement.types.ts';
import { audit, partnershipSubject, recordedBy } from './assurance-audit.ts';
import { toPartnership } from './assurance.mapper.ts';
import { checkPartnershipFile, type PlannedPartnership, sameSubject } from './partnership-import-check.ts';
import {
  findMemberRows,
  findPartnershipRows,
  findPeerReviewRows,
  insertPartnershipRow,
  insertPeerReviewRow,
  joinPartnership,
  leavePartnership,
  type PartnershipRow,
  type PeerReviewRow,
  updatePartnershipRow,
  updatePeerReviewRow,
} from './partnership.repository.ts';
import { type PeerReviewContent, peerReviewRow } from './peer-review-check.ts';
import { reviewAudit } from './peer-review.service.ts';

type Outcome = 'created' | 'changed' | 'unchanged';
type ReviewCounts = { created: number; changed: number; unchanged: number };

export interface PartnershipImportReport {
  fileName: string;
  partnerships: { id: string; outcome: Outcome; peerReviews: ReviewCounts }[];
  changed: boolean;
}

interface Writing {
  trx: Executor;
  actor: Actor;
  clock: Clock;
  at: string;
  fileName: string;
}

const detailsOf = (p: Pick<Partnership, 'name' | 'description' | 'formedOn' | 'memberBodyIds'>) => ({
  name: p.name,
  description: p.description,
  formedOn: p.formedOn,
  memberBodyIds: p.memberBodyIds,
});

const sameReview = (row: PeerReviewRow, c: PeerReviewContent) => {
  const r = peerReviewRow(c);
  return (Object.keys(r) as (keyof typeof r)[]).every((k) => row[k] === r[k]);
};

/** The partnership's details and members as the file says; what happened to it. */
async function writePartnership(
  w: Writing,
  p: PlannedPartnership,
  before: Partnership | null,
  row: PartnershipRow | undefined,
): Promise<Outcome> {
  let outcome: Outcome = 'unchanged';
  if (!row) {
    const created = { id: p.id, name: p.name, description: p.description, formed_on: p.formedOn };
    await insertPartnershipRow(w.trx, { ...created, created_at: w.at, created_by: recordedBy(w.actor) });
    outcome = 'created';
  } else if (row.name !== p.name || row.description !== p.description || row.formed_on !== p.formedOn) {
    await updatePartnershipRow(w.trx, p.id, { name: p.name, description: p.description, formed_on: p.formedOn });
    outcome = 'changed';
  }
  const joining = p.members.filter((b) => !before?.memberBodyIds.includes(b));
  const leaving = (before?.memberBodyIds ?? []).filter((b) => !p.members.includes(b));
  for (const b of joining) await joinPartnership(w.trx, p.id, b, w.at);
  for (const b of leaving) await leavePartnership(w.trx, p.id, b, w.at);
  if (outcome === 'unchanged' && joining.length + leaving.length > 0) outcome = 'changed';
  if (outcome === 'unchanged') return outcome;
  await audit(
    w.trx,
    w.actor,
    {
      action: outcome === 'created' ? 'partnership.create' : 'partnership.import',
      subject: partnershipSubject(p.id),
      before: before ? detailsOf(before) : null,
      after: detailsOf({ ...p, memberBodyIds: p.members }),
      summary: `${outcome === 'created' ? 'Formed' : 'Changed'} the improvement partnership ${p.name} (${p.id}) from ${w.fileName}`,
    },
    w.clock,
  );
  return outcome;
}

/** The partnership's reviews as the file says, each recorded, changed or left as it is. */
async function writeReviews(w: Writing, p: PlannedPartnership, recorded: PeerReviewRow[]): Promise<ReviewCounts> {
  const counts = { created: 0, changed: 0, unchanged: 0 };
  for (const review of p.reviews) {
    const row = recorded.find((v) => sameSubject({ reviewedBodyId: v.reviewed_body_id, reviewedOn: v.reviewed_on }, review));
    if (row && sameReview(row, review)) counts.unchanged += 1;
    else if (row) {
      await updatePeerReviewRow(w.trx, Number(row.id), { ...peerReviewRow(review), updated_at: w.at });
      const summary = `Changed the peer review of ${review.reviewedBodyId} on ${review.reviewedOn} (${p.name}) from ${w.fileName}`;
      await audit(w.trx, w.actor, { ...reviewAudit(p, Number(row.id), review), action: 'peer_review.import', summary }, w.clock);
      counts.changed += 1;
    } else {
      const id = await insertPeerReviewRow(w.trx, {
        partnership_id: p.id,
        ...peerReviewRow(review),
        created_at: w.at,
        created_by: recordedBy(w.actor),
        updated_at: null,
      });
      await audit(w.trx, w.actor, reviewAudit(p, id, review), w.clock);
      counts.created += 1;
    }
  }
  return counts;
}

export async function importPartnerships(
  db: Executor,
  file: SubmittedFile,
  deps: { clock: Clock; actor: Actor },
): Promise<PartnershipImportReport> {
  const at = deps.clock.now().toISOString();
  const planned = await checkPartnershipFile(db, file, at.slice(0, 10));
  const ids = planned.map((p) => p.id);
  const rows = new Map((await findPartnershipRows(db, ids)).map((r) => [r.id, r]));
  const memberRows = await findMemberRows(db, ids);
  const before = new Map([...rows].map(([id, row]) => [id, toPartnership(row, memberRows)]));
  for (const p of planned) {
    const current = before.get(p.id)?.memberBodyIds ?? [];
    requirePermission(deps.actor, 'manage_partnership', { memberBodyIds: [...new Set([...current, ...p.members])] });
    if (p.reviews.length > 0) requirePermission(deps.actor, 'record_peer_review', { memberBodyIds: p.members });
  }
  const reviewRows = await findPeerReviewRows(db, ids);
  return inTransaction(db, async (trx) => {
    const w: Writing = { trx, actor: deps.actor, clock: deps.clock, at, fileName: file.name };
    const report: PartnershipImportReport = { fileName: file.name, partnerships: [], changed: false };
    for (const p of planned) {
      const outcome = await writePartnership(w, p, before.get(p.id) ?? null, rows.get(p.id));
      const peerReviews = await writeReviews(
        w,
        p,
        reviewRows.filter((v) => v.partnership_id === p.id),
      );
      report.partnerships.push({ id: p.id, outcome, peerReviews });
      if (outcome !== 'unchanged' || peerReviews.created + peerReviews.changed > 0) report.changed = true;
    }
    return report;
  });
}
