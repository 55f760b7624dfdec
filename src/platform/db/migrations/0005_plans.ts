/**
 * Plans, targets and the golden thread: plans and their versions, the items of each version (themes,
 * priorities, targets, actions) with the links by which an item serves an item of another plan,
 * national priorities, the versioned status rules of targets, the stored assessments and the reports
 * of progress on actions.
 * Frozen in time: a migration imports nothing from the application.
 */
import { type Kysely, PostgresAdapter } from 'kysely';

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await createPlanTables(db, pg);
  await createItemTables(db, pg);
  await createStatusTables(db, pg);
}

async function createPlanTables(db: Kysely<unknown>, pg: boolean): Promise<void> {
  await db.schema
    .createTable('national_priority')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('wording', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('plan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('area_code', 'text', (c) => c.references('area.code'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_owner_idx').on('plan').columns(['owner_body_id', 'kind']).execute();

  // A published version is never changed; a revision is a new draft copied from the version in force.
  await db.schema
    .createTable('plan_version')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('vision', 'text')
    .addColumn('covers_from', 'text')
    .addColumn('covers_to', 'text')
    .addColumn('in_force_from', 'text')
    .addColumn('change_note', 'text')
    // JSON list of body ids
    .addColumn('partner_body_ids', 'text', (c) => c.notNull())
    .addColumn('disclaimer', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addUniqueConstraint('plan_version_number_uq', ['plan_id', 'number'])
    .execute();
  await db.schema
    .createIndex('plan_version_in_force_idx')
    .on('plan_version')
    .columns(['plan_id', 'state', 'in_force_from'])
    .execute();
}

async function createItemTables(db: Kysely<unknown>, pg: boolean): Promise<void> {
  await db.schema
    .createTable('plan_item')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('plan_version.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('plan_item_key_uq', ['version_id', 'key'])
    .execute();

  await db.schema
    .createTable('plan_target')
    .addColumn('item_id', 'integer', (c) => c.primaryKey().references('plan_item.id'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('national_priority_code', 'text', (c) => c.references('national_priority.code'))
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicator.code'))
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    // JSON list of area codes; empty: the whole area
    .addColumn('coverage_area_codes', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    // the parts a gap is measured between (ward, lsoa); null for a level
    .addColumn('gap_part_type', 'text')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('baseline_period', 'text')
    .addColumn('baseline_value', 'double precision')
    .addColumn('target_period', 'text', (c) => c.notNull())
    .addColumn('target_value', 'double precision')
    .addColumn('target_low', 'double precision')
    .addColumn('target_high', 'double precision')
    // JSON list of { period, value | low, high }
    .addColumn('milestones', 'text', (c) => c.notNull())
    .addColumn('stretch_amount_gbp', 'double precision')
    .addColumn('stretch_description', 'text')
    .addColumn('owner_body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('lead_person', 'text')
    .execute();
  await db.schema.createIndex('plan_target_indicator_idx').on('plan_target').columns(['indicator_code', 'area_code']).execute();

  await db.schema
    .createTable('plan_action')
    .addColumn('item_id', 'integer', (c) => c.primaryKey().references('plan_item.id'))
    .addColumn('owner_body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('lead_person', 'text')
    .addColumn('due', 'text', (c) => c.notNull())
    // JSON list of { due, title, done }
    .addColumn('milestones', 'text', (c) => c.notNull())
    .execute();

  // An item serving an item of another plan, by that plan's id and the item's key (stable across versions).
  await db.schema
    .createTable('plan_item_link')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('plan_item.id'))
    .addColumn('serves_plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('serves_key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_item_link_pk', ['item_id', 'serves_plan_id', 'serves_key'])
    .execute();
  await db.schema
    .createIndex('plan_item_link_serves_idx')
    .on('plan_item_link')
    .columns(['serves_plan_id', 'serves_key'])
    .execute();
}

async function createStatusTables(db: Kysely<unknown>, pg: boolean): Promise<void> {
  // Versions of a target's tolerance: a change adds a version, never edits one.
  await db.schema
    .createTable('status_rule')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('tolerance', 'double precision', (c) => c.notNull())
    .addColumn('tolerance_kind', 'text', (c) => c.notNull())
    .addColumn('in_force_from', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addUniqueConstraint('status_rule_version_uq', ['plan_id', 'target_key', 'version'])
    .execute();

  // Each judgement with the plan version, rule version and tolerance it used; a row is added only when it differs.
  await db.schema
    .createTable('target_assessment')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addColumn('plan_version_id', 'integer', (c) => c.notNull().references('plan_version.id'))
    .addColumn('rule_id', 'integer', (c) => c.notNull().references('status_rule.id'))
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('tolerance', 'double precision', (c) => c.notNull())
    .addColumn('tolerance_kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('actual', 'double precision')
    .addColumn('expected_value', 'double precision')
    .addColumn('expected_low', 'double precision')
    .addColumn('expected_high', 'double precision')
    .addColumn('target_met', 'integer', (c) => c.notNull())
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('target_assessment_target_idx')
    .on('target_assessment')
    .columns(['plan_id', 'target_key', 'id'])
    .execute();

  // Progress on an action is reported over time; the latest report is its progress.
  await db.schema
    .createTable('action_update')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id'))
    .addColumn('action_key', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_person_id', 'text', (c) => c.references('person.id'))
    .execute();
  await db.schema.createIndex('action_update_action_idx').on('action_update').columns(['plan_id', 'action_key', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'action_update',
    'target_assessment',
    'status_rule',
    'plan_item_link',
    'plan_action',
    'plan_target',
    'plan_item',
    'plan_version',
    'plan',
    'national_priority',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
