/** From submission rows to the module's types. */
import { periodFromKey } from '../periods/index.ts';
import type { ObservationStatus } from './observation.types.ts';
import type { SubmissionEventRow, SubmissionRow, SubmissionRowsRow } from './submission.repository.ts';
import type { SubmissionSummary } from './submission-summary.ts';
import type { Submission, SubmissionEventRecord, SubmissionFormat, SubmissionRowRecord } from './submission.types.ts';
import type { SubmissionState } from './submission-workflow.ts';

export function toSubmission(r: SubmissionRow): Submission {
  return {
    id: r.id,
    bodyId: r.body_id,
    state: r.state as SubmissionState,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    format: r.format as SubmissionFormat,
    indicatorCodes: JSON.parse(r.indicator_codes) as string[],
    rowCount: r.row_count,
    summaryAtUpload: JSON.parse(r.check_summary) as SubmissionSummary,
    createdBy: { personId: r.created_by_person_id, tokenId: r.created_by_token_id, label: r.created_by_label },
    createdAt: r.created_at,
    submittedAt: r.submitted_at,
    submittedByPersonId: r.submitted_by_person_id,
    approvedAt: r.approved_at,
    approvedBy: r.approved_at === null ? null : { personId: r.approved_by_person_id, label: r.approved_by_label ?? '' },
    publishedAt: r.published_at,
    importId: r.import_id === null ? null : Number(r.import_id),
    closedAt: r.closed_at,
    reason: r.reason,
    updatedAt: r.updated_at,
  };
}

export function toSubmissionEvent(r: SubmissionEventRow): SubmissionEventRecord {
  return {
    id: Number(r.id),
    submissionId: r.submission_id,
    event: r.event as SubmissionEventRecord['event'],
    fromState: r.from_state as SubmissionState | null,
    toState: r.to_state as SubmissionState,
    actorPersonId: r.actor_person_id,
    actorLabel: r.actor_label,
    viaKind: r.via_kind,
    viaId: r.via_id,
    reason: r.reason,
    occurredAt: r.occurred_at,
  };
}

export function toSubmissionRow(r: SubmissionRowsRow): SubmissionRowRecord {
  return {
    line: r.line,
    indicatorCode: r.indicator_code,
    areaCode: r.area_code,
    period: r.period,
    periodLabel: periodFromKey(r.period).label,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    sampleSize: r.sample_size,
    ciLower: r.ci_lower,
    ciUpper: r.ci_upper,
    status: r.status as ObservationStatus,
  };
}
