import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';

/** What the definition pages need. */
export interface IndicatorPagesDeps {
  db: Kysely<Database>;
  clock: Clock;
}
