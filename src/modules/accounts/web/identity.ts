/**
 * Who is asking, on every request. Pages: the signed `lv_session` cookie, resolved to the person and
 * the roles they hold now. The JSON API: `Authorization: Bearer lv_…`, resolved to the body the token
 * acts for; cookies are not read there, so the API needs no CSRF defence and a page's session cannot
 * be used from another site's script. Other modules' routes ask `actorOf(request)` or
 * `requireActor(request)`.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { UnauthenticatedError } from '../../../platform/errors.ts';
import { isApiUrl, PERSONAL_PAGE_CACHE } from '../../../platform/web/index.ts';
import type { SignedIn } from '../accounts.types.ts';
import type { Actor, PersonActor } from '../actor.ts';
import { resolveApiToken } from '../api-tokens.service.ts';
import { resolveSession } from '../sign-in.service.ts';
import { cookieOptions, decorateEdge, edgeOf, edgeSettings } from './edge.ts';

export const SESSION_COOKIE = 'lv_session';
/** Forms are small; uploads come as files, not as form fields. */
const FORM_BODY_LIMIT = 1024 * 1024;

export interface IdentityOptions {
  db: Kysely<Database>;
  clock: Clock;
  /** signs the cookies and keys the CSRF tokens (SESSION_SECRET) */
  secret: string;
  /** send cookies over HTTPS only (the site's public address is https) */
  secureCookies: boolean;
}

interface Identity {
  actor: Actor;
  /** the session the cookie named, when the actor signed in through one */
  sessionId: string | null;
}

const identities = new WeakMap<FastifyRequest, Identity>();

/** Paths that need nobody's identity: static files and the health check. */
const ANONYMOUS_PATHS = /^\/(static|assets)\/|^\/health$|^\/favicon/;

/**
 * Registers cookies, form bodies and the hook that finds who is asking (call on the root app,
 * before any route that needs it).
 */
export async function registerIdentity(app: FastifyInstance, opts: IdentityOptions): Promise<void> {
  const settings = edgeSettings(opts.secret, opts.secureCookies);
  await app.register(fastifyCookie, { secret: settings.cookieKey, hook: 'onRequest' });
  await app.register(fastifyFormbody, { bodyLimit: FORM_BODY_LIMIT });
  decorateEdge(app, settings);
  app.addHook('onRequest', async (request, reply) => {
    if (isApiUrl(request.url)) return identifyApiClient(request, reply, opts);
    if (!ANONYMOUS_PATHS.test(request.url)) return identifyPerson(request, reply, opts);
  });
  // A response that sets a cookie is for one browser: no shared cache may keep it.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.hasHeader('set-cookie')) reply.header('cache-control', PERSONAL_PAGE_CACHE);
    return payload;
  });
}

async function identifyPerson(request: FastifyRequest, reply: FastifyReply, opts: IdentityOptions): Promise<void> {
  const sessionId = presentedSessionId(request);
  if (sessionId === undefined) {
    if (request.cookies[SESSION_COOKIE] !== undefined) endSession(reply);
    return;
  }
  const actor = await resolveSession(opts.db, sessionId, { clock: opts.clock });
  // An ended session's cookie is removed, so the browser is anonymous again (and gets cached pages).
  if (!actor) return void endSession(reply);
  identities.set(request, { actor, sessionId });
}

const BEARER = /^Bearer +(\S+) *$/i;

async function identifyApiClient(request: FastifyRequest, reply: FastifyReply, opts: IdentityOptions): Promise<void> {
  const header = request.headers.authorization;
  const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
  if (token === undefined) return;
  const actor = await resolveApiToken(opts.db, token, { clock: opts.clock });
  if (!actor) {
    reply.header('www-authenticate', 'Bearer error="invalid_token"');
    throw new UnauthenticatedError('The API token is not valid: it is unknown or has been revoked');
  }
  identities.set(request, { actor, sessionId: null });
}

/** The session id in the request's cookie when its signature holds (the session may have ended). */
export function presentedSessionId(request: FastifyRequest): string | undefined {
  const raw = request.cookies[SESSION_COOKIE];
  if (raw === undefined) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

/** Who is asking, or null for someone not signed in (or an API client without a token). */
export function actorOf(request: FastifyRequest): Actor | null {
  return identities.get(request)?.actor ?? null;
}

/** A rate-limit key per API token (a council's machines may share one address); null for anyone else. */
export function perApiToken(request: FastifyRequest): string | null {
  const actor = actorOf(request);
  return actor?.kind === 'api_token' ? `token:${actor.tokenId}` : null;
}

/** Who is asking; an UnauthenticatedError (401, or the sign-in page) for nobody. */
export function requireActor(request: FastifyRequest): Actor {
  const actor = actorOf(request);
  if (actor) return actor;
  throw new UnauthenticatedError(
    isApiUrl(request.url) ? 'This needs an API token: send it as Authorization: Bearer lv_…' : 'Sign in to continue',
  );
}

/** The signed-in person asking (pages that are about a person, such as their own account). */
export function requirePerson(request: FastifyRequest): PersonActor {
  const actor = requireActor(request);
  if (actor.kind !== 'person') throw new UnauthenticatedError('Sign in to continue');
  return actor;
}

/**
 * A preHandler for routes only a signed-in person may use: someone else is sent to sign in (pages)
 * or answered 401 (API) before anything else is checked. Put it before `verifyCsrf` on a form.
 */
export async function requireSignIn(request: FastifyRequest): Promise<void> {
  requireActor(request);
}

/** The session the request came with, when it is an open one. */
export function sessionIdOf(request: FastifyRequest): string | null {
  return identities.get(request)?.sessionId ?? null;
}

/** Gives the browser its new session (after signing in). */
export function startSession(reply: FastifyReply, signedIn: SignedIn): void {
  const settings = edgeOf(reply.server);
  reply.setCookie(SESSION_COOKIE, signedIn.sessionId, cookieOptions(settings, { sameSite: 'lax', path: '/' }));
}

/** Removes the session cookie (signing out, or a session that has ended). */
export function endSession(reply: FastifyReply): void {
  const settings = edgeOf(reply.server);
  reply.clearCookie(SESSION_COOKIE, cookieOptions(settings, { sameSite: 'lax', path: '/' }));
}
