/**
 * CSRF protection for every form that POSTs. A signed-in person's forms carry a synchroniser token
 * bound to their session (an HMAC of the session id); the forms people use before signing in (sign in,
 * forgotten password, reset, accept an invitation) carry the HMAC of a random value kept in a signed
 * cookie whose path is /account, so readers of the public pages carry no cookie and keep getting
 * cached pages. A form without the right token is refused with 403 and changes nothing.
 *
 * In a route: `preHandler: verifyCsrf`, and `csrfToken: csrfToken(request, reply)` in the view model,
 * which the template puts in the form with `{{ csrfField(csrfToken) }}` from "csrf.njk".
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../../../platform/errors.ts';
import { CSRF_FIELD } from '../../../platform/web/index.ts';
import { cookieOptions, edgeOf, type EdgeSettings } from './edge.ts';
import { sessionIdOf } from './identity.ts';

export const CSRF_COOKIE = 'lv_csrf';
/** Where the signed-out forms live: the only path the browser sends the CSRF cookie to. */
export const CSRF_COOKIE_PATH = '/account';

export const CSRF_REFUSED =
  'This form could not be accepted: it was out of date, or it was not sent from this site. Nothing was changed. Go back, reload the page and try again.';

function hmac(settings: EdgeSettings, kind: 'session' | 'anonymous', value: string): string {
  return createHmac('sha256', settings.csrfKey).update(`${kind}\0${value}`).digest('base64url');
}

/** The token for a signed-in person's forms: the same for the whole session. */
export function sessionCsrfToken(settings: EdgeSettings, sessionId: string): string {
  return hmac(settings, 'session', sessionId);
}

/** The random value in the CSRF cookie, when the request carries one with a good signature. */
function cookieValue(request: FastifyRequest): string | undefined {
  const raw = request.cookies[CSRF_COOKIE];
  if (raw === undefined) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

/** Values made during this request, so two forms on one page get the same token. */
const madeNow = new WeakMap<FastifyRequest, string>();

/**
 * The token to put in a form on this page. For someone not signed in it sets the CSRF cookie when
 * the browser has none (so call it only on pages under /account).
 */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const settings = edgeOf(reply.server);
  const sessionId = sessionIdOf(request);
  if (sessionId !== null) return sessionCsrfToken(settings, sessionId);
  let value = cookieValue(request) ?? madeNow.get(request);
  if (value === undefined) {
    value = randomBytes(32).toString('base64url');
    madeNow.set(request, value);
    reply.setCookie(CSRF_COOKIE, value, cookieOptions(settings, { sameSite: 'strict', path: CSRF_COOKIE_PATH }));
  }
  return hmac(settings, 'anonymous', value);
}

function presentedToken(body: unknown): string | undefined {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[CSRF_FIELD] : undefined;
  return typeof value === 'string' && value.length <= 200 ? value : undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether the form's token is one this browser was given (for its session, or before signing in). */
export function csrfTokenIsGood(request: FastifyRequest): boolean {
  const presented = presentedToken(request.body);
  if (presented === undefined) return false;
  const settings = edgeOf(request.server);
  const sessionId = sessionIdOf(request);
  const anonymous = cookieValue(request);
  return (
    (sessionId !== null && same(presented, sessionCsrfToken(settings, sessionId))) ||
    (anonymous !== undefined && same(presented, hmac(settings, 'anonymous', anonymous)))
  );
}

/** A preHandler for every form POST: a ForbiddenError (the 403 page) unless the token is good. */
export async function verifyCsrf(request: FastifyRequest): Promise<void> {
  if (!csrfTokenIsGood(request)) throw new ForbiddenError(CSRF_REFUSED);
}
