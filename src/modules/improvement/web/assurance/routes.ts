/**
 * The risk, inspection and partnership pages: every council's risk profile and its breakdown under the
 * published formula (with the CSV), the model's form, the proportionate inspection schedule with the
 * ten principles and the self-assessments, the improvement partnerships with their peer reviews, and
 * the forms that file, answer, form, change, record, follow up and link. They need the page shell
 * (with ASSURANCE_VIEWS among its view folders) and accounts' `registerIdentity` first.
 */
import type { FastifyInstance } from 'fastify';
import { pageError } from '../../../../platform/web/index.ts';
import type { AssurancePagesDeps } from './deps.ts';
import { inspectionRoutes } from './inspection/routes.ts';
import { partnershipRoutes } from './partnership/routes.ts';
import { peerReviewRoutes } from './peer-review/routes.ts';
import { riskCouncilRoutes } from './risk-council/routes.ts';
import { riskListRoutes } from './risk-list/routes.ts';
import { riskModelRoutes } from './risk-model/routes.ts';
import { selfAssessmentRoutes } from './self-assessment/routes.ts';

/** The folder of these pages' templates, for the page shell's view folders. */
export const ASSURANCE_VIEWS = import.meta.dirname;

export async function assurancePages(app: FastifyInstance, deps: AssurancePagesDeps): Promise<void> {
  await app.register(async (pages) => {
    pages.setErrorHandler((error, request, reply) => pageError(error, request, reply));
    riskListRoutes(pages, deps);
    riskModelRoutes(pages, deps);
    riskCouncilRoutes(pages, deps);
    inspectionRoutes(pages, deps);
    selfAssessmentRoutes(pages, deps);
    partnershipRoutes(pages, deps);
    peerReviewRoutes(pages, deps);
  });
}
