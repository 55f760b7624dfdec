/**
 * The improvement JSON API, read-only and public: cases on the ladder of response, the trigger rules,
 * councils' risk profiles with the published model, the inspection schedule with the ten principles,
 * self-assessments, improvement partnerships and peer reviews. Acting on a case, changing rules or the
 * model, filing or answering a self-assessment and recording peer reviews are done on the pages.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { typed } from '../../../platform/http/app.ts';
import { caseRoutes } from './case.routes.ts';
import { riskRoutes } from './risk.routes.ts';
import { inspectionRoutes } from './inspection.routes.ts';
import { partnershipRoutes } from './partnership.routes.ts';

export type Api = ReturnType<typeof typed>;

export interface ImprovementApiDeps {
  db: Kysely<Database>;
  clock: Clock;
}

export async function improvementApi(app: FastifyInstance, deps: ImprovementApiDeps): Promise<void> {
  const api = typed(app);
  caseRoutes(api, deps);
  riskRoutes(api, deps);
  inspectionRoutes(api, deps);
  partnershipRoutes(api, deps);
}
