import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { RequestLimit } from '../../../platform/http/rate-limit.ts';

/** What the plans pages need. */
export interface PlanPagesDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** the largest import file the import page takes (UPLOAD_LIMIT_MB) */
  uploadLimitBytes: number;
  /** the attribution statements the data's licences require, repeated in the printed report and its spreadsheet */
  attributions?: readonly string[];
  /** how many plan forms one person may send (DEFAULT_PLAN_FORM_LIMIT unless given) */
  formLimit?: RequestLimit;
}

/** Editing a plan is routine work, but each form writes: a person may send 120 in 10 minutes. */
export const DEFAULT_PLAN_FORM_LIMIT: RequestLimit = { max: 120, windowMs: 10 * 60_000 };
