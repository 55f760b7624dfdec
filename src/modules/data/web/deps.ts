import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { RequestLimit } from '../../../platform/http/rate-limit.ts';
import type { FormRateLimit } from '../../accounts/index.ts';
import type { UploadStore } from './upload-store.ts';

/** What the submission pages need. */
export interface DataPagesDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** the largest file the upload page takes (UPLOAD_LIMIT_MB) */
  uploadLimitBytes: number;
  /** where checked files wait for "Create draft submission" (one for the app unless given) */
  uploads?: UploadStore;
  /** how many files one person may check (DEFAULT_UPLOAD_RATE_LIMIT unless given) */
  uploadRateLimit?: RequestLimit;
  /** how often the form changing a body's submission rules may be sent (DEFAULT_RULES_FORM_LIMIT unless given) */
  rulesFormLimit?: FormRateLimit;
}

export type DataPagesContext = DataPagesDeps & {
  uploads: UploadStore;
  uploadRateLimit: RequestLimit;
  rulesFormLimit: FormRateLimit;
};

/** Checking a file reads and resolves every row: a person may check 30 files in 10 minutes. */
export const DEFAULT_UPLOAD_RATE_LIMIT: RequestLimit = { max: 30, windowMs: 10 * 60_000 };
/** A body's rule changes rarely: 20 changes in 15 minutes from one address is more than anyone needs. */
export const DEFAULT_RULES_FORM_LIMIT: FormRateLimit = { perAddress: { max: 20, windowMs: 15 * 60_000 } };
