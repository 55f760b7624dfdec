/** The database handle repositories take first, and small helpers they share. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** A Kysely instance or a Transaction (which is one). */
export type Executor = Kysely<Database>;

/** Runs `work` in a transaction, or in the caller's when `db` already is one. */
export async function inTransaction<T>(db: Executor, work: (trx: Executor) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}

/** Rows per multi-row statement: well inside SQLite's and PostgreSQL's bound-parameter limits. */
export const BATCH = 500;

export function chunks<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `like` pattern matching `text` anywhere, case-insensitively, with its wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
