/**
 * A body's API tokens, for administrators and the body's performance officers (issue_api_tokens):
 * the list, issuing one (its plaintext shown once, on the page the form redirects to, never cached),
 * and revoking one (confirmed). Administrators reach a body's tokens through /admin/tokens.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../../../../platform/errors.ts';
import { render } from '../../../../platform/web/index.ts';
import { type Body, getBody } from '../../../bodies/index.ts';
import type { Actor } from '../../actor.ts';
import { apiTokensOfBody, findApiTokenOfBody, issueApiToken, revokeApiToken } from '../../api-tokens.service.ts';
import { requirePermission } from '../../permissions.ts';
import { csrfToken } from '../csrf.ts';
import type { AccountPagesDeps } from '../deps.ts';
import { type FormErrors, formErrors, formFields, readForm, sentText } from '../forms.ts';
import { requireActor } from '../identity.ts';
import { allBodies } from './bodies.ts';
import { refusalErrors } from './grant-fields.ts';
import { administrator, PAGE, SIGNED_IN_FORM } from './guard.ts';
import {
  chooseTokensBodyPageView,
  isTokensNotice,
  revokeTokenPageView,
  tokenIssuedPageView,
  tokensPageView,
} from './tokens.view-model.ts';
import { adminUrls } from './urls.ts';

type BodyParams = { Params: { id: string } };

/** Tokens just issued, held in memory until their one showing (or a few minutes), for whoever issued them. */
class JustIssuedTokens {
  private readonly held = new Map<string, { key: string; bodyId: string; until: number; issued: IssuedToken }>();
  keep(key: string, bodyId: string, issued: IssuedToken): string {
    const now = Date.now();
    for (const [ref, h] of this.held) if (h.until < now) this.held.delete(ref);
    const ref = randomBytes(18).toString('base64url');
    this.held.set(ref, { key, bodyId, until: now + SHOW_WITHIN_MS, issued });
    return ref;
  }
  take(ref: string, key: string, bodyId: string): IssuedToken | undefined {
    const h = this.held.get(ref);
    if (!h || h.key !== key || h.bodyId !== bodyId || h.until < Date.now()) return undefined;
    this.held.delete(ref);
    return h.issued;
  }
}
type IssuedToken = Awaited<ReturnType<typeof issueApiToken>>;
const SHOW_WITHIN_MS = 10 * 60 * 1000;
const justIssued = new JustIssuedTokens();
/** Who may see a held token: the same person in the same session. */
const showingKeyOf = (actor: Actor) => (actor.kind === 'person' ? `${actor.personId}:${actor.sessionRef ?? ''}` : actor.kind);
type TokenParams = { Params: { id: string; tokenId: string } };

const ENTER_NAME = 'Enter a name that says what the token is for';
const issueForm = z.object({
  name: z.string({ error: ENTER_NAME }).trim().min(1, ENTER_NAME).max(100, 'Name must be 100 characters or fewer'),
});

/** The body, when the person asking may issue its tokens (403 otherwise; 404 for an unknown body). */
async function tokenKeeper(
  request: FastifyRequest,
  deps: AccountPagesDeps,
  bodyId: string,
): Promise<{ actor: Actor; body: Body }> {
  const actor = requireActor(request);
  requirePermission(actor, 'issue_api_tokens', { bodyId });
  const body = await getBody(deps.db, bodyId);
  if (!body) throw new NotFoundError(`No body ${bodyId}`);
  return { actor, body };
}

export function tokenRoutes(app: FastifyInstance, deps: AccountPagesDeps): void {
  const { db } = deps;

  app.get(adminUrls.chooseTokensBody(), PAGE, async (request, reply) => {
    administrator(request);
    const body = formFields(request.query).body;
    const { bodies } = await allBodies(db);
    if (typeof body === 'string' && bodies.some((b) => b.id === body)) return reply.redirect(adminUrls.tokens(body), 303);
    const errors = body === undefined ? undefined : formErrors([{ field: 'body', text: 'Choose a body from the list' }]);
    const view = chooseTokensBodyPageView({ bodies, ...(errors ? { errors } : {}) });
    return render(reply, 'admin/choose-body.njk', view, { status: errors ? 400 : 200 });
  });

  const showTokens = async (
    request: FastifyRequest,
    reply: FastifyReply,
    keeper: { actor: Actor; body: Body },
    opts: { name?: string; errors?: FormErrors } = {},
  ) => {
    const done = formFields(request.query).done;
    const view = tokensPageView({
      body: keeper.body,
      tokens: await apiTokensOfBody(db, keeper.actor, keeper.body.id),
      csrfToken: csrfToken(request, reply),
      notice: opts.errors === undefined && isTokensNotice(done) ? done : undefined,
      ...opts,
    });
    return render(reply, 'admin/tokens.njk', view, { status: opts.errors ? 400 : 200 });
  };

  app.get<BodyParams>('/bodies/:id/tokens', PAGE, async (request, reply) =>
    showTokens(request, reply, await tokenKeeper(request, deps, request.params.id)),
  );

  app.post<BodyParams>('/bodies/:id/tokens', SIGNED_IN_FORM, async (request, reply) => {
    const keeper = await tokenKeeper(request, deps, request.params.id);
    const name = sentText(request.body, 'name');
    const form = readForm(issueForm, request.body);
    if (!form.ok) return showTokens(request, reply, keeper, { name, errors: form.errors });
    try {
      const issued = await issueApiToken(
        db,
        keeper.actor,
        { bodyId: keeper.body.id, name: form.value.name },
        { clock: deps.clock },
      );
      // Shown once, on the page the form redirects to: a reload of that page issues nothing more.
      const ref = justIssued.keep(showingKeyOf(keeper.actor), keeper.body.id, issued);
      return reply.redirect(adminUrls.tokenIssued(keeper.body.id, ref), 303);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return showTokens(request, reply, keeper, { name, errors: refusalErrors(e, ['name'], 'name') });
    }
  });

  app.get<{ Params: { id: string; ref: string } }>('/bodies/:id/tokens/issued/:ref', PAGE, async (request, reply) => {
    const keeper = await tokenKeeper(request, deps, request.params.id);
    const issued = justIssued.take(request.params.ref, showingKeyOf(keeper.actor), keeper.body.id);
    if (!issued)
      throw new NotFoundError(
        'A new token is shown only once, to whoever issued it: revoke it and issue another if it was not copied',
      );
    // `personal` keeps every cache from storing the page that holds the token
    const view = tokenIssuedPageView({ body: keeper.body, token: issued.token, plaintext: issued.plaintext });
    return render(reply, 'admin/token-issued.njk', view, { personal: true });
  });

  const showRevoke = async (request: FastifyRequest, reply: FastifyReply, params: TokenParams['Params'], errors?: FormErrors) => {
    const keeper = await tokenKeeper(request, deps, params.id);
    const token = await findApiTokenOfBody(db, keeper.actor, keeper.body.id, params.tokenId);
    if (!token || (token.revokedAt !== null && !errors))
      throw new NotFoundError(`${keeper.body.name} has no live token ${params.tokenId}`);
    const view = revokeTokenPageView({
      body: keeper.body,
      token,
      csrfToken: csrfToken(request, reply),
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'admin/confirm.njk', view, { status: errors ? 400 : 200 });
  };

  app.get<TokenParams>('/bodies/:id/tokens/:tokenId/revoke', PAGE, async (request, reply) =>
    showRevoke(request, reply, request.params),
  );

  app.post<TokenParams>('/bodies/:id/tokens/:tokenId/revoke', SIGNED_IN_FORM, async (request, reply) => {
    const keeper = await tokenKeeper(request, deps, request.params.id);
    const token = await findApiTokenOfBody(db, keeper.actor, keeper.body.id, request.params.tokenId);
    if (!token) throw new NotFoundError(`${keeper.body.name} has no token ${request.params.tokenId}`);
    try {
      await revokeApiToken(db, keeper.actor, token.id, { clock: deps.clock });
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      return showRevoke(request, reply, request.params, formErrors([{ field: 'confirm', text: e.message }]));
    }
    return reply.redirect(adminUrls.tokens(keeper.body.id, 'revoked'), 303);
  });
}
