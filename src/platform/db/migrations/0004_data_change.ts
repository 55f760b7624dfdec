/**
 * What moves the data version (docs/adr/0017): every change to a table the cached public pages read is
 * noted by a trigger, and nothing else is. Accounts bookkeeping (sessions, one-time tokens, lock-out
 * counters, API tokens' last use), the audit log and unpublished submissions are left alone.
 *
 * - SQLite: `data_change_count` holds one row; row triggers add one for each row changed.
 * - PostgreSQL: `data_change_xact` holds the id of each transaction that changed such a table, added by
 *   a statement trigger (once per transaction). Inserting a row of one's own takes no lock another
 *   writer waits for, as bumping a shared counter would.
 *
 * Frozen in time: a migration imports nothing from the application.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** The tables the cached public pages read when this migration was written. */
const PUBLIC_TABLES = [
  'area',
  'area_parent',
  'area_closure',
  'area_identifier',
  'area_succession',
  'boundary_set',
  'body',
  'body_area',
  'body_membership',
  'body_identifier',
  'indicator',
  'indicator_version',
  'indicator_alias',
  'observation',
  'import_batch',
  'comparator_group',
  'comparator_group_member',
] as const;

const SQLITE_EVENTS = ['insert', 'update', 'delete'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await upPostgres(db);
  else await upSqlite(db);
}

async function upSqlite(db: Kysely<unknown>): Promise<void> {
  await sql`create table data_change_count (id integer primary key check (id = 1), n integer not null)`.execute(db);
  await sql`insert into data_change_count (id, n) values (1, 0)`.execute(db);
  for (const table of PUBLIC_TABLES)
    for (const event of SQLITE_EVENTS)
      await sql
        .raw(
          `create trigger ${table}_data_change_${event} after ${event} on ${table}
           begin update data_change_count set n = n + 1; end`,
        )
        .execute(db);
}

async function upPostgres(db: Kysely<unknown>): Promise<void> {
  await sql`create table data_change_xact (xid bigint primary key)`.execute(db);
  // search_path fixed to the schema the tables are in, whoever's session the trigger fires in
  await sql`create function note_data_change() returns trigger language plpgsql set search_path from current as $$
    begin
      insert into data_change_xact (xid) values (pg_current_xact_id()::text::bigint) on conflict do nothing;
      return null;
    end $$`.execute(db);
  for (const table of PUBLIC_TABLES)
    await sql
      .raw(
        `create trigger ${table}_data_change after insert or update or delete or truncate on ${table}
         for each statement execute function note_data_change()`,
      )
      .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  for (const table of PUBLIC_TABLES) {
    if (pg) await sql.raw(`drop trigger ${table}_data_change on ${table}`).execute(db);
    else for (const event of SQLITE_EVENTS) await sql.raw(`drop trigger ${table}_data_change_${event}`).execute(db);
  }
  if (pg) {
    await sql`drop function note_data_change()`.execute(db);
    await sql`drop table data_change_xact`.execute(db);
  } else await sql`drop table data_change_count`.execute(db);
}
