import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';

/** The database or a transaction; every repository and service function takes it first. */
export type Executor = Kysely<Database> | Transaction<Database>;
