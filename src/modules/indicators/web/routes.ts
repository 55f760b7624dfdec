/**
 * The pages through which councils define their own local indicators and administrators maintain
 * the national ones. They need the page shell (with INDICATORS_VIEWS among its view folders) and
 * accounts' `registerIdentity` on the app first. The public indicator pages are the site's.
 */
import type { FastifyInstance } from 'fastify';
import { pageError } from '../../../platform/web/index.ts';
import { definitionFormRoutes } from './definition-form/routes.ts';
import { definitionListRoutes } from './definition-lists/routes.ts';
import type { IndicatorPagesDeps } from './deps.ts';

/** The folder of the definition pages' templates, for the page shell's view folders. */
export const INDICATORS_VIEWS = import.meta.dirname;

export async function indicatorPages(app: FastifyInstance, deps: IndicatorPagesDeps): Promise<void> {
  await app.register(async (pages) => {
    pages.setErrorHandler((error, request, reply) => pageError(error, request, reply));
    definitionListRoutes(pages, deps);
    definitionFormRoutes(pages, deps);
  });
}
