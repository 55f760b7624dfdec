/**
 * How an import reads the current figures it may revise and writes new revisions. Two
 * implementations: a fast SQLite one on the driver's prepared statements
 * (observation-write-sqlite.repository.ts) and a portable one through Kysely with multi-row
 * statements, used for PostgreSQL (observation-write.repository.ts).
 */
import type { Executor } from './observation.types.ts';
import type { ObservationWriter } from './observation-rows.ts';
import { kyselyObservationWriter } from './observation-write.repository.ts';
import { sqliteObservationWriter } from './observation-write-sqlite.repository.ts';

/** The fastest writer the executor's database allows. */
export async function observationWriter(db: Executor, expectedRows: number): Promise<ObservationWriter> {
  return (await sqliteObservationWriter(db, expectedRows)) ?? (await kyselyObservationWriter(db));
}
