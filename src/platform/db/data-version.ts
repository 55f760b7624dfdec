/**
 * A cheap stamp that changes whenever data the cached public pages can show may have changed, from
 * this process or another (the CLI importing while the server runs), and not when only accounts
 * bookkeeping, the audit log or unpublished submissions change (docs/adr/0017). Caches of what was
 * read from those tables keep the stamp they were filled under and are stale once it differs.
 *
 * Triggers on every table in PUBLIC_TABLES note each change (migration 0004):
 * - SQLite: a row trigger adds one to `data_change_count`; the stamp is that count as committed. While
 *   this process's own connection is inside a transaction it could read an uncommitted count that a
 *   rollback would give back, so it answers a stamp that is never repeated instead.
 * - PostgreSQL: a statement trigger records the id of each transaction that writes such a table in
 *   `data_change_xact`, once per transaction. The stamp is the number of recorded transactions the
 *   current snapshot sees, which grows by one as each commits. Counting is kept cheap: every
 *   transaction older than a snapshot's xmin has finished, so the count below an xmin seen once never
 *   changes again; it is remembered, and only the few rows from there on are counted.
 *
 * It may change without a visible change (a write of what was already there, of a column no page
 * shows): that costs a cache miss, never a stale answer. Both counts only grow: their rows are never
 * deleted, so a stamp is never given to two different states of the data.
 */
import type SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { DatabaseHandle } from './database.ts';
import { sqliteConnectionOf } from './database.ts';
import type { Database } from './schema.ts';

export type DataVersion = () => Promise<string>;

/**
 * The tables the cached public pages read: a change to any of them changes the data version. A new
 * table goes here (with the triggers of migration 0004 in its own migration) or in
 * TABLES_PUBLIC_PAGES_NEVER_SHOW; a test fails while it is in neither.
 */
export const PUBLIC_TABLES: readonly string[] = [
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
];

/** The tables whose changes leave the data version alone, and why no cached public page shows them. */
export const TABLES_PUBLIC_PAGES_NEVER_SHOW: Readonly<Record<string, string>> = {
  person: 'people and their lock-out counters: shown only to signed-in people',
  role_grant: 'roles: shown only to signed-in people',
  person_session: 'sessions and their last-seen times',
  one_time_token: 'invitation and reset links',
  api_token: 'API tokens and their last use',
  audit_event: 'the audit log: read only by signed-in people',
  submission: 'uploads until published; publishing writes observation and import_batch',
  submission_row: 'the figures of an upload until it is published',
  submission_event: 'the history of a submission',
  body_submission_setting: "a body's rule on approving its own submissions",
  share_unpublished: 'the sharing of unpublished figures',
  collection_deadline: 'collection rounds and overdue figures: pages outside the cache',
  // a cached page that shows plans needs these tables' triggers (as in migration 0004) first
  national_priority: 'plans: no cached public page reads them yet',
  plan: 'plans: no cached public page reads them yet',
  plan_version: 'plans: no cached public page reads them yet',
  plan_item: 'plans: no cached public page reads them yet',
  plan_target: 'plans: no cached public page reads them yet',
  plan_action: 'plans: no cached public page reads them yet',
  plan_item_link: 'plans: no cached public page reads them yet',
  status_rule: 'plans: no cached public page reads them yet',
  target_assessment: 'plans: no cached public page reads them yet',
  action_update: 'plans: no cached public page reads them yet',
  // a cached page that shows cases, risk or partnerships needs these tables' triggers (as in migration 0004) first
  trigger_rule: 'under-performance: its pages are outside the cache',
  trigger_firing: 'under-performance: its pages are outside the cache',
  ladder_case: 'under-performance: its pages are outside the cache',
  case_event: 'under-performance: its pages are outside the cache',
  ladder_setting: 'under-performance: its pages are outside the cache',
  risk_model: 'under-performance: its pages are outside the cache',
  risk_profile: 'under-performance: its pages are outside the cache',
  self_assessment: 'under-performance: its pages are outside the cache',
  improvement_partnership: 'under-performance: its pages are outside the cache',
  partnership_member: 'under-performance: its pages are outside the cache',
  peer_review: 'under-performance: its pages are outside the cache',
  case_peer_review: 'under-performance: its pages are outside the cache',
  schema_migration: "the migrator's record",
  schema_migration_lock: "the migrator's lock",
  data_change_count: "the data version's own count (SQLite)",
  data_change_xact: "the data version's own record (PostgreSQL)",
};

export async function dataVersionOf(handle: Pick<DatabaseHandle, 'db' | 'dialect'>): Promise<DataVersion> {
  if (handle.dialect === 'postgres') return postgresVersion(handle.db);
  const connection = await sqliteConnectionOf(handle.db);
  if (!connection) {
    // in-memory: nobody else can write to it; Kysely runs the statement once any transaction is over
    return async () => {
      const { rows } = await sql<{ n: number }>`select n from data_change_count`.execute(handle.db);
      return String(rows[0]?.n ?? 0);
    };
  }
  // a prepared statement on the connection itself: it does not wait for a transaction to finish
  const count = connection.prepare('select n from data_change_count').pluck();
  let unrepeatable = 0;
  return async () => {
    if (connection.inTransaction) return `${count.get() as number}+${++unrepeatable}`;
    return String(count.get() as number);
  };
}

/** Transactions below `xmin` have all finished: `settled` of them were recorded, and that stays so. */
interface Settled {
  xmin: number;
  settled: number;
}

function postgresVersion(db: Kysely<Database>): DataVersion {
  let known: Settled = { xmin: 0, settled: 0 };
  return async () => {
    const from = known;
    // one statement, so the snapshot's xmin and the rows counted belong to the same snapshot
    const { rows } = await sql<{ xmin: number; seen: number; newly_settled: number }>`
      select s.xmin,
        (select count(*) from data_change_xact where xid >= ${from.xmin}) as seen,
        (select count(*) from data_change_xact where xid >= ${from.xmin} and xid < s.xmin) as newly_settled
      from (select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as xmin) s`.execute(db);
    const row = rows[0];
    if (!row) throw new Error('The data version could not be read from PostgreSQL');
    if (row.xmin > known.xmin) known = { xmin: row.xmin, settled: from.settled + row.newly_settled };
    return String(from.settled + row.seen);
  };
}

/** Row triggers set aside, to be put back before the transaction commits. */
export interface SetAsideTriggers {
  restore(): void;
}

/**
 * SQLite, inside a transaction on `connection`: notes one change to `table` and drops its
 * data-change row triggers, so that a bulk write does not add one to the count for every row. One
 * change noted for the whole transaction is enough: it commits (or rolls back) as one. `restore()`
 * creates the triggers again from their recorded SQL and must run before the commit; other
 * connections never see the table without them.
 */
export function setAsideDataChangeTriggers(connection: SQLite.Database, table: string): SetAsideTriggers {
  if (!connection.inTransaction) throw new Error('Data-change triggers may be set aside only inside a transaction');
  const triggers = connection
    .prepare("select name, sql from sqlite_master where type = 'trigger' and tbl_name = ? and sql like '%data_change_count%'")
    .all(table) as { name: string; sql: string }[];
  connection.exec('update data_change_count set n = n + 1');
  for (const t of triggers) connection.exec(`drop trigger "${t.name.replace(/"/g, '""')}"`);
  return {
    restore: () => {
      for (const t of triggers) connection.exec(t.sql);
    },
  };
}
