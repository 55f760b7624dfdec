import type { FastifyInstance } from 'fastify';
import { resetPassword } from '../../password-reset.service.ts';
import type { AccountPagesDeps } from '../deps.ts';
import { DEFAULT_ACCOUNT_RATE_LIMITS } from '../rate-limits.ts';
import { accountUrls } from '../urls.ts';
import { choosePasswordRoutes } from './choose-password.routes.ts';

/** The page a password reset link opens. */
export function resetPasswordRoutes(app: FastifyInstance, deps: AccountPagesDeps): void {
  choosePasswordRoutes(app, deps, {
    purpose: 'password_reset',
    url: accountUrls.resetPassword(),
    limit: (deps.rateLimits ?? DEFAULT_ACCOUNT_RATE_LIMITS).resetPassword,
    use: resetPassword,
    done: 'password-reset',
  });
}
