/** All SQL for role_grant. Grants are revoked, never deleted. */
import type { Insertable, Selectable } from 'kysely';
import { chunks, type Executor } from '../../platform/db/executor.ts';
import type { RoleGrantTable } from '../../platform/db/schema.ts';

export type RoleGrantRow = Selectable<RoleGrantTable>;

export async function insertGrant(db: Executor, row: Insertable<RoleGrantTable>): Promise<void> {
  await db.insertInto('role_grant').values(row).execute();
}

export async function findGrant(db: Executor, id: string): Promise<RoleGrantRow | undefined> {
  return db.selectFrom('role_grant').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The grants a person holds now. */
export async function findActiveGrants(db: Executor, personId: string): Promise<RoleGrantRow[]> {
  return db
    .selectFrom('role_grant')
    .selectAll()
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .orderBy('granted_at')
    .orderBy('role')
    .orderBy('id')
    .execute();
}

/** An unrevoked grant of exactly this role and scope, if the person already holds one. */
export async function findSameActiveGrant(
  db: Executor,
  g: { personId: string; role: string; bodyId: string | null; areaCode: string | null },
): Promise<RoleGrantRow | undefined> {
  let q = db
    .selectFrom('role_grant')
    .selectAll()
    .where('person_id', '=', g.personId)
    .where('role', '=', g.role)
    .where('revoked_at', 'is', null);
  q = g.bodyId === null ? q.where('body_id', 'is', null) : q.where('body_id', '=', g.bodyId);
  q = g.areaCode === null ? q.where('area_code', 'is', null) : q.where('area_code', '=', g.areaCode);
  return q.executeTakeFirst();
}

export async function findGrants(
  db: Executor,
  f: { personId?: string; bodyId?: string; includeRevoked?: boolean },
): Promise<RoleGrantRow[]> {
  let q = db.selectFrom('role_grant').selectAll();
  if (f.personId !== undefined) q = q.where('person_id', '=', f.personId);
  if (f.bodyId !== undefined) q = q.where('body_id', '=', f.bodyId);
  if (!f.includeRevoked) q = q.where('revoked_at', 'is', null);
  return q.orderBy('granted_at').orderBy('role').orderBy('id').execute();
}

/** Marks a grant revoked; 0 when it already was (someone else got there first). */
export async function revokeGrantRow(db: Executor, id: string, at: string, by: string | null): Promise<number> {
  const r = await db
    .updateTable('role_grant')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** People who hold a global role now and are not disabled (to keep at least one administrator). */
export async function countActiveHolders(db: Executor, role: string): Promise<number> {
  const row = await db
    .selectFrom('role_grant as g')
    .innerJoin('person as p', 'p.id', 'g.person_id')
    .select((eb) => eb.fn.count<number>('g.person_id').distinct().as('n'))
    .where('g.role', '=', role)
    .where('g.body_id', 'is', null)
    .where('g.revoked_at', 'is', null)
    .where('p.disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The grants these people hold now, in one query per few hundred people. */
export async function findActiveGrantsOfPeople(db: Executor, personIds: readonly string[]): Promise<RoleGrantRow[]> {
  const rows: RoleGrantRow[] = [];
  for (const batch of chunks([...new Set(personIds)])) {
    if (batch.length === 0) continue;
    rows.push(
      ...(await db
        .selectFrom('role_grant')
        .selectAll()
        .where('person_id', 'in', batch)
        .where('revoked_at', 'is', null)
        .orderBy('granted_at')
        .orderBy('role')
        .orderBy('id')
        .execute()),
    );
  }
  return rows;
}
