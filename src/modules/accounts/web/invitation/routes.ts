import type { FastifyInstance } from 'fastify';
import { acceptInvitation } from '../../people.service.ts';
import type { AccountPagesDeps } from '../deps.ts';
import { choosePasswordRoutes } from '../password/choose-password.routes.ts';
import { DEFAULT_ACCOUNT_RATE_LIMITS } from '../rate-limits.ts';
import { accountUrls } from '../urls.ts';

/** The page an invitation's link opens: the invited person chooses their password. */
export function acceptInvitationRoutes(app: FastifyInstance, deps: AccountPagesDeps): void {
  choosePasswordRoutes(app, deps, {
    purpose: 'invitation',
    url: accountUrls.acceptInvitation(),
    limit: (deps.rateLimits ?? DEFAULT_ACCOUNT_RATE_LIMITS).acceptInvitation,
    use: acceptInvitation,
    done: 'invitation-accepted',
  });
}
