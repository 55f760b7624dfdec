import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { WebPagesOptions } from '../../platform/web/index.ts';

/** One data source and the attribution its licence requires (src/main/sources.ts passes them in). */
export interface DataSourceAttribution {
  title: string;
  files: readonly string[];
  publisher: string;
  licence: string;
  attribution: string;
}

export interface SiteDeps {
  db: Kysely<Database>;
  clock: Clock;
  sources: readonly DataSourceAttribution[];
  /** The database's data version: cached pages are served while it stays the same. */
  dataVersion?: () => Promise<string>;
  /** Bytes of rendered pages to keep in memory (0 or unset: no cache). */
  pageCacheBytes?: number;
  /** Re-read templates on every request (development). */
  watchTemplates?: boolean;
  /** Other modules' page templates (their `web/` folders), searched after the site's. */
  moduleViewDirs?: readonly string[];
  /** Who is signed in, for the header (src/main/app.ts passes the accounts module's). */
  viewerOf?: WebPagesOptions['viewerOf'];
  /** The sign-in page, linked from the header. */
  signInUrl?: string;
}
