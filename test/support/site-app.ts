/**
 * The HTTP app with the public site's pages on a fresh database, for page tests through
 * app.inject(). Built without src/main/app.ts: createHttpApp(), siteRoutes() and, standing in for
 * the app-wide not-found handler's dispatch by URL, a hook that answers non-/api 404s with the page.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import { dataVersionOf } from '../../src/platform/db/data-version.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { createHttpApp } from '../../src/platform/http/app.ts';
import { silentLogger } from '../../src/platform/logging.ts';
import { isApiUrl, pageNotFound } from '../../src/platform/web/index.ts';
import { siteRoutes, type DataSourceAttribution } from '../../src/modules/site/index.ts';
import { DATA_SOURCES } from '../../src/main/sources.ts';
import { freshDatabase } from './database.ts';
import { parsePage, type HTMLElement } from './site-dom.ts';

/** The data sources the test app's pages attribute unless told otherwise: the real ones. */
export const SITE_TEST_SOURCES: readonly DataSourceAttribution[] = DATA_SOURCES;

export interface SiteTestApp {
  app: FastifyInstance;
  db: Kysely<Database>;
  database: DatabaseHandle;
  /** GET a page and parse it. */
  page(url: string): Promise<{ response: LightMyRequestResponse; document: HTMLElement }>;
  close(): Promise<void>;
}

export interface SiteTestAppOptions {
  now?: string;
  sources?: readonly DataSourceAttribution[];
}

export async function freshSiteApp(opts: SiteTestAppOptions = {}): Promise<SiteTestApp> {
  const database = await freshDatabase();
  const app = await createHttpApp({ logger: silentLogger, version: 'test' });
  await siteRoutes(app, {
    db: database.db,
    clock: fixedClock(opts.now ?? '2025-06-01T09:00:00.000Z'),
    sources: opts.sources ?? SITE_TEST_SOURCES,
    // as the server runs: pages cached until the data changes (tests writing between pages check that)
    dataVersion: await dataVersionOf(database),
    pageCacheBytes: 16 * 1024 * 1024,
  });
  // after siteRoutes, so that helmet's own onRequest hook has prepared the reply
  app.addHook('onRequest', async (request, reply) => {
    if (request.is404 && !isApiUrl(request.url)) return pageNotFound(request, reply);
  });
  await app.ready();
  return {
    app,
    db: database.db,
    database,
    page: async (url: string) => {
      const response = await app.inject({ method: 'GET', url } satisfies InjectOptions);
      return { response, document: parsePage(response.body) };
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
