import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';
import * as m0001 from './migrations/0001_performance_core.ts';
import * as m0002 from './migrations/0002_accounts_and_audit.ts';
import * as m0003 from './migrations/0003_data_submission.ts';
import * as m0004 from './migrations/0004_data_change.ts';
import * as m0005 from './migrations/0005_plans.ts';
import * as m0006 from './migrations/0006_improvement.ts';

/** Every migration, in order. A migration never changes once released. */
const migrations: Record<string, Migration> = {
  '0001_performance_core': m0001,
  '0002_accounts_and_audit': m0002,
  '0003_data_submission': m0003,
  '0004_data_change': m0004,
  '0005_plans': m0005,
  '0006_improvement': m0006,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationOutcome {
  applied: string[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>, options: { schema?: string } = {}): Promise<MigrationOutcome> {
  const schema = options.schema ?? (await currentPostgresSchema(db));
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'schema_migration',
    migrationLockTableName: 'schema_migration_lock',
    // PostgreSQL: keep the bookkeeping in the schema the tables live in (Kysely does not follow search_path here).
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${message}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/** On PostgreSQL, the schema new tables go to (the first on the search path); undefined on SQLite. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema
async function currentPostgresSchema(db: Kysely<any>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}
