/**
 * The performance information core: places, bodies, indicators, data, analysis.
 * Frozen in time: a migration imports nothing from the application.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);

  // places
  await db.schema
    .createTable('area')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('population', 'integer')
    .addColumn('population_year', 'integer')
    .addColumn('imd_rank', 'integer')
    .addColumn('imd_score', 'double precision')
    .addColumn('imd_decile', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('area_type_idx').on('area').columns(['type', 'name']).execute();
  await db.schema.createIndex('area_name_idx').on('area').column('name').execute();

  await db.schema
    .createTable('area_parent')
    .addColumn('child_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('parent_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('area_parent_pk', ['child_code', 'parent_code', 'valid_from'])
    .execute();
  await db.schema.createIndex('area_parent_parent_idx').on('area_parent').column('parent_code').execute();

  await db.schema
    .createTable('area_closure')
    .addColumn('ancestor_code', 'text', (c) => c.notNull())
    .addColumn('descendant_code', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('area_closure_pk', ['ancestor_code', 'descendant_code'])
    .execute();
  await db.schema
    .createIndex('area_closure_descendant_idx')
    .on('area_closure')
    .columns(['descendant_code', 'ancestor_code'])
    .execute();

  await db.schema
    .createTable('area_identifier')
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('area_identifier_pk', ['scheme', 'identifier'])
    .execute();
  await db.schema.createIndex('area_identifier_area_idx').on('area_identifier').column('area_code').execute();

  await db.schema
    .createTable('area_succession')
    .addColumn('old_code', 'text', (c) => c.notNull())
    .addColumn('new_code', 'text', (c) => c.notNull())
    .addColumn('change_type', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('area_succession_pk', ['old_code', 'new_code', 'change_type'])
    .execute();
  await db.schema.createIndex('area_succession_new_idx').on('area_succession').column('new_code').execute();

  await db.schema
    .createTable('boundary_set')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('area_type', 'text')
    .addColumn('vintage', 'text')
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('attribution', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();

  // bodies
  await db.schema
    .createTable('body')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('council_type', 'text')
    .addColumn('short_name', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('replaced_by', 'text')
    .addColumn('website', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('body_kind_idx').on('body').columns(['kind', 'name']).execute();

  await db.schema
    .createTable('body_area')
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('tier', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addPrimaryKeyConstraint('body_area_pk', ['body_id', 'area_code', 'role'])
    .execute();
  await db.schema.createIndex('body_area_area_idx').on('body_area').column('area_code').execute();

  await db.schema
    .createTable('body_membership')
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('member_body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('role', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addPrimaryKeyConstraint('body_membership_pk', ['body_id', 'member_body_id'])
    .execute();

  await db.schema
    .createTable('body_identifier')
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('body_identifier_pk', ['scheme', 'identifier'])
    .execute();

  // indicators
  await db.schema
    .createTable('indicator')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('indicator_version')
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicator.code'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text')
    .addColumn('numerator_definition', 'text')
    .addColumn('denominator_definition', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_multiplier', 'double precision')
    .addColumn('decimal_places', 'integer', (c) => c.notNull())
    .addColumn('polarity', 'text', (c) => c.notNull())
    .addColumn('target_range_low', 'double precision')
    .addColumn('target_range_high', 'double precision')
    .addColumn('area_aggregation', 'text', (c) => c.notNull())
    .addColumn('time_aggregation', 'text', (c) => c.notNull())
    .addColumn('frequency', 'text', (c) => c.notNull())
    .addColumn('period_type', 'text', (c) => c.notNull())
    .addColumn('area_types', 'text', (c) => c.notNull())
    .addColumn('theme', 'text')
    .addColumn('source', 'text')
    .addColumn('owner_body_id', 'text')
    .addColumn('collection_method', 'text', (c) => c.notNull())
    .addColumn('comparability_note', 'text')
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_version_pk', ['indicator_code', 'version'])
    .execute();

  await db.schema
    .createTable('indicator_alias')
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicator.code'))
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('alias', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_alias_pk', ['scheme', 'alias'])
    .execute();
  await db.schema.createIndex('indicator_alias_code_idx').on('indicator_alias').column('indicator_code').execute();

  // data
  await db.schema
    .createTable('import_batch')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('reader', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull())
    .addColumn('rows_written', 'integer', (c) => c.notNull())
    .addColumn('rows_unchanged', 'integer', (c) => c.notNull())
    .addColumn('rows_rejected', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text')
    .execute();

  await db.schema
    .createTable('observation')
    .addColumn('id', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('indicator_version', 'integer', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_type', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('numerator', 'double precision')
    .addColumn('denominator', 'double precision')
    .addColumn('sample_size', 'integer')
    .addColumn('ci_lower', 'double precision')
    .addColumn('ci_upper', 'double precision')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source_body_id', 'text')
    .addColumn('import_id', 'integer')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .execute();
  await db.schema
    .createIndex('observation_revision_uq')
    .on('observation')
    .columns(['indicator_code', 'area_code', 'period', 'revision'])
    .unique()
    .execute();
  // The current figures: what almost every read asks for.
  await db.schema
    .createIndex('observation_current_by_period_idx')
    .on('observation')
    .columns(['indicator_code', 'period', 'area_code'])
    .where(sql.ref('superseded_at'), 'is', null)
    .execute();
  // No area-first index: reads by area seek the unique index through the indicator codes instead,
  // and an extra index of this size halves the bulk import rate as the table grows.

  await db.schema
    .createTable('collection_deadline')
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicator.code'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('collection_deadline_pk', ['indicator_code', 'period'])
    .execute();

  // analysis
  await db.schema
    .createTable('comparator_group')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('anchor_area_code', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comparator_group_anchor_idx')
    .on('comparator_group')
    .columns(['anchor_area_code', 'kind'])
    .execute();
  await db.schema
    .createTable('comparator_group_member')
    .addColumn('group_id', 'text', (c) => c.notNull().references('comparator_group.id'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comparator_group_member_pk', ['group_id', 'area_code'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'comparator_group_member',
    'comparator_group',
    'collection_deadline',
    'observation',
    'import_batch',
    'indicator_alias',
    'indicator_version',
    'indicator',
    'body_identifier',
    'body_membership',
    'body_area',
    'body',
    'boundary_set',
    'area_succession',
    'area_identifier',
    'area_closure',
    'area_parent',
    'area',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
