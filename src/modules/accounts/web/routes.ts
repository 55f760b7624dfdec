/**
 * The account pages under /account: sign in and out, forgotten password, choosing a password by a
 * reset or invitation link, and your own account. They need the page shell (`registerWebPages`, with
 * ACCOUNTS_VIEWS among its view folders) and `registerIdentity` on the app first.
 */
import type { FastifyInstance } from 'fastify';
import { pageError } from '../../../platform/web/index.ts';
import type { AccountPagesDeps } from './deps.ts';
import { acceptInvitationRoutes } from './invitation/routes.ts';
import { forgotPasswordRoutes } from './password/forgot-password.routes.ts';
import { resetPasswordRoutes } from './password/reset-password.routes.ts';
import { signInRoutes } from './sign-in/routes.ts';
import { yourAccountRoutes } from './your-account/routes.ts';

/** The folder of the account pages' templates, for the page shell's view folders. */
export const ACCOUNTS_VIEWS = import.meta.dirname;

export async function accountPages(app: FastifyInstance, deps: AccountPagesDeps): Promise<void> {
  await app.register(async (pages) => {
    pages.setErrorHandler((error, request, reply) => pageError(error, request, reply));
    signInRoutes(pages, deps);
    forgotPasswordRoutes(pages, deps);
    resetPasswordRoutes(pages, deps);
    acceptInvitationRoutes(pages, deps);
    yourAccountRoutes(pages, deps);
  });
}
