/**
 * Accounts (people, role grants, sessions, one-time tokens, API tokens) and the append-only audit log.
 * Frozen in time: a migration imports nothing from the application.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

const APPEND_ONLY = 'audit_event is append-only: an event is never changed or removed';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await createAccountTables(db);
  await createTokenTables(db);
  await createAuditTable(db, pg);
  if (pg) await refuseAuditChangesPostgres(db);
  else await refuseAuditChangesSqlite(db);
}

async function createAccountTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('person')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    // the email lower-cased: one person per address whatever its capitals
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_since', 'text')
    .addColumn('locked_until', 'text')
    .execute();
  await db.schema.createIndex('person_name_idx').on('person').columns(['display_name', 'id']).execute();

  await db.schema
    .createTable('role_grant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.references('body.id'))
    .addColumn('area_code', 'text', (c) => c.references('area.code'))
    .addColumn('granted_by', 'text', (c) => c.references('person.id'))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('person.id'))
    .execute();
  await db.schema.createIndex('role_grant_person_idx').on('role_grant').columns(['person_id', 'revoked_at']).execute();
  await db.schema.createIndex('role_grant_body_idx').on('role_grant').columns(['body_id', 'role']).execute();
  await db.schema.createIndex('role_grant_role_idx').on('role_grant').columns(['role', 'revoked_at']).execute();
}

async function createTokenTables(db: Kysely<unknown>): Promise<void> {
  // Only the SHA-256 of a session id is kept: a copy of the database does not let anyone sign in.
  await db.schema
    .createTable('person_session')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('ip_address', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('person_session_person_idx').on('person_session').columns(['person_id', 'revoked_at']).execute();

  await db.schema
    .createTable('one_time_token')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('one_time_token_person_idx').on('one_time_token').columns(['person_id', 'purpose']).execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('person.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('person.id'))
    .execute();
  await db.schema.createIndex('api_token_body_idx').on('api_token').columns(['body_id', 'created_at']).execute();
}

/** No foreign keys: an event outlives whatever it describes and must be recordable about anything. */
async function createAuditTable(db: Kysely<unknown>, pg: boolean): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor_person_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('via_kind', 'text', (c) => c.notNull())
    .addColumn('via_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text')
    .addColumn('indicator_code', 'text')
    .addColumn('area_code', 'text')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  const byNewest = (name: string, columns: string[]) =>
    db.schema
      .createIndex(name)
      .on('audit_event')
      .columns([...columns, 'occurred_at', 'id'])
      .execute();
  await byNewest('audit_event_occurred_idx', []);
  await byNewest('audit_event_body_idx', ['body_id']);
  await byNewest('audit_event_indicator_idx', ['indicator_code']);
  await byNewest('audit_event_actor_idx', ['actor_person_id']);
  await byNewest('audit_event_subject_idx', ['subject_kind', 'subject_id']);
}

async function refuseAuditChangesSqlite(db: Kysely<unknown>): Promise<void> {
  for (const [name, event] of [
    ['audit_event_no_update', 'UPDATE'],
    ['audit_event_no_delete', 'DELETE'],
  ] as const) {
    await sql
      .raw(`create trigger ${name} before ${event} on audit_event begin select raise(abort, '${APPEND_ONLY}'); end`)
      .execute(db);
  }
}

async function refuseAuditChangesPostgres(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create function audit_event_refuse_change() returns trigger language plpgsql as $$
       begin raise exception '${APPEND_ONLY}'; end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger audit_event_no_change before update or delete on audit_event
       for each row execute function audit_event_refuse_change()`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger audit_event_no_truncate before truncate on audit_event
       for each statement execute function audit_event_refuse_change()`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Dropping the table drops its triggers on both dialects; PostgreSQL's function goes after it.
  for (const table of ['audit_event', 'api_token', 'one_time_token', 'person_session', 'role_grant', 'person']) {
    await db.schema.dropTable(table).execute();
  }
  if (isPostgres(db)) await sql.raw('drop function audit_event_refuse_change()').execute(db);
}
