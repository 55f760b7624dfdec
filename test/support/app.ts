/** The HTTP app on a fresh database, for API and page tests through app.inject(). */
import type { FastifyInstance } from 'fastify';
import { readConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/platform/clock.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { silentLogger } from '../../src/platform/logging.ts';
import { type AccountRateLimits, MemoryMailSender } from '../../src/modules/accounts/index.ts';
import { assembleApp } from '../../src/main/app.ts';
import type { AppContext } from '../../src/main/context.ts';
import { freshDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  database: DatabaseHandle;
  /** the mail the app sent (invitations, reset links) */
  mail: MemoryMailSender;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** lower limits, to see a 429 without hundreds of requests */
  rateLimits?: AccountRateLimits;
  /** PUBLIC_URL (an https one makes cookies Secure) */
  publicUrl?: string;
  /** routes a test adds (a page or API route that needs a role, say) before the app is ready */
  routes?: (app: FastifyInstance) => void | Promise<void>;
  /** more configuration, as environment variables (UPLOAD_LIMIT_MB, say) */
  env?: Record<string, string>;
}

/** The secret the test apps sign cookies with. */
export const TEST_SESSION_SECRET = 'test-session-secret-at-least-32-characters';

export async function freshApp(now = '2026-11-25T12:00:00.000Z', opts: TestAppOptions = {}): Promise<TestApp> {
  const database = await freshDatabase();
  const mail = new MemoryMailSender();
  const clock = fixedClock(now);
  const ctx: AppContext = {
    config: readConfig({
      LOAD_DEMO: 'never',
      LOG_LEVEL: 'silent',
      ...(opts.publicUrl ? { PUBLIC_URL: opts.publicUrl } : {}),
      ...opts.env,
    }),
    logger: silentLogger,
    clock,
    database,
    version: 'test',
    sessionSecret: TEST_SESSION_SECRET,
    mail,
  };
  const app = await assembleApp(ctx, opts.rateLimits ? { rateLimits: opts.rateLimits } : {});
  await opts.routes?.(app);
  await app.ready();
  return {
    app,
    ctx,
    database,
    mail,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
