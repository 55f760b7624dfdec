/** Submissions, their validation reports, rows and collection rounds as JSON (and CSV): the only way out of the API. */
import { z } from 'zod';
import type { ProblemDetail } from '../../../platform/errors.ts';
import type { CsvColumn } from '../../../platform/http/csv.ts';
import { periodSchema, presentPeriod } from './presenters.ts';
import type { CollectionItem, OverdueBody } from '../collection.service.ts';
import type { SubmissionSummary } from '../submission-summary.ts';
import type {
  Submission,
  SubmissionDetail,
  SubmissionEventRecord,
  SubmissionReport,
  SubmissionRowRecord,
} from '../submission.types.ts';
import { SUBMISSION_EVENTS, SUBMISSION_STATES, type SubmissionEvent } from '../submission-workflow.ts';

const summarySchema = z.object({
  rows: z.number().int().describe('rows read from the file, good and bad'),
  goodRows: z.number().int(),
  indicators: z.array(z.string()),
  periods: z.array(z.string()).describe('period keys, e.g. FY2024'),
  areas: z.number().int(),
  new: z.number().int().describe('good rows with no published figure yet'),
  revised: z.number().int().describe('good rows that would revise a published figure'),
  unchanged: z.number().int(),
});

const presentSummary = (s: SubmissionSummary): z.infer<typeof summarySchema> => ({
  rows: s.rows,
  goodRows: s.goodRows,
  indicators: [...s.indicators],
  periods: [...s.periods],
  areas: s.areas,
  new: s.new,
  revised: s.revised,
  unchanged: s.unchanged,
});

export const problemSchema = z.object({
  line: z.number().int().optional(),
  field: z.string().optional(),
  value: z.unknown().optional(),
  reason: z.string(),
});

const presentProblem = (p: ProblemDetail): z.infer<typeof problemSchema> => ({
  ...(p.line !== undefined ? { line: p.line } : {}),
  ...(p.field !== undefined ? { field: p.field } : {}),
  ...(p.value !== undefined ? { value: p.value } : {}),
  reason: p.reason,
});

export const reportSchema = z.object({
  ok: z.boolean().describe('no bad row and at least one good one: the file can become a draft'),
  bodyId: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  format: z.enum(['csv', 'json']),
  reader: z.string(),
  problemCount: z.number().int(),
  problems: z.array(problemSchema).describe('the first 1,000 problems, in line order'),
  summary: summarySchema,
});

export function presentReport(r: SubmissionReport): z.infer<typeof reportSchema> {
  return {
    ok: r.ok,
    bodyId: r.bodyId,
    fileName: r.fileName,
    fileSha256: r.fileSha256,
    format: r.format,
    reader: r.reader,
    problemCount: r.problemCount,
    problems: r.problems.map(presentProblem),
    summary: presentSummary(r.summary),
  };
}

export const submissionSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  state: z.enum(SUBMISSION_STATES),
  fileName: z.string(),
  fileSha256: z.string(),
  format: z.enum(['csv', 'json']),
  indicators: z.array(z.string()),
  rowCount: z.number().int(),
  summaryAtUpload: summarySchema,
  createdBy: z.object({ personId: z.string().nullable(), tokenId: z.string().nullable(), label: z.string() }),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.object({ personId: z.string().nullable(), label: z.string() }).nullable(),
  publishedAt: z.string().nullable(),
  importId: z.number().int().nullable().describe('the import that wrote its figures, once published'),
  closedAt: z.string().nullable().describe('when it was withdrawn or rejected'),
  reason: z.string().nullable(),
  updatedAt: z.string(),
});

export function presentSubmission(s: Submission): z.infer<typeof submissionSchema> {
  return {
    id: s.id,
    bodyId: s.bodyId,
    state: s.state,
    fileName: s.fileName,
    fileSha256: s.fileSha256,
    format: s.format,
    indicators: [...s.indicatorCodes],
    rowCount: s.rowCount,
    summaryAtUpload: presentSummary(s.summaryAtUpload),
    createdBy: { ...s.createdBy },
    createdAt: s.createdAt,
    submittedAt: s.submittedAt,
    approvedAt: s.approvedAt,
    approvedBy: s.approvedBy ? { ...s.approvedBy } : null,
    publishedAt: s.publishedAt,
    importId: s.importId,
    closedAt: s.closedAt,
    reason: s.reason,
    updatedAt: s.updatedAt,
  };
}

export const submissionCsv: CsvColumn<Submission>[] = [
  { header: 'id', value: (s) => s.id },
  { header: 'body_id', value: (s) => s.bodyId },
  { header: 'state', value: (s) => s.state },
  { header: 'file_name', value: (s) => s.fileName },
  { header: 'indicators', value: (s) => s.indicatorCodes.join(' ') },
  { header: 'row_count', value: (s) => s.rowCount },
  { header: 'created_by', value: (s) => s.createdBy.label },
  { header: 'created_at', value: (s) => s.createdAt },
  { header: 'submitted_at', value: (s) => s.submittedAt },
  { header: 'approved_at', value: (s) => s.approvedAt },
  { header: 'published_at', value: (s) => s.publishedAt },
  { header: 'closed_at', value: (s) => s.closedAt },
  { header: 'reason', value: (s) => s.reason },
];

const eventSchema = z.object({
  event: z.enum(['create', ...SUBMISSION_EVENTS]),
  fromState: z.enum(SUBMISSION_STATES).nullable(),
  toState: z.enum(SUBMISSION_STATES),
  actor: z.string(),
  actorPersonId: z.string().nullable(),
  via: z.string().describe('session, token, cli or system'),
  reason: z.string().nullable(),
  occurredAt: z.string(),
});

const presentEvent = (e: SubmissionEventRecord): z.infer<typeof eventSchema> => ({
  event: e.event,
  fromState: e.fromState,
  toState: e.toState,
  actor: e.actorLabel,
  actorPersonId: e.actorPersonId,
  via: e.viaKind,
  reason: e.reason,
  occurredAt: e.occurredAt,
});

export const submissionDetailSchema = submissionSchema.extend({
  events: z.array(eventSchema),
  steps: z.array(z.enum(SUBMISSION_EVENTS)).describe('the steps this client may take now'),
});

export function presentSubmissionDetail(
  s: SubmissionDetail,
  steps: readonly SubmissionEvent[],
): z.infer<typeof submissionDetailSchema> {
  return { ...presentSubmission(s), events: s.events.map(presentEvent), steps: [...steps] };
}

export const submissionRowSchema = z.object({
  line: z.number().int().describe('the line of the file the figure came from'),
  indicator: z.string(),
  area: z.string(),
  period: z.string(),
  periodKey: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  sampleSize: z.number().nullable(),
  ciLower: z.number().nullable(),
  ciUpper: z.number().nullable(),
  status: z.string(),
});

export const presentSubmissionRow = (r: SubmissionRowRecord): z.infer<typeof submissionRowSchema> => ({
  line: r.line,
  indicator: r.indicatorCode,
  area: r.areaCode,
  period: r.periodLabel,
  periodKey: r.period,
  value: r.value,
  numerator: r.numerator,
  denominator: r.denominator,
  sampleSize: r.sampleSize,
  ciLower: r.ciLower,
  ciUpper: r.ciUpper,
  status: r.status,
});

/** The tidy format, so the rows can be checked and uploaded again. */
export const submissionRowCsv: CsvColumn<SubmissionRowRecord>[] = [
  { header: 'indicator', value: (r) => r.indicatorCode },
  { header: 'area', value: (r) => r.areaCode },
  { header: 'period', value: (r) => r.periodLabel },
  { header: 'value', value: (r) => r.value },
  { header: 'numerator', value: (r) => r.numerator },
  { header: 'denominator', value: (r) => r.denominator },
  { header: 'sample_size', value: (r) => r.sampleSize },
  { header: 'ci_lower', value: (r) => r.ciLower },
  { header: 'ci_upper', value: (r) => r.ciUpper },
  { header: 'status', value: (r) => r.status },
];

export const collectionItemSchema = z.object({
  indicator: z.string(),
  indicatorTitle: z.string(),
  period: periodSchema,
  dueDate: z.string(),
  status: z.enum(['due', 'late', 'received', 'published']),
  daysLate: z.number().int().nullable(),
  receivedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export const presentCollectionItem = (i: CollectionItem): z.infer<typeof collectionItemSchema> => ({
  indicator: i.indicatorCode,
  indicatorTitle: i.indicatorTitle,
  period: presentPeriod(i.period),
  dueDate: i.dueDate,
  status: i.status,
  daysLate: i.daysLate,
  receivedAt: i.receivedAt,
  publishedAt: i.publishedAt,
});

export const overdueBodySchema = z.object({ bodyId: z.string(), bodyName: z.string(), items: z.array(collectionItemSchema) });

export const presentOverdueBody = (b: OverdueBody): z.infer<typeof overdueBodySchema> => ({
  bodyId: b.bodyId,
  bodyName: b.bodyName,
  items: b.items.map(presentCollectionItem),
});
