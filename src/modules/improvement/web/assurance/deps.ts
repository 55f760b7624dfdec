import type { Kysely } from 'kysely';
import type { Clock } from '../../../../platform/clock.ts';
import type { Database } from '../../../../platform/db/schema.ts';
import type { RequestLimit } from '../../../../platform/http/rate-limit.ts';

/** What the risk, inspection and partnership pages need. */
export interface AssurancePagesDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** how many of these forms one person may send (DEFAULT_ASSURANCE_FORM_LIMIT unless given) */
  formLimit?: RequestLimit;
}

/** Each form writes, but none is sent often: a person may send 120 in 10 minutes, as with the plans forms. */
export const DEFAULT_ASSURANCE_FORM_LIMIT: RequestLimit = { max: 120, windowMs: 10 * 60_000 };
