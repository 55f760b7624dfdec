/**
 * The plans JSON API. Reading is public (published versions; drafts with a token of the owner body or
 * a body accountable for it). Writing needs a body's API token: importing that body's plans, and
 * reporting progress on the actions it owns. Publishing a draft and changing a target's tolerance on
 * their own are decisions people take on the pages: the API has no route for them.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { typed } from '../../../platform/http/app.ts';
import { itemRoutes } from './item.routes.ts';
import { planRoutes } from './plan.routes.ts';
import { writeRoutes } from './write.routes.ts';

export type Api = ReturnType<typeof typed>;

export interface PlansApiDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** the largest file that may be imported (UPLOAD_LIMIT_MB) */
  uploadLimitBytes: number;
}

export async function plansApi(app: FastifyInstance, deps: PlansApiDeps): Promise<void> {
  const api = typed(app);
  planRoutes(api, deps);
  itemRoutes(api, deps);
  await writeRoutes(app, deps);
}
