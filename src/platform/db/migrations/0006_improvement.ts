/**
 * Under-performance: versioned trigger rules and their firings, cases on the ladder of response with
 * their events and the councils' own rung deadlines, the versioned risk model and councils' stored
 * risk profiles, self-assessments, improvement partnerships with their members, peer reviews and their
 * links to cases.
 * Frozen in time: a migration imports nothing from the application.
 */
import { type Kysely, PostgresAdapter } from 'kysely';

function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPostgres(db);
  await createTriggerTables(db, pg);
  await createCaseTables(db, pg);
  await createRiskTables(db, pg);
  await createPartnershipTables(db, pg);
}

async function createTriggerTables(db: Kysely<unknown>, pg: boolean): Promise<void> {
  // A version of a rule for a scope; '*' in body_id or indicator_code means every body or indicator.
  await db.schema
    .createTable('trigger_rule')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body_id', 'text', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    // JSON object of the kind's parameters
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addUniqueConstraint('trigger_rule_version_uq', ['kind', 'body_id', 'indicator_code', 'version'])
    .execute();
}

async function createCaseTables(db: Kysely<unknown>, pg: boolean): Promise<void> {
  await db.schema
    .createTable('ladder_case')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('indicator_code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('rung', 'integer', (c) => c.notNull())
    .addColumn('owner_name', 'text')
    .addColumn('action_plan', 'text')
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('rung_entered_at', 'text', (c) => c.notNull())
    .addColumn('baseline_value', 'double precision')
    .addColumn('baseline_period', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_reason', 'text')
    // JSON list of the rule (or source) kinds that fired into the case
    .addColumn('kinds', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ladder_case_subject_idx')
    .on('ladder_case')
    .columns(['body_id', 'area_code', 'indicator_code', 'state'])
    .execute();
  await db.schema.createIndex('ladder_case_state_idx').on('ladder_case').columns(['state', 'rung']).execute();

  // Each firing is recorded once (its fingerprint), with the evidence that made it fire and its case.
  await db.schema
    .createTable('trigger_firing')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'integer')
    .addColumn('rule_version', 'integer')
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('indicator_code', 'text')
    .addColumn('period', 'text')
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
    .addColumn('summary', 'text', (c) => c.notNull())
    // JSON object: the values and comparisons that made it fire
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('open_at_rung', 'integer', (c) => c.notNull())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('ladder_case.id'))
    .addColumn('fired_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trigger_firing_case_idx').on('trigger_firing').columns(['case_id', 'id']).execute();

  // Every transition of a case, in order: who, when, why, from and to.
  await db.schema
    .createTable('case_event')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('ladder_case.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('from_rung', 'integer')
    .addColumn('to_rung', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    // JSON object: the firing ids added, the owner named, the plan
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('actor_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_event_seq_uq', ['case_id', 'seq'])
    .execute();

  // The days a rung gives before its deadline, for one council or '*' for all; the newest row wins.
  await db.schema
    .createTable('ladder_setting')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('body_id', 'text', (c) => c.notNull())
    .addColumn('rung', 'integer', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ladder_setting_scope_idx').on('ladder_setting').columns(['body_id', 'rung', 'id']).execute();
}

async function createRiskTables(db: Kysely<unknown>, pg: boolean): Promise<void> {
  // Versions of the published scoring model; added, never changed.
  await db.schema
    .createTable('risk_model')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    // JSON objects
    .addColumn('weights', 'text', (c) => c.notNull())
    .addColumn('case_points', 'text', (c) => c.notNull())
    .addColumn('case_points_for_full_share', 'double precision', (c) => c.notNull())
    .addColumn('bands', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();

  // A council's profile, stored when its breakdown or the model's version changes.
  await db.schema
    .createTable('risk_profile')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('area_code', 'text', (c) => c.notNull().references('area.code'))
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('model_version', 'integer', (c) => c.notNull().references('risk_model.version'))
    // JSON: RiskInputs, RiskComponent[], InspectionTheme[]
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('components', 'text', (c) => c.notNull())
    .addColumn('flagged_themes', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_profile_body_idx').on('risk_profile').columns(['body_id', 'computed_at']).execute();

  await db.schema
    .createTable('self_assessment')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text', (c) => c.notNull())
    .addColumn('filed_by', 'text', (c) => c.notNull())
    .addColumn('filed_by_person_id', 'text', (c) => c.references('person.id'))
    .addColumn('response', 'text')
    .addColumn('responded_at', 'text')
    .addColumn('responded_by', 'text')
    .addColumn('responded_by_person_id', 'text', (c) => c.references('person.id'))
    .execute();
  await db.schema.createIndex('self_assessment_body_idx').on('self_assessment').columns(['body_id', 'theme', 'id']).execute();
}

async function createPartnershipTables(db: Kysely<unknown>, pg: boolean): Promise<void> {
  await db.schema
    .createTable('improvement_partnership')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('formed_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  // A council's membership; a council that leaves keeps its row with the date it left.
  await db.schema
    .createTable('partnership_member')
    .addColumn('partnership_id', 'text', (c) => c.notNull().references('improvement_partnership.id'))
    .addColumn('body_id', 'text', (c) => c.notNull().references('body.id'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .addPrimaryKeyConstraint('partnership_member_pk', ['partnership_id', 'body_id'])
    .execute();
  await db.schema.createIndex('partnership_member_body_idx').on('partnership_member').columns(['body_id']).execute();

  await db.schema
    .createTable('peer_review')
    .addColumn('id', pg ? 'serial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('partnership_id', 'text', (c) => c.references('improvement_partnership.id'))
    .addColumn('reviewed_body_id', 'text', (c) => c.notNull().references('body.id'))
    // JSON list of body ids
    .addColumn('reviewer_body_ids', 'text', (c) => c.notNull())
    .addColumn('reviewed_on', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('recommendations', 'text', (c) => c.notNull())
    .addColumn('follow_up', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text')
    .execute();
  await db.schema.createIndex('peer_review_body_idx').on('peer_review').columns(['reviewed_body_id', 'reviewed_on']).execute();
  await db.schema.createIndex('peer_review_partnership_idx').on('peer_review').columns(['partnership_id']).execute();

  // Peer reviews linked to cases while they are on rung 2.
  await db.schema
    .createTable('case_peer_review')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('ladder_case.id'))
    .addColumn('peer_review_id', 'integer', (c) => c.notNull().references('peer_review.id'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addColumn('linked_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_peer_review_pk', ['case_id', 'peer_review_id'])
    .execute();
  await db.schema.createIndex('case_peer_review_review_idx').on('case_peer_review').columns(['peer_review_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'case_peer_review',
    'peer_review',
    'partnership_member',
    'improvement_partnership',
    'self_assessment',
    'risk_profile',
    'risk_model',
    'ladder_setting',
    'case_event',
    'trigger_firing',
    'ladder_case',
    'trigger_rule',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
