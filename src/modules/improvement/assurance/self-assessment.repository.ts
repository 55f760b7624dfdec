/** self_assessment: councils' self-assessments per inspection theme and assessors' responses. */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/executor.ts';
import type { Database } from '../../../platform/db/schema.ts';

export type SelfAssessmentRow = Selectable<Database['self_assessment']>;

export async function insertSelfAssessmentRow(db: Executor, row: Insertable<Database['self_assessment']>): Promise<number> {
  const inserted = await db.insertInto('self_assessment').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function findSelfAssessmentRow(db: Executor, id: number): Promise<SelfAssessmentRow | undefined> {
  return db.selectFrom('self_assessment').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first. */
export async function findSelfAssessmentRows(db: Executor, q: { bodyId?: string; state?: string }): Promise<SelfAssessmentRow[]> {
  return db
    .selectFrom('self_assessment')
    .selectAll()
    .$if(q.bodyId !== undefined, (s) => s.where('body_id', '=', q.bodyId!))
    .$if(q.state !== undefined, (s) => s.where('state', '=', q.state!))
    .orderBy('id', 'desc')
    .execute();
}

/** Records the response only while the self-assessment is still filed; answers whether it did. */
export async function respondToRow(
  db: Executor,
  id: number,
  change: {
    state: string;
    response: string | null;
    responded_at: string;
    responded_by: string;
    responded_by_person_id: string | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('self_assessment')
    .set(change)
    .where('id', '=', id)
    .where('state', '=', 'filed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
