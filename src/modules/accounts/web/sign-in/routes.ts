/** Signing in (GET the form, POST it) and out (POST from the header's button). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ForbiddenError, UnauthenticatedError } from '../../../../platform/errors.ts';
import { render, safeReturnTo } from '../../../../platform/web/index.ts';
import { SIGN_IN_REFUSED, signIn, signOut } from '../../sign-in.service.ts';
import { CSRF_REFUSED, csrfToken, csrfTokenIsGood, verifyCsrf } from '../csrf.ts';
import type { AccountPagesDeps } from '../deps.ts';
import { type FormErrors, formErrors, formFields, readForm, sentText } from '../forms.ts';
import { actorOf, endSession, presentedSessionId, sessionIdOf, startSession } from '../identity.ts';
import { DEFAULT_ACCOUNT_RATE_LIMITS, formRateLimit } from '../rate-limits.ts';
import { accountUrls } from '../urls.ts';
import { isSignInReason, signedOutPageView, signInPageView } from './view-model.ts';

const TEMPLATE = 'sign-in/sign-in.njk';
const PAGE = { schema: { hide: true } };

const ENTER_EMAIL = 'Enter your email address';
const ENTER_PASSWORD = 'Enter your password';
const signInForm = z.object({
  email: z.string({ error: ENTER_EMAIL }).trim().min(1, ENTER_EMAIL).max(320, 'Email address must be 320 characters or fewer'),
  password: z.string({ error: ENTER_PASSWORD }).min(1, ENTER_PASSWORD).max(1000, 'Password must be 1,000 characters or fewer'),
});

function renderSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { status?: number; returnTo?: string | undefined; email?: string; errors?: FormErrors; from?: unknown },
) {
  const view = signInPageView({
    csrfToken: csrfToken(request, reply),
    returnTo: opts.returnTo,
    email: opts.email ?? '',
    ...(opts.errors ? { errors: opts.errors } : {}),
    from: isSignInReason(opts.from) ? opts.from : undefined,
  });
  return render(reply, TEMPLATE, view, { status: opts.status ?? 200, personal: true });
}

export function signInRoutes(app: FastifyInstance, deps: AccountPagesDeps): void {
  const limits = deps.rateLimits ?? DEFAULT_ACCOUNT_RATE_LIMITS;

  app.get(accountUrls.signIn(), PAGE, async (request, reply) => {
    const query = formFields(request.query);
    const returnTo = safeReturnTo(query.returnTo);
    if (actorOf(request)?.kind === 'person') return reply.redirect(returnTo ?? accountUrls.account(), 303);
    return renderSignIn(request, reply, { returnTo, from: query.from });
  });

  app.post(
    accountUrls.signIn(),
    { ...PAGE, preHandler: [formRateLimit(app, limits.signIn), verifyCsrf] },
    async (request, reply) => {
      const returnTo = safeReturnTo(formFields(request.body).returnTo);
      const email = sentText(request.body, 'email');
      const form = readForm(signInForm, request.body);
      if (!form.ok) return renderSignIn(request, reply, { status: 400, returnTo, email, errors: form.errors });
      try {
        const signedIn = await signIn(
          deps.db,
          form.value.email,
          form.value.password,
          {
            ipAddress: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
            // the session the browser held before is ended: a session id known before sign-in is never used after it
            previousSessionId: presentedSessionId(request) ?? null,
          },
          { clock: deps.clock },
        );
        startSession(reply, signedIn);
        return reply.redirect(returnTo ?? accountUrls.account(), 303);
      } catch (e) {
        if (!(e instanceof UnauthenticatedError)) throw e;
        const errors = formErrors([{ field: 'email', text: SIGN_IN_REFUSED }]);
        return renderSignIn(request, reply, { status: 400, returnTo, email, errors });
      }
    },
  );

  app.post(accountUrls.signOut(), PAGE, async (request, reply) => {
    const sessionId = sessionIdOf(request);
    if (sessionId !== null) {
      if (!csrfTokenIsGood(request)) throw new ForbiddenError(CSRF_REFUSED);
      await signOut(deps.db, sessionId, { clock: deps.clock });
    }
    endSession(reply);
    return reply.redirect(accountUrls.signedOut(), 303);
  });

  app.get(accountUrls.signedOut(), PAGE, async (_request, reply) => render(reply, 'sign-in/signed-out.njk', signedOutPageView()));
}
