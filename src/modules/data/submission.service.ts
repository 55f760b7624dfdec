/**
 * Submissions: a good upload becomes a draft holding its checked rows; then submitted, approved by
 * another officer of the body (or the same one where the body allows it) and published — written
 * into observation through the importer, as revisions, in one transaction. Each step appends a
 * submission_event and an audit event in the transaction of the change.
 */
import { randomUUID } from 'node:crypto';
import { isoInstant, type Clock } from '../../platform/clock.ts';
import { inTransaction } from '../../platform/db/executor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { type Actor, auditActorOf, can, personIdOf, requirePermission } from '../accounts/index.ts';
import { audit } from './data-audit.ts';
import type { CheckedObservation } from './import-check.ts';
import { MAX_LISTED_PROBLEMS } from './import-pipeline.ts';
import type { Executor } from './observation.types.ts';
import { publishSubmissionRows } from './submission-publish.ts';
import { checkUpload } from './submission-check.service.ts';
import { toSubmission } from './submission.mapper.ts';
import {
  findSubmission,
  insertSubmission,
  insertSubmissionEvent,
  insertSubmissionRows,
  type SubmissionRow,
  updateSubmission,
} from './submission.repository.ts';
import { selfApprovalAllowed } from './submission-rules.service.ts';
import type { Submission, SubmissionUpload } from './submission.types.ts';
import {
  SUBMISSION_EVENTS,
  SUBMISSION_TRANSITIONS,
  type SubmissionChanges,
  type SubmissionEvent,
  type SubmissionState,
  transition,
} from './submission-workflow.ts';

type Deps = { clock: Clock };

/** A good file becomes a draft with its rows; a file with any bad row is refused whole and nothing is written. */
export async function createSubmission(db: Executor, actor: Actor, upload: SubmissionUpload, deps: Deps): Promise<Submission> {
  const { report, rows } = await checkUpload(db, actor, upload);
  if (!report.ok) {
    const more = report.problemCount - report.problems.length;
    const details = more > 0 ? [...report.problems, { reason: `and ${more} more problems not listed` }] : report.problems;
    const problems = report.problemCount === 1 ? '1 problem' : `${report.problemCount} problems`;
    throw new ValidationError(
      `${upload.file.name}: ${problems} found; nothing was submitted`,
      details.slice(0, MAX_LISTED_PROBLEMS + 1),
    );
  }
  const now = isoInstant(deps.clock.now());
  const who = auditActorOf(actor);
  const row: SubmissionRow = {
    id: randomUUID(),
    body_id: report.bodyId,
    state: 'draft',
    file_name: report.fileName,
    file_sha256: report.fileSha256,
    format: report.format,
    indicator_codes: JSON.stringify(report.summary.indicators),
    row_count: rows.length,
    check_summary: JSON.stringify(report.summary),
    created_by_person_id: personIdOf(actor),
    created_by_token_id: actor.kind === 'api_token' ? actor.tokenId : null,
    created_by_label: who.label,
    created_at: now,
    submitted_at: null,
    submitted_by_person_id: null,
    approved_at: null,
    approved_by_person_id: null,
    approved_by_label: null,
    published_at: null,
    import_id: null,
    closed_at: null,
    reason: null,
    updated_at: now,
  };
  const submission = toSubmission(row);
  await inTransaction(db, async (trx) => {
    await insertSubmission(trx, row);
    await insertSubmissionRows(
      trx,
      rows.map((r, i) => toStoredRow(row.id, i + 1, r)),
    );
    await recordEvent(trx, actor, row, { event: 'create', from: null, to: 'draft', reason: null, at: now });
    const s = report.summary;
    await audit(
      trx,
      actor,
      {
        ...subjectOf(row),
        action: 'submission.create',
        after: { state: 'draft', fileName: row.file_name, fileSha256: row.file_sha256, summary: s },
        summary: `Uploaded ${short(row.file_name)} for ${row.body_id} as a draft submission: ${figures(s.goodRows)} (${s.new} new, ${s.revised} revised, ${s.unchanged} unchanged)`,
      },
      deps.clock,
    );
  });
  return submission;
}

export const submitSubmission = (db: Executor, actor: Actor, id: string, deps: Deps) =>
  advance(db, actor, id, 'submit', null, deps);
export const approveSubmission = (db: Executor, actor: Actor, id: string, deps: Deps) =>
  advance(db, actor, id, 'approve', null, deps);
export const publishSubmission = (db: Executor, actor: Actor, id: string, deps: Deps) =>
  advance(db, actor, id, 'publish', null, deps);
export const rejectSubmission = (db: Executor, actor: Actor, id: string, reason: string, deps: Deps) =>
  advance(db, actor, id, 'reject', reason, deps);
export const withdrawSubmission = (db: Executor, actor: Actor, id: string, reason: string, deps: Deps) =>
  advance(db, actor, id, 'withdraw', reason, deps);

/**
 * The steps the actor may take on the submission now — allowed from its state and permitted to them —
 * so a page offers only those buttons. Taking one still checks everything again.
 */
export async function availableSubmissionSteps(db: Executor, actor: Actor, id: string): Promise<SubmissionEvent[]> {
  const row = await findSubmission(db, id);
  if (!row) throw new NotFoundError(`No submission ${id}`, [{ field: 'id', value: id, reason: 'is not a known submission' }]);
  const steps: SubmissionEvent[] = [];
  for (const event of SUBMISSION_EVENTS) {
    if (SUBMISSION_TRANSITIONS[row.state as SubmissionState][event] === undefined) continue;
    try {
      await authorise(db, actor, row, event);
      steps.push(event);
    } catch (error) {
      if (!(error instanceof ForbiddenError)) throw error;
    }
  }
  return steps;
}

/** One step of the workflow, all or nothing: permission, transition, (publication), event, audit. */
async function advance(
  db: Executor,
  actor: Actor,
  id: string,
  event: SubmissionEvent,
  reason: string | null,
  deps: Deps,
): Promise<Submission> {
  return inTransaction(db, async (trx) => {
    const row = await findSubmission(trx, id);
    if (!row) throw new NotFoundError(`No submission ${id}`, [{ field: 'id', value: id, reason: 'is not a known submission' }]);
    await authorise(trx, actor, row, event);
    const now = isoInstant(deps.clock.now());
    const result = transition(row.state as SubmissionState, event, { now, reason });
    if (!result.ok && result.field === 'reason')
      throw new ValidationError(result.message, [{ field: 'reason', value: reason, reason: result.message }]);
    if (!result.ok) throw new ConflictError(result.message, [{ field: 'state', value: row.state, reason: result.message }]);
    const set = { ...columnsOf(result.changes), ...actorColumns(actor, event), updated_at: now };
    // Only while it is still in the state read: two people acting at once cannot both succeed.
    if ((await updateSubmission(trx, id, row.state, { state: result.to, ...set })) === 0) {
      throw new ConflictError('The submission was changed by someone else meanwhile; look at it again', [
        { field: 'state', value: row.state, reason: 'changed meanwhile' },
      ]);
    }
    let after: Record<string, unknown> = {
      state: result.to,
      ...(result.changes.reason ? { reason: result.changes.reason } : {}),
    };
    if (event === 'publish') {
      const { importId, summary } = await publishSubmissionRows(trx, actor, row, deps.clock);
      if (importId !== undefined) await updateSubmission(trx, id, result.to, { import_id: importId });
      set.import_id = importId ?? null;
      after = { ...after, importId: importId ?? null, rowsWritten: summary.rowsWritten, rowsUnchanged: summary.rowsUnchanged };
    }
    await recordEvent(trx, actor, row, {
      event,
      from: result.from,
      to: result.to,
      reason: result.changes.reason ?? null,
      at: now,
    });
    await audit(
      trx,
      actor,
      {
        ...subjectOf(row),
        action: `submission.${event}`,
        before: { state: row.state },
        after,
        summary: stepSummary(row, event, after),
      },
      deps.clock,
    );
    return toSubmission({ ...row, state: result.to, ...set });
  });
}

/**
 * Submit and withdraw: anyone who may submit for the body. Approve and reject: an officer of the
 * body other than whoever uploaded or submitted it, unless the body allows self-approval. Publish:
 * an officer of the body (the second pair of eyes was the approval).
 */
async function authorise(db: Executor, actor: Actor, row: SubmissionRow, event: SubmissionEvent): Promise<void> {
  const bodyId = row.body_id;
  if (event === 'submit' || event === 'withdraw') return requirePermission(actor, 'submit_observations', { bodyId });
  if (event === 'publish') {
    if (!can(actor, 'approve_submission', { bodyId, submittedBy: null, selfApprovalAllowed: true })) {
      throw new ForbiddenError('You may not publish this body’s submissions');
    }
    return;
  }
  const allowed = await selfApprovalAllowed(db, bodyId);
  requirePermission(actor, 'approve_submission', { bodyId, submittedBy: null, selfApprovalAllowed: allowed });
  for (const submittedBy of new Set([row.created_by_person_id, row.submitted_by_person_id])) {
    if (!can(actor, 'approve_submission', { bodyId, submittedBy, selfApprovalAllowed: allowed })) {
      throw new ForbiddenError(`You uploaded or submitted this submission, so another officer of ${bodyId} must ${event} it`);
    }
  }
}

function columnsOf(c: SubmissionChanges) {
  return {
    ...(c.submittedAt ? { submitted_at: c.submittedAt } : {}),
    ...(c.approvedAt ? { approved_at: c.approvedAt } : {}),
    ...(c.publishedAt ? { published_at: c.publishedAt } : {}),
    ...(c.closedAt ? { closed_at: c.closedAt } : {}),
    ...(c.reason ? { reason: c.reason } : {}),
  } as {
    submitted_at?: string;
    approved_at?: string;
    published_at?: string;
    closed_at?: string;
    reason?: string;
    import_id?: number | null;
  };
}

function actorColumns(actor: Actor, event: SubmissionEvent) {
  if (event === 'submit') return { submitted_by_person_id: personIdOf(actor) };
  if (event === 'approve') return { approved_by_person_id: personIdOf(actor), approved_by_label: auditActorOf(actor).label };
  return {};
}

async function recordEvent(
  db: Executor,
  actor: Actor,
  row: SubmissionRow,
  e: { event: 'create' | SubmissionEvent; from: SubmissionState | null; to: SubmissionState; reason: string | null; at: string },
): Promise<void> {
  const who = auditActorOf(actor);
  await insertSubmissionEvent(db, {
    submission_id: row.id,
    event: e.event,
    from_state: e.from,
    to_state: e.to,
    actor_person_id: who.personId,
    actor_label: who.label,
    via_kind: who.via.kind,
    via_id: who.via.id,
    reason: e.reason,
    occurred_at: e.at,
  });
}

/** The audit event's subject; an audit page per indicator finds a submission of one indicator. */
function subjectOf(row: SubmissionRow) {
  const codes = JSON.parse(row.indicator_codes) as string[];
  return {
    subject: { kind: 'submission', id: row.id },
    bodyId: row.body_id,
    indicatorCode: codes.length === 1 ? codes[0]! : null,
  };
}

const PAST: Record<SubmissionEvent, string> = {
  submit: 'Submitted',
  approve: 'Approved',
  reject: 'Rejected',
  publish: 'Published',
  withdraw: 'Withdrew',
};

function stepSummary(row: SubmissionRow, event: SubmissionEvent, after: Record<string, unknown>): string {
  const base = `${PAST[event]} submission ${short(row.file_name)} of ${row.body_id}`;
  return event === 'publish'
    ? `${base}: ${figures(Number(after.rowsWritten))} written, ${String(after.rowsUnchanged)} unchanged`
    : base;
}

const figures = (n: number) => `${n} ${n === 1 ? 'figure' : 'figures'}`;
const short = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

function toStoredRow(submissionId: string, position: number, r: CheckedObservation) {
  const f = r.figures;
  return {
    submission_id: submissionId,
    position,
    line: r.line,
    indicator_code: r.indicatorCode,
    area_code: r.areaCode,
    period: r.period.key,
    value: f.value,
    numerator: f.numerator,
    denominator: f.denominator,
    sample_size: f.sampleSize,
    ci_lower: f.ciLower,
    ci_upper: f.ciUpper,
    status: f.status,
  };
}
