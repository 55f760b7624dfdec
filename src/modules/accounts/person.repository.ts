/** All SQL for person. */
import { type Insertable, type Selectable, type Updateable, sql } from 'kysely';
import { chunks, containsPattern, type Executor } from '../../platform/db/executor.ts';
import type { PersonTable } from '../../platform/db/schema.ts';
import type { Page } from './accounts.types.ts';

export type PersonRow = Selectable<PersonTable>;

export async function insertPerson(db: Executor, row: Insertable<PersonTable>): Promise<void> {
  await db.insertInto('person').values(row).execute();
}

export async function findPersonById(db: Executor, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPersonByEmailKey(db: Executor, key: string): Promise<PersonRow | undefined> {
  return db.selectFrom('person').selectAll().where('email_key', '=', key).executeTakeFirst();
}

export async function updatePerson(db: Executor, id: string, set: Updateable<PersonTable>): Promise<void> {
  await db.updateTable('person').set(set).where('id', '=', id).execute();
}

/** People by name; `q` is part of a name or email address. */
export async function searchPeople(db: Executor, q: { q?: string } & Page): Promise<{ rows: PersonRow[]; total: number }> {
  let query = db.selectFrom('person');
  const text = q.q?.trim();
  if (text) {
    // containsPattern escapes with a backslash; say so, since SQLite's like has no escape character by default.
    const pattern = containsPattern(text);
    query = query.where(sql<boolean>`(lower(display_name) like ${pattern} escape '\\' or email_key like ${pattern} escape '\\')`);
  }
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('display_name').orderBy('id').limit(q.limit).offset(q.offset).execute();
  return { rows, total: Number(count.n) };
}

/** Display names of these people, by id (ids not found are left out). */
export async function findDisplayNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const batch of chunks([...new Set(ids)])) {
    if (batch.length === 0) continue;
    const rows = await db.selectFrom('person').select(['id', 'display_name']).where('id', 'in', batch).execute();
    for (const r of rows) names.set(r.id, r.display_name);
  }
  return names;
}
