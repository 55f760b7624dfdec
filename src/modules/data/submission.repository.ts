/** submission, submission_row, submission_event: all their SQL. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import { chunks } from '../../platform/db/executor.ts';
import type { SubmissionEventTable, SubmissionRowTable, SubmissionTable } from '../../platform/db/schema.ts';
import type { Executor } from './observation.types.ts';
import type { Page } from './submission.types.ts';

export type SubmissionRow = Selectable<SubmissionTable>;
export type SubmissionRowsRow = Selectable<SubmissionRowTable>;
export type SubmissionEventRow = Selectable<SubmissionEventTable>;

export async function insertSubmission(db: Executor, row: Insertable<SubmissionTable>): Promise<void> {
  await db.insertInto('submission').values(row).execute();
}

export async function insertSubmissionRows(db: Executor, rows: readonly Insertable<SubmissionRowTable>[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('submission_row').values(part).execute();
}

export async function findSubmission(db: Executor, id: string): Promise<SubmissionRow | undefined> {
  return db.selectFrom('submission').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSubmissions(
  db: Executor,
  f: { bodyId: string; state?: string },
  page: Page,
): Promise<{ rows: SubmissionRow[]; total: number }> {
  let q = db.selectFrom('submission').where('body_id', '=', f.bodyId);
  if (f.state !== undefined) q = q.where('state', '=', f.state);
  const rows = await q.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
  const total = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** Changes a submission only if it is still in `fromState`: the number of rows changed (0 or 1). */
export async function updateSubmission(
  db: Executor,
  id: string,
  fromState: string,
  set: Updateable<SubmissionTable>,
): Promise<number> {
  const result = await db
    .updateTable('submission')
    .set(set)
    .where('id', '=', id)
    .where('state', '=', fromState)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findSubmissionRows(db: Executor, id: string, page?: Page): Promise<SubmissionRowsRow[]> {
  let q = db.selectFrom('submission_row').selectAll().where('submission_id', '=', id).orderBy('position');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return q.execute();
}

export async function countSubmissionRows(db: Executor, id: string): Promise<number> {
  const row = await db
    .selectFrom('submission_row')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('submission_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertSubmissionEvent(db: Executor, row: Insertable<SubmissionEventTable>): Promise<void> {
  await db.insertInto('submission_event').values(row).execute();
}

export async function findSubmissionEvents(db: Executor, id: string): Promise<SubmissionEventRow[]> {
  return db.selectFrom('submission_event').selectAll().where('submission_id', '=', id).orderBy('id').execute();
}
