/**
 * Security headers for pages: helmet's defaults plus a Content Security Policy that allows
 * scripts only from this site or with this response's nonce, styles only from this site, and
 * no inline code at all otherwise ('unsafe-inline' is never used).
 *
 * @fastify/helmet is registered with `global: false`, so the JSON API and its docs keep their own
 * headers; pages (and the 404 and error pages, wherever they are answered) call
 * `applyPageSecurity(request, reply)`, which sets the headers and returns the nonce.
 */
import { randomBytes } from 'node:crypto';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

type Directives = Record<string, string[]>;

/** The policy without a nonce. */
export const PAGE_CSP: Readonly<Directives> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** The policy for one response: scripts also allowed with its nonce. */
export function pageCspDirectives(nonce: string): Directives {
  return { ...PAGE_CSP, 'script-src': [...(PAGE_CSP['script-src'] ?? []), `'nonce-${nonce}'`] };
}

const HELMET_OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP },
  crossOriginEmbedderPolicy: false,
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' as const },
};

/** Registers @fastify/helmet on `app` (not encapsulated) without applying it to any route. */
export async function registerHelmet(app: FastifyInstance): Promise<void> {
  if (app.hasReplyDecorator('helmet')) return;
  await app.register(fastifyHelmet, { ...HELMET_OPTIONS, global: false, enableCSPNonces: false });
}

const nonces = new WeakMap<FastifyRequest, string>();

/** This request's script nonce (made on first use). */
export function nonceOf(request: FastifyRequest): string {
  let nonce = nonces.get(request);
  if (nonce === undefined) {
    nonce = randomBytes(18).toString('base64');
    nonces.set(request, nonce);
  }
  return nonce;
}

/** Sets the page security headers on this reply and returns the script nonce for its template. */
export function applyPageSecurity(request: FastifyRequest, reply: FastifyReply): string {
  const nonce = nonceOf(request);
  if (typeof reply.helmet === 'function') {
    void reply.helmet({
      ...HELMET_OPTIONS,
      contentSecurityPolicy: { useDefaults: false, directives: pageCspDirectives(nonce) },
    });
  } else {
    // helmet not registered on this instance (should not happen): at least the policy
    reply.header('content-security-policy', serialiseCsp(pageCspDirectives(nonce)));
  }
  return nonce;
}

export function serialiseCsp(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
