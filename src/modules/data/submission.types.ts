/** The vocabulary of data submission: uploads held until published, their rows, events and checks. */
import type { ProblemDetail } from '../../platform/errors.ts';
import type { SubmittedFile } from '../../platform/files.ts';
import type { ObservationStatus } from './observation.types.ts';
import type { SubmissionSummary } from './submission-summary.ts';
import type { SubmissionEvent, SubmissionState } from './submission-workflow.ts';

export type SubmissionFormat = 'csv' | 'json';

/** A file a body uploads: the tidy format (CSV or JSON), for the indicators it owns or is asked to supply. */
export interface SubmissionUpload {
  bodyId: string;
  file: SubmittedFile;
}

/** Who did something: a person, an API token (with its label), or the command line or system. */
export interface SubmissionActorRef {
  personId: string | null;
  tokenId: string | null;
  label: string;
}

export interface Submission {
  id: string;
  bodyId: string;
  state: SubmissionState;
  fileName: string;
  fileSha256: string;
  format: SubmissionFormat;
  indicatorCodes: string[];
  rowCount: number;
  /** what the file would have done to the published figures when it was uploaded */
  summaryAtUpload: SubmissionSummary;
  createdBy: SubmissionActorRef;
  createdAt: string;
  submittedAt: string | null;
  submittedByPersonId: string | null;
  approvedAt: string | null;
  approvedBy: { personId: string | null; label: string } | null;
  publishedAt: string | null;
  /** the import batch that wrote its figures into the published observations */
  importId: number | null;
  /** when it was withdrawn or rejected, and why */
  closedAt: string | null;
  reason: string | null;
  updatedAt: string;
}

export interface SubmissionEventRecord {
  id: number;
  submissionId: string;
  /** 'create' or a workflow event */
  event: 'create' | SubmissionEvent;
  fromState: SubmissionState | null;
  toState: SubmissionState;
  actorPersonId: string | null;
  actorLabel: string;
  viaKind: string;
  viaId: string | null;
  reason: string | null;
  occurredAt: string;
}

export interface SubmissionDetail extends Submission {
  events: SubmissionEventRecord[];
}

/** One checked figure of a submission, as stored until publication. */
export interface SubmissionRowRecord {
  line: number;
  indicatorCode: string;
  areaCode: string;
  /** canonical period key */
  period: string;
  periodLabel: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  status: ObservationStatus;
}

/** The validation report of an upload, made before anything is written. */
export interface SubmissionReport {
  /** true when the file has no bad row and at least one good one */
  ok: boolean;
  bodyId: string;
  fileName: string;
  fileSha256: string;
  format: SubmissionFormat;
  /** the reader that understood the file ("tidy-csv", "tidy-json") */
  reader: string;
  /** every problem counted */
  problemCount: number;
  /** the first MAX_LISTED_PROBLEMS problems, in line order: line, field, value, reason */
  problems: ProblemDetail[];
  summary: SubmissionSummary;
}

export interface Page {
  limit: number;
  offset: number;
}
