/**
 * The HTTP application: the public pages, the JSON API of every module, its OpenAPI document and docs.
 */
import type { FastifyInstance } from 'fastify';
import { dataVersionOf } from '../platform/db/data-version.ts';
import { createHttpApp } from '../platform/http/app.ts';
import { placesApi } from '../modules/places/index.ts';
import { bodiesApi } from '../modules/bodies/index.ts';
import { indicatorsApi } from '../modules/indicators/index.ts';
import { dataApi } from '../modules/data/index.ts';
import { analysisApi } from '../modules/analysis/index.ts';
import { siteRoutes } from '../modules/site/index.ts';
import type { AppContext } from './context.ts';
import { sourcesApi } from './sources.api.ts';
import { DATA_SOURCES } from './sources.ts';

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = await createHttpApp({ logger: ctx.logger, version: ctx.version });
  const deps = { db: ctx.database.db, clock: ctx.clock };
  await app.register(
    async (api) => {
      await placesApi(api, deps);
      await bodiesApi(api, deps);
      await indicatorsApi(api, deps);
      await dataApi(api, deps);
      await analysisApi(api, deps);
      await sourcesApi(api);
    },
    { prefix: '/api/v1' },
  );
  await siteRoutes(app, {
    db: ctx.database.db,
    clock: ctx.clock,
    sources: DATA_SOURCES,
    dataVersion: await dataVersionOf(ctx.database),
    pageCacheBytes: ctx.config.pageCacheBytes,
  });
  await app.ready();
  return app;
}
