/** The HTTP app on a fresh database, for API tests through app.inject(). */
import type { FastifyInstance } from 'fastify';
import { readConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { silentLogger } from '../../src/platform/logging.ts';
import { buildApp } from '../../src/main/app.ts';
import type { AppContext } from '../../src/main/context.ts';
import { freshDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: DatabaseHandle;
  close(): Promise<void>;
}

export async function freshApp(now = '2026-11-25T12:00:00.000Z'): Promise<TestApp> {
  const database = await freshDatabase();
  const ctx: AppContext = {
    config: readConfig({ LOAD_DEMO: 'never', LOG_LEVEL: 'silent' }),
    logger: silentLogger,
    clock: fixedClock(now),
    database,
    version: 'test',
  };
  const app = await buildApp(ctx);
  return {
    app,
    ctx,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
