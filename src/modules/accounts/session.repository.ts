/** All SQL for person_session and one_time_token: both keyed by the SHA-256 of a secret, never the secret. */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/db/executor.ts';
import type { OneTimeTokenTable, PersonSessionTable } from '../../platform/db/schema.ts';

export type SessionRow = Selectable<PersonSessionTable>;
export type OneTimeTokenRow = Selectable<OneTimeTokenTable>;

export async function insertSession(db: Executor, row: Insertable<PersonSessionTable>): Promise<void> {
  await db.insertInto('person_session').values(row).execute();
}

export async function findSession(db: Executor, idHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom('person_session').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

export async function touchSession(db: Executor, idHash: string, at: string): Promise<void> {
  await db.updateTable('person_session').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

/** 1 when the session was open and is now revoked, 0 when it was already. */
export async function revokeSession(db: Executor, idHash: string, at: string): Promise<number> {
  const r = await db
    .updateTable('person_session')
    .set({ revoked_at: at })
    .where('id_hash', '=', idHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Revokes every open session of a person; returns how many. */
export async function revokeSessionsOfPerson(db: Executor, personId: string, at: string): Promise<number> {
  const r = await db
    .updateTable('person_session')
    .set({ revoked_at: at })
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertOneTimeToken(db: Executor, row: Insertable<OneTimeTokenTable>): Promise<void> {
  await db.insertInto('one_time_token').values(row).execute();
}

export async function findOneTimeToken(db: Executor, tokenHash: string): Promise<OneTimeTokenRow | undefined> {
  return db.selectFrom('one_time_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/**
 * Uses a token: 1 when it was unused and unexpired, 0 otherwise. One conditional update, so two
 * requests racing with the same link cannot both succeed.
 */
export async function useOneTimeToken(db: Executor, tokenHash: string, at: string): Promise<number> {
  const r = await db
    .updateTable('one_time_token')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Ends a person's unused tokens of one purpose (a newer link replaces older ones). */
export async function retireOneTimeTokens(db: Executor, personId: string, purpose: string, at: string): Promise<void> {
  await db
    .updateTable('one_time_token')
    .set({ used_at: at })
    .where('person_id', '=', personId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}
