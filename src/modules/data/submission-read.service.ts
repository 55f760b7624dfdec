/**
 * Reading submissions and their unpublished rows: for assessors, the body's own people and tokens,
 * and the people of bodies it shares its unpublished figures with (accounts' `read_unpublished`).
 */
import { NotFoundError, ValidationError, type ProblemDetail } from '../../platform/errors.ts';
import type { Actor } from '../accounts/index.ts';
import type { Executor } from './observation.types.ts';
import { requireReadUnpublished } from './sharing.service.ts';
import { toSubmission, toSubmissionEvent, toSubmissionRow } from './submission.mapper.ts';
import {
  countSubmissionRows,
  findSubmission,
  findSubmissionEvents,
  findSubmissionRows,
  findSubmissions,
} from './submission.repository.ts';
import type { Page, Submission, SubmissionDetail, SubmissionRowRecord } from './submission.types.ts';
import { isSubmissionState, SUBMISSION_STATES, type SubmissionState } from './submission-workflow.ts';

export const MAX_SUBMISSION_PAGE = 1000;

/** A body's submissions, newest first, optionally in one state. */
export async function listSubmissions(
  db: Executor,
  actor: Actor,
  query: { bodyId: string; state?: SubmissionState } & Page,
): Promise<{ items: Submission[]; total: number }> {
  const problems = checkPage(query);
  if (query.state !== undefined && !isSubmissionState(query.state)) {
    problems.push({ field: 'state', value: query.state, reason: `must be one of ${SUBMISSION_STATES.join(', ')}` });
  }
  if (problems.length > 0) throw new ValidationError('The submissions cannot be listed as asked', problems);
  await requireReadUnpublished(db, actor, query.bodyId);
  const { rows, total } = await findSubmissions(
    db,
    { bodyId: query.bodyId, ...(query.state ? { state: query.state } : {}) },
    query,
  );
  return { items: rows.map(toSubmission), total };
}

/** A submission with every step it went through. */
export async function getSubmission(db: Executor, actor: Actor, id: string): Promise<SubmissionDetail> {
  const row = await findSubmission(db, id);
  if (!row) throw notFound(id);
  await requireReadUnpublished(db, actor, row.body_id);
  return { ...toSubmission(row), events: (await findSubmissionEvents(db, id)).map(toSubmissionEvent) };
}

/** A submission's figures in file order, a page at a time. */
export async function getSubmissionRows(
  db: Executor,
  actor: Actor,
  id: string,
  page: Page,
): Promise<{ items: SubmissionRowRecord[]; total: number }> {
  const problems = checkPage(page);
  if (problems.length > 0) throw new ValidationError('The rows cannot be listed as asked', problems);
  const row = await findSubmission(db, id);
  if (!row) throw notFound(id);
  await requireReadUnpublished(db, actor, row.body_id);
  const rows = await findSubmissionRows(db, id, page);
  return { items: rows.map(toSubmissionRow), total: await countSubmissionRows(db, id) };
}

function checkPage(page: Page): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_SUBMISSION_PAGE)
    problems.push({ field: 'limit', value: page.limit, reason: `must be a whole number from 1 to ${MAX_SUBMISSION_PAGE}` });
  if (!Number.isInteger(page.offset) || page.offset < 0)
    problems.push({ field: 'offset', value: page.offset, reason: 'must be a whole number, 0 or more' });
  return problems;
}

const notFound = (id: string) =>
  new NotFoundError(`No submission ${id}`, [{ field: 'id', value: id, reason: 'is not a known submission' }]);
