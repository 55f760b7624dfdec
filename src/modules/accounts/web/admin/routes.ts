/**
 * The administration pages: people and their roles (administrators), and a body's API tokens
 * (administrators and the body's performance officers). Every form POSTs with the session's CSRF
 * token; templates live beside the routes, under the accounts views folder.
 */
import type { FastifyInstance } from 'fastify';
import { pageError } from '../../../../platform/web/index.ts';
import type { AccountPagesDeps } from '../deps.ts';
import { peopleRoutes } from './people.routes.ts';
import { personRoutes } from './person.routes.ts';
import { tokenRoutes } from './tokens.routes.ts';

export async function adminPages(app: FastifyInstance, deps: AccountPagesDeps): Promise<void> {
  await app.register(async (pages) => {
    pages.setErrorHandler((error, request, reply) => pageError(error, request, reply));
    peopleRoutes(pages, deps);
    personRoutes(pages, deps);
    tokenRoutes(pages, deps);
  });
}
