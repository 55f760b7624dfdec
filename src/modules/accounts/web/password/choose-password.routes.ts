/**
 * Choosing a password with a one-time link: a password reset, or accepting an invitation. The GET
 * shows the form (or says the link cannot be used) and carries the token into a hidden field; the
 * POST uses the link once, then sends the person to sign in.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Executor } from '../../../../platform/db/executor.ts';
import { ValidationError } from '../../../../platform/errors.ts';
import { render } from '../../../../platform/web/index.ts';
import type { ClockDeps, Person } from '../../accounts.types.ts';
import { inspectOneTimeLink, type OneTimePurpose } from '../../one-time-tokens.ts';
import { csrfToken, verifyCsrf } from '../csrf.ts';
import type { AccountPagesDeps } from '../deps.ts';
import { type FormErrors, formErrors, formFields, readForm } from '../forms.ts';
import { type FormRateLimit, formRateLimit } from '../rate-limits.ts';
import { accountUrls, type SignInReason } from '../urls.ts';
import { choosePasswordPageView, linkRefusedPageView } from './view-model.ts';

const PAGE = { schema: { hide: true } };
const ENTER_PASSWORD = 'Enter a password';

const choosePasswordForm = z.object({
  token: z.string({ error: 'token' }).min(1, 'token').max(200, 'token'),
  password: z.string({ error: ENTER_PASSWORD }).min(1, ENTER_PASSWORD),
});

export interface ChoosePasswordSpec {
  purpose: OneTimePurpose;
  /** the page's address (without the token) */
  url: string;
  limit: FormRateLimit;
  /** the accounts service that uses the link */
  use: (db: Executor, token: string, password: string, deps: ClockDeps) => Promise<Person>;
  /** what the sign-in page then says */
  done: SignInReason;
}

function linkRefused(reply: FastifyReply, purpose: OneTimePurpose) {
  return render(reply, 'password/link-refused.njk', linkRefusedPageView(purpose), { status: 400, personal: true });
}

async function showForm(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AccountPagesDeps,
  spec: ChoosePasswordSpec,
  token: unknown,
  errors?: FormErrors,
) {
  const person = typeof token === 'string' ? await inspectOneTimeLink(deps.db, token, spec.purpose, { clock: deps.clock }) : null;
  if (!person || typeof token !== 'string') return linkRefused(reply, spec.purpose);
  const view = choosePasswordPageView({
    purpose: spec.purpose,
    person,
    token,
    csrfToken: csrfToken(request, reply),
    ...(errors ? { errors } : {}),
  });
  return render(reply, 'password/choose-password.njk', view, { status: errors ? 400 : 200, personal: true });
}

export function choosePasswordRoutes(app: FastifyInstance, deps: AccountPagesDeps, spec: ChoosePasswordSpec): void {
  app.get(spec.url, PAGE, async (request, reply) => showForm(request, reply, deps, spec, formFields(request.query).token));

  app.post(spec.url, { ...PAGE, preHandler: [formRateLimit(app, spec.limit), verifyCsrf] }, async (request, reply) => {
    const token = formFields(request.body).token;
    const form = readForm(choosePasswordForm, request.body);
    if (!form.ok) {
      if (form.errors.fields.token) return linkRefused(reply, spec.purpose);
      return showForm(request, reply, deps, spec, token, form.errors);
    }
    try {
      await spec.use(deps.db, form.value.token, form.value.password, { clock: deps.clock });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      if (e.details.some((d) => d.field === 'token')) return linkRefused(reply, spec.purpose);
      const errors = formErrors(e.details.map((d) => ({ field: 'password', text: `Password ${d.reason}` })));
      return showForm(request, reply, deps, spec, token, errors);
    }
    return reply.redirect(accountUrls.signIn({ from: spec.done }), 303);
  });
}
