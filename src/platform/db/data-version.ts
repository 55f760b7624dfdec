/**
 * A cheap stamp that changes whenever any data in the database may have changed, from this
 * process or another (the CLI importing while the server runs). Caches of what was read from
 * the database keep the stamp they were filled under and are stale once it differs.
 *
 * - SQLite: `total_changes()` counts rows this connection changed (SQLite here has one connection
 *   per file); `PRAGMA data_version` changes when another connection commits.
 * - PostgreSQL: the current snapshot (`xmin:xmax:running xids`) changes when any transaction that
 *   writes starts, commits or aborts; read-only transactions leave it alone.
 *
 * It may change without a visible change (a rolled-back write, another database on the same
 * PostgreSQL server): that costs a cache miss, never a stale answer.
 */
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from './database.ts';
import { sqliteConnectionOf } from './database.ts';
import type { Database } from './schema.ts';

export type DataVersion = () => Promise<string>;

export async function dataVersionOf(handle: Pick<DatabaseHandle, 'db' | 'dialect'>): Promise<DataVersion> {
  if (handle.dialect === 'postgres') return () => postgresSnapshot(handle.db);
  const connection = await sqliteConnectionOf(handle.db);
  if (!connection) {
    // in-memory: nobody else can write to it; the statement runs on Kysely's connection
    return async () => {
      const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(handle.db);
      return String(rows[0]?.n ?? 0);
    };
  }
  // one prepared statement (better-sqlite3's pragma() prepares anew on every call)
  const stamp = connection.prepare("select (select data_version from pragma_data_version()) || ':' || total_changes()").pluck();
  return async () => stamp.get() as string;
}

async function postgresSnapshot(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ v: string }>`select pg_current_snapshot()::text as v`.execute(db);
  return rows[0]?.v ?? '';
}
