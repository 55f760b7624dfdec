/** status_rule, target_assessment, action_update and national_priority. */
import type { Insertable, Selectable } from 'kysely';
import { chunks, type Executor } from '../../platform/db/executor.ts';
import type {
  ActionUpdateTable,
  NationalPriorityTable,
  StatusRuleTable,
  TargetAssessmentTable,
} from '../../platform/db/schema.ts';

export type StatusRuleRow = Selectable<StatusRuleTable>;
export type TargetAssessmentRow = Selectable<TargetAssessmentTable>;
export type ActionUpdateRow = Selectable<ActionUpdateTable>;
export type NationalPriorityRow = Selectable<NationalPriorityTable>;

export interface TargetKey {
  planId: string;
  key: string;
}

/** The same (plan, key) pairs, grouped by plan, for queries that take one plan at a time. */
function byPlan(refs: readonly TargetKey[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of refs) out.set(r.planId, [...(out.get(r.planId) ?? []), r.key]);
  return out;
}

// --- status rules ---

/** Every version of the targets' rules, by plan, key and version. */
export async function findRuleRows(db: Executor, refs: readonly TargetKey[]): Promise<StatusRuleRow[]> {
  const out: StatusRuleRow[] = [];
  for (const [planId, keys] of byPlan(refs)) {
    for (const part of chunks(keys)) {
      out.push(
        ...(await db
          .selectFrom('status_rule')
          .selectAll()
          .where('plan_id', '=', planId)
          .where('target_key', 'in', part)
          .orderBy('target_key')
          .orderBy('version')
          .execute()),
      );
    }
  }
  return out;
}

export async function insertRule(db: Executor, row: Insertable<StatusRuleTable>): Promise<number> {
  const inserted = await db.insertInto('status_rule').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

// --- assessments ---

/** Each target's latest assessment. */
export async function findLatestAssessmentRows(db: Executor, refs: readonly TargetKey[]): Promise<TargetAssessmentRow[]> {
  const out: TargetAssessmentRow[] = [];
  for (const [planId, keys] of byPlan(refs)) {
    for (const part of chunks(keys)) {
      const latest = db
        .selectFrom('target_assessment')
        .select((eb) => eb.fn.max('id').as('id'))
        .where('plan_id', '=', planId)
        .where('target_key', 'in', part)
        .groupBy('target_key');
      out.push(...(await db.selectFrom('target_assessment').selectAll().where('id', 'in', latest).execute()));
    }
  }
  return out;
}

/** A target's assessments, newest first. */
export async function findAssessmentRows(db: Executor, ref: TargetKey): Promise<TargetAssessmentRow[]> {
  return db
    .selectFrom('target_assessment')
    .selectAll()
    .where('plan_id', '=', ref.planId)
    .where('target_key', '=', ref.key)
    .orderBy('id', 'desc')
    .execute();
}

export async function insertAssessment(db: Executor, row: Insertable<TargetAssessmentTable>): Promise<number> {
  const inserted = await db.insertInto('target_assessment').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

// --- action updates ---

/** Each action's latest update (the latest recorded, which is the latest report). */
export async function findLatestUpdateRows(db: Executor, refs: readonly TargetKey[]): Promise<ActionUpdateRow[]> {
  const out: ActionUpdateRow[] = [];
  for (const [planId, keys] of byPlan(refs)) {
    for (const part of chunks(keys)) {
      const latest = db
        .selectFrom('action_update')
        .select((eb) => eb.fn.max('id').as('id'))
        .where('plan_id', '=', planId)
        .where('action_key', 'in', part)
        .groupBy('action_key');
      out.push(...(await db.selectFrom('action_update').selectAll().where('id', 'in', latest).execute()));
    }
  }
  return out;
}

/** An action's updates, newest first. */
export async function findUpdateRows(db: Executor, ref: TargetKey): Promise<ActionUpdateRow[]> {
  return db
    .selectFrom('action_update')
    .selectAll()
    .where('plan_id', '=', ref.planId)
    .where('action_key', '=', ref.key)
    .orderBy('id', 'desc')
    .execute();
}

export async function insertUpdate(db: Executor, row: Insertable<ActionUpdateTable>): Promise<number> {
  const inserted = await db.insertInto('action_update').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

// --- national priorities ---

export async function findNationalPriorityRows(db: Executor, codes?: readonly string[]): Promise<NationalPriorityRow[]> {
  let query = db.selectFrom('national_priority').selectAll();
  if (codes) {
    if (codes.length === 0) return [];
    query = query.where('code', 'in', [...codes]);
  }
  return query.orderBy('code').execute();
}

export async function upsertNationalPriority(db: Executor, row: Insertable<NationalPriorityTable>): Promise<void> {
  const { code: _code, ...changes } = row;
  await db
    .insertInto('national_priority')
    .values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet(changes))
    .execute();
}
