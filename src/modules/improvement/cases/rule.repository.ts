/** All the SQL of trigger rule versions. */
import type { Insertable } from 'kysely';
import type { Executor } from '../../../platform/db/executor.ts';
import type { TriggerRuleTable } from '../../../platform/db/schema.ts';
import type { TriggerRuleRow } from './cases.mapper.ts';

/** Every version, by kind, scope and version. */
export async function findRuleRows(db: Executor): Promise<TriggerRuleRow[]> {
  return db
    .selectFrom('trigger_rule')
    .selectAll()
    .orderBy('kind')
    .orderBy('body_id')
    .orderBy('indicator_code')
    .orderBy('version')
    .execute();
}

export async function insertRule(db: Executor, row: Insertable<TriggerRuleTable>): Promise<number> {
  const inserted = await db.insertInto('trigger_rule').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** The newest rule version's id (0 with none): part of the stamp that says whether a run can be skipped. */
export async function latestRuleId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('trigger_rule')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/**
 * What besides the data version the triggers read, cheaply: the newest target judgement, the number
 * of collection deadlines (both tables read only) and the newest case event.
 */
export async function triggerInputMarks(db: Executor): Promise<{ assessment: number; deadlines: number; caseEvent: number }> {
  const a = await db
    .selectFrom('target_assessment')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const d = await db
    .selectFrom('collection_deadline')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  // a case moved by a person changes the councils' risk profiles, which the run stores
  const e = await db
    .selectFrom('case_event')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return { assessment: Number(a?.id ?? 0), deadlines: Number(d?.n ?? 0), caseEvent: Number(e?.id ?? 0) };
}
