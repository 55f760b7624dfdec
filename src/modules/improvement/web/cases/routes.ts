/**
 * The case pages: the list of cases (and its CSV), a case's page with the owner's forms, and the
 * triggers page with the form adding a version of a rule. They need the page shell (with CASES_VIEWS
 * among its view folders) and accounts' `registerIdentity` first.
 */
import type { FastifyInstance } from 'fastify';
import { pageError } from '../../../../platform/web/index.ts';
import { caseFormRoutes } from './case-forms/routes.ts';
import { caseListRoutes } from './case-list/routes.ts';
import { casePageRoutes } from './case-page/routes.ts';
import { triggerRoutes } from './case-triggers/routes.ts';
import type { CasePagesDeps } from './deps.ts';

/** The folder of the case pages' templates, for the page shell's view folders. */
export const CASES_VIEWS = import.meta.dirname;

export async function casePages(app: FastifyInstance, deps: CasePagesDeps): Promise<void> {
  await app.register(async (pages) => {
    pages.setErrorHandler((error, request, reply) => pageError(error, request, reply));
    caseListRoutes(pages, deps);
    casePageRoutes(pages, deps);
    caseFormRoutes(pages, deps);
    triggerRoutes(pages, deps);
  });
}
