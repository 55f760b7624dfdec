/** risk_model and risk_profile: the versions of the scoring model and councils' stored profiles. */
import type { Insertable, Selectable } from 'kysely';
import { chunks, type Executor } from '../../../platform/db/executor.ts';
import type { Database } from '../../../platform/db/schema.ts';

export type RiskModelRow = Selectable<Database['risk_model']>;
export type RiskProfileRow = Selectable<Database['risk_profile']>;
export type RiskProfileListRow = RiskProfileRow & { body_name: string; area_name: string };

export async function findModelRows(db: Executor): Promise<RiskModelRow[]> {
  return db.selectFrom('risk_model').selectAll().orderBy('version').execute();
}

export async function findLatestModelRow(db: Executor): Promise<RiskModelRow | undefined> {
  return db.selectFrom('risk_model').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
}

export async function insertModelRow(db: Executor, row: Insertable<Database['risk_model']>): Promise<void> {
  await db.insertInto('risk_model').values(row).execute();
}

/** Adds the model's first version unless one is there (two first uses at once add it once). */
export async function insertFirstModelRow(db: Executor, row: Insertable<Database['risk_model']>): Promise<void> {
  await db
    .insertInto('risk_model')
    .values(row)
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
}

/** The newest profile of each council (the highest id: profiles are only added). */
export async function findLatestProfileRows(db: Executor, bodyIds?: readonly string[]): Promise<RiskProfileListRow[]> {
  if (bodyIds && bodyIds.length === 0) return [];
  const latest = db
    .selectFrom('risk_profile')
    .select((eb) => eb.fn.max('id').as('id'))
    .$if(bodyIds !== undefined, (q) => q.where('body_id', 'in', bodyIds!))
    .groupBy('body_id');
  return db
    .selectFrom('risk_profile as p')
    .innerJoin('body as b', 'b.id', 'p.body_id')
    .innerJoin('area as a', 'a.code', 'p.area_code')
    .selectAll('p')
    .select(['b.name as body_name', 'a.name as area_name'])
    .where('p.id', 'in', latest)
    .orderBy('p.score', 'desc')
    .orderBy('b.name')
    .execute();
}

/** One council's profiles, newest first. */
export async function findProfileHistoryRows(db: Executor, bodyId: string): Promise<RiskProfileRow[]> {
  return db.selectFrom('risk_profile').selectAll().where('body_id', '=', bodyId).orderBy('id', 'desc').execute();
}

export async function insertProfileRows(db: Executor, rows: Insertable<Database['risk_profile']>[]): Promise<void> {
  for (const part of chunks(rows, 200)) await db.insertInto('risk_profile').values(part).execute();
}

/** Open cases (open, acknowledged, action planned) per council and rung. */
export async function countOpenCasesByRung(
  db: Executor,
  openStates: readonly string[],
): Promise<{ body_id: string; rung: number; n: number }[]> {
  const rows = await db
    .selectFrom('ladder_case')
    .select(['body_id', 'rung', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('state', 'in', [...openStates])
    .groupBy(['body_id', 'rung'])
    .execute();
  return rows.map((r) => ({ body_id: r.body_id, rung: Number(r.rung), n: Number(r.n) }));
}

/** The newest model version stored (0 before any). */
export async function findLatestModelVersion(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('risk_model')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}
