/**
 * The cached public pages read only tables whose every change moves the data version
 * (PUBLIC_TABLES, docs/adr/0017): otherwise a change to another table could leave a page stale.
 * Every public page route is visited (with its CSV downloads) on a small data set of every kind, and
 * the SQL each runs is matched against the tables of the database.
 */
import type { FastifyInstance } from 'fastify';
import { sql, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/database.ts';
import { crawlPages, getRoutes, seedHostileData, TRAFFORD } from '../../../test/support/security.ts';
import { parsePage } from '../../../test/support/site-dom.ts';
import { DATA_SOURCES } from '../../main/sources.ts';
import { siteRoutes } from '../../modules/site/index.ts';
import { fixedClock } from '../clock.ts';
import { dataVersionOf, PUBLIC_TABLES } from '../db/data-version.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { createHttpApp } from '../http/app.ts';
import { silentLogger } from '../logging.ts';

/** Routes that are not pages: the page shell's static files, the API document. */
const NOT_PAGES = /^\/(static|assets|api)\b|^\/health$|\*/;

let database: DatabaseHandle;
let app: FastifyInstance;
const statements: string[] = [];

/** Keeps the SQL of every statement run through the database it is given to. */
function recordingPlugin(handle: DatabaseHandle): KyselyPlugin {
  return {
    transformQuery: ({ node, queryId }) => {
      statements.push(handle.db.getExecutor().compileQuery(node, queryId).sql);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
}

beforeAll(async () => {
  database = await freshDatabase();
  await seedHostileData(database.db);
  app = await createHttpApp({ logger: silentLogger, version: 'test' });
  await siteRoutes(app, {
    db: database.db.withPlugin(recordingPlugin(database)),
    clock: fixedClock('2025-06-01T09:00:00.000Z'),
    sources: DATA_SOURCES,
    dataVersion: await dataVersionOf(database),
    pageCacheBytes: 16 * 1024 * 1024,
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function tablesInDatabase(): Promise<string[]> {
  const { rows } =
    database.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          database.db,
        )
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(database.db);
  return rows.map((r) => r.name);
}

/** Does a URL's path fit a route's pattern (`/areas/:code`)? */
function fits(route: string, url: string): boolean {
  const pattern = route.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+');
  return new RegExp(`^${pattern}$`).test(url.split('?')[0]!);
}

describe('the cached public pages', () => {
  it('read only the tables whose changes move the data version', async () => {
    const pages = await crawlPages(app, ['/', '/about', '/search?q=a', `/compare?area=${TRAFFORD}&group=region`]);
    const downloads = new Set<string>();
    for (const page of pages.values())
      if (String(page.headers['content-type']).startsWith('text/html'))
        for (const a of parsePage(page.body).querySelectorAll('a[href*="format=csv"]')) downloads.add(a.getAttribute('href')!);
    for (const url of downloads) expect((await app.inject(url)).statusCode, url).toBe(200);

    const visited = [...pages.keys(), ...downloads];
    const unvisited = getRoutes(app).filter((route) => !NOT_PAGES.test(route) && !visited.some((url) => fits(route, url)));
    expect(unvisited, 'public page routes the crawl did not reach').toEqual([]);
    expect([...pages.values()].filter((p) => p.status === 200).length).toBeGreaterThan(10);
    expect(downloads.size).toBeGreaterThan(0);

    const read = new Set<string>();
    for (const table of await tablesInDatabase())
      if (statements.some((s) => new RegExp(`\\b${table}\\b`, 'i').test(s))) read.add(table);
    expect([...read].filter((t) => !PUBLIC_TABLES.includes(t)).sort()).toEqual([]);
    expect(read.has('observation')).toBe(true);
  });
});
