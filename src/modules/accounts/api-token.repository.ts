/** All SQL for api_token. The hash is read here to find a token, and never leaves accounts. */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/db/executor.ts';
import type { ApiTokenTable } from '../../platform/db/schema.ts';

export type ApiTokenRow = Selectable<ApiTokenTable>;

export async function insertApiToken(db: Executor, row: Insertable<ApiTokenTable>): Promise<void> {
  await db.insertInto('api_token').values(row).execute();
}

export async function findApiToken(db: Executor, id: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findApiTokenByHash(db: Executor, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_token').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findApiTokensOfBody(db: Executor, bodyId: string, includeRevoked: boolean): Promise<ApiTokenRow[]> {
  let q = db.selectFrom('api_token').selectAll().where('body_id', '=', bodyId);
  if (!includeRevoked) q = q.where('revoked_at', 'is', null);
  return q.orderBy('created_at', 'desc').orderBy('id').execute();
}

export async function touchApiToken(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** 1 when the token was live and is now revoked, 0 when it already was. */
export async function revokeApiTokenRow(db: Executor, id: string, at: string, by: string | null): Promise<number> {
  const r = await db
    .updateTable('api_token')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
