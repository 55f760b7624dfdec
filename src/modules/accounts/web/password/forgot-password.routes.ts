/** "I have forgotten my password": the form, and the same answer whether or not the address has an account. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../../../platform/errors.ts';
import { render } from '../../../../platform/web/index.ts';
import { requestPasswordReset } from '../../password-reset.service.ts';
import { csrfToken, verifyCsrf } from '../csrf.ts';
import type { AccountPagesDeps } from '../deps.ts';
import { formErrors, readForm, sentText } from '../forms.ts';
import { DEFAULT_ACCOUNT_RATE_LIMITS, formRateLimit } from '../rate-limits.ts';
import { accountUrls } from '../urls.ts';
import { forgotPasswordPageView, resetRequestedPageView } from './view-model.ts';

const TEMPLATE = 'password/forgot-password.njk';
/** Every answer to the forgotten-password form takes at least this long. */
export const RESET_ANSWER_FLOOR_MS = 400;

const waitUntil = (when: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, when - performance.now())));
const PAGE = { schema: { hide: true } };
const ENTER_EMAIL = 'Enter your email address';
const EMAIL_FORMAT = 'Enter an email address in the correct format, like name@example.com';

const forgotPasswordForm = z.object({
  email: z
    .string({ error: ENTER_EMAIL })
    .trim()
    .min(1, ENTER_EMAIL)
    .max(254, 'Email address must be 254 characters or fewer')
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@.]+$/, EMAIL_FORMAT),
});

export function forgotPasswordRoutes(app: FastifyInstance, deps: AccountPagesDeps): void {
  const limits = deps.rateLimits ?? DEFAULT_ACCOUNT_RATE_LIMITS;

  app.get(accountUrls.forgotPassword(), PAGE, async (request, reply) =>
    render(reply, TEMPLATE, forgotPasswordPageView({ csrfToken: csrfToken(request, reply) }), { personal: true }),
  );

  app.post(
    accountUrls.forgotPassword(),
    { ...PAGE, preHandler: [formRateLimit(app, limits.forgotPassword), verifyCsrf] },
    async (request, reply) => {
      const form = readForm(forgotPasswordForm, request.body);
      let errors = form.ok ? undefined : form.errors;
      if (form.ok) {
        const started = performance.now();
        try {
          await requestPasswordReset(deps.db, form.value.email, { clock: deps.clock, mail: deps.mail, links: deps.links });
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
          errors = formErrors([{ field: 'email', text: EMAIL_FORMAT }]);
        }
        // an address with an account costs a link and a message: answer no sooner than the slowest
        // usual case, so the time taken does not tell whether the address has an account
        await waitUntil(started + RESET_ANSWER_FLOOR_MS);
      }
      if (errors) {
        const view = forgotPasswordPageView({
          csrfToken: csrfToken(request, reply),
          email: sentText(request.body, 'email'),
          errors,
        });
        return render(reply, TEMPLATE, view, { status: 400, personal: true });
      }
      return reply.redirect(accountUrls.forgotPasswordSent(), 303);
    },
  );

  app.get(accountUrls.forgotPasswordSent(), PAGE, async (_request, reply) =>
    render(reply, 'password/reset-requested.njk', resetRequestedPageView()),
  );
}
