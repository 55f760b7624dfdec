import type { Kysely } from 'kysely';
import type { Clock } from '../../../../platform/clock.ts';
import type { Database } from '../../../../platform/db/schema.ts';
import type { RequestLimit } from '../../../../platform/http/rate-limit.ts';

/** What the case pages need. */
export interface CasePagesDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** how many case and trigger forms one address may send (DEFAULT_CASE_FORM_LIMIT unless given) */
  formLimit?: RequestLimit;
}

/** Acting on a case is occasional work: a person may send 60 forms in 10 minutes. */
export const DEFAULT_CASE_FORM_LIMIT: RequestLimit = { max: 60, windowMs: 10 * 60_000 };
