import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { RequestLimit } from '../../../platform/http/rate-limit.ts';
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
}

export type DataPagesContext = DataPagesDeps & { uploads: UploadStore; uploadRateLimit: RequestLimit };

/** Checking a file reads and resolves every row: a person may check 30 files in 10 minutes. */
export const DEFAULT_UPLOAD_RATE_LIMIT: RequestLimit = { max: 30, windowMs: 10 * 60_000 };
