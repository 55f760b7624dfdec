/** plan and plan_version: plans and their versions. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/executor.ts';
import type { PlanTable, PlanVersionTable } from '../../platform/db/schema.ts';

export type PlanRow = Selectable<PlanTable>;
export type PlanVersionRow = Selectable<PlanVersionTable>;

export async function findPlanRow(db: Executor, id: string): Promise<PlanRow | undefined> {
  return db.selectFrom('plan').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPlanRows(db: Executor, ids: readonly string[]): Promise<PlanRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('plan')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

export async function listPlanRows(db: Executor, q: { kind?: string; ownerBodyId?: string }): Promise<PlanRow[]> {
  let query = db.selectFrom('plan').selectAll();
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.ownerBodyId) query = query.where('owner_body_id', '=', q.ownerBodyId);
  return query.orderBy('id').execute();
}

export async function insertPlan(db: Executor, row: Insertable<PlanTable>): Promise<void> {
  await db.insertInto('plan').values(row).execute();
}

export async function updatePlanArea(db: Executor, id: string, areaCode: string | null): Promise<void> {
  await db.updateTable('plan').set({ area_code: areaCode }).where('id', '=', id).execute();
}

/** Every version of the plans, by plan then number. */
export async function findVersionRows(db: Executor, planIds: readonly string[]): Promise<PlanVersionRow[]> {
  if (planIds.length === 0) return [];
  return db
    .selectFrom('plan_version')
    .selectAll()
    .where('plan_id', 'in', [...planIds])
    .orderBy('plan_id')
    .orderBy('number')
    .execute();
}

export async function findVersionRow(db: Executor, id: number): Promise<PlanVersionRow | undefined> {
  return db.selectFrom('plan_version').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertVersion(db: Executor, row: Insertable<PlanVersionTable>): Promise<number> {
  const inserted = await db.insertInto('plan_version').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Changes a draft; a published version is never changed (the state is part of the condition). */
export async function updateDraftRow(db: Executor, id: number, changes: Updateable<PlanVersionTable>): Promise<number> {
  const result = await db
    .updateTable('plan_version')
    .set(changes)
    .where('id', '=', id)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
