/** collection_deadline: when the figures for an indicator and period are due. */
import type { Executor } from './observation.types.ts';

export async function upsertDeadline(db: Executor, indicator: string, period: string, dueDate: string): Promise<void> {
  await db
    .insertInto('collection_deadline')
    .values({ indicator_code: indicator, period, due_date: dueDate })
    .onConflict((oc) => oc.columns(['indicator_code', 'period']).doUpdateSet({ due_date: dueDate }))
    .execute();
}

export async function findDeadline(db: Executor, indicator: string, period: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('collection_deadline')
    .select('due_date')
    .where('indicator_code', '=', indicator)
    .where('period', '=', period)
    .executeTakeFirst();
  return row?.due_date;
}
