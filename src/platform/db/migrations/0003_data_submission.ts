/**
 * Data submission: uploads held with their rows until they are published, each submission's events,
 * a body's rule on self-approval, the sharing of unpublished data with partner bodies, and collection
 * deadlines that name the body asked to supply the figures.
 * Frozen in time: a migration imports nothing from the application.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await createSubmissionTables(db, pg);
  await createSharingTables(db, pg);
  await addBodyToCollectionDeadline(db);
}

async function createSubmissionTables(db: Kysely<unknown>, pg: boolean): Promise<void> {
  await db.schema
    .createTable('submission')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('indicator_codes', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    // what the file would have done to the published figures when it was uploaded (JSON)
    .addColumn('check_summary', 'text', (c) => c.notNull())
    .addColumn('created_by_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('created_by_token_id', 'text', (c) => c.references('api_token.id'))
    .addColumn('created_by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('approved_at', 'text')
    .addColumn('approved_by_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('approved_by_label', 'text')
    .addColumn('published_at', 'text')
    .addColumn('import_id', 'integer')
    .addColumn('closed_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('submission_body_idx').on('submission').columns(['body_id', 'created_at']).execute();
  await db.schema.createIndex('submission_state_idx').on('submission').columns(['state', 'body_id']).execute();

  // The figures of a submission until it is published; then observation holds them as revisions.
  await db.schema
    .createTable('submission_row')
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submission.id'))
    // the row's place in the file: a JSON file written on one line gives every row the same line
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addColumn('sample_size', 'integer')
    .addColumn('ci_lower', 'double precision')
    .addColumn('ci_upper', 'double precision')
    .addColumn('status', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('submission_row_pk', ['submission_id', 'position'])
    .execute();

  await db.schema
    .createTable('submission_event')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('submission_id', 'text', (c) => c.notNull().references('submission.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('actor_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('via_kind', 'text', (c) => c.notNull())
    .addColumn('via_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('submission_event_submission_idx')
    .on('submission_event')
    .columns(['submission_id', 'id'])
    .execute();

  await db.schema
    .createTable('body_submission_setting')
    .addColumn('body_id', 'text', (c) => c.primaryKey().references('body.id'))
    .addColumn('self_approval_allowed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by_label', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

async function createSharingTables(db: Kysely<unknown>, pg: boolean): Promise<void> {
  // Revoked, never deleted: sharing again after a revocation is a new row.
  await db.schema
    .createTable('share_unpublished')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('owner_body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('partner_body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('granted_by_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('granted_by_label', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by_label', 'text')
    .execute();
  await db.schema
    .createIndex('share_unpublished_active_uq')
    .on('share_unpublished')
    .columns(['owner_body_id', 'partner_body_id'])
    .unique()
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('share_unpublished_partner_idx')
    .on('share_unpublished')
    .columns(['partner_body_id', 'revoked_at'])
    .execute();
}

/**
 * A deadline may now name the body that must supply the figures; one without a body is the
 * indicator's general deadline. SQLite cannot change a primary key, so the table is rebuilt (on
 * both dialects alike) with one unique index for each kind of deadline.
 */
async function addBodyToCollectionDeadline(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('collection_deadline_next')
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicator.code'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.references('body.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into collection_deadline_next (indicator_code, period, body_id, due_date)
    select indicator_code, period, null, due_date from collection_deadline`.execute(db);
  await db.schema.dropTable('collection_deadline').execute();
  await db.schema.alterTable('collection_deadline_next').renameTo('collection_deadline').execute();
  await db.schema
    .createIndex('collection_deadline_general_uq')
    .on('collection_deadline')
    .columns(['indicator_code', 'period'])
    .unique()
    .where(sql.ref('body_id'), 'is', null)
    .execute();
  await db.schema
    .createIndex('collection_deadline_body_uq')
    .on('collection_deadline')
    .columns(['indicator_code', 'period', 'body_id'])
    .unique()
    .where(sql.ref('body_id'), 'is not', null)
    .execute();
  await db.schema.createIndex('collection_deadline_due_idx').on('collection_deadline').columns(['body_id', 'due_date']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['share_unpublished', 'body_submission_setting', 'submission_event', 'submission_row', 'submission']) {
    await db.schema.dropTable(table).execute();
  }
  // Back to one deadline per indicator and period: the general ones are kept, bodies' own are lost.
  await db.schema
    .createTable('collection_deadline_previous')
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicator.code'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('collection_deadline_pk', ['indicator_code', 'period'])
    .execute();
  await sql`insert into collection_deadline_previous (indicator_code, period, due_date)
    select indicator_code, period, due_date from collection_deadline where body_id is null`.execute(db);
  await db.schema.dropTable('collection_deadline').execute();
  await db.schema.alterTable('collection_deadline_previous').renameTo('collection_deadline').execute();
}
