/**
 * Security headers for pages: helmet's defaults plus a Content Security Policy that allows scripts
 * only from this site or, inline, only those whose SHA-256 hash it lists (the layout's one line
 * that marks the page as having JavaScript), styles only from this site, and no other inline code
 * ('unsafe-inline' is never used).
 *
 * Hashes rather than per-response nonces: public pages are cached (by the server until the data
 * changes, by browsers and proxies for five minutes), so the same bytes reach many readers, and a
 * nonce that is shared is no nonce. A hash is as strict and stays true for every copy (ADR 0011).
 *
 * @fastify/helmet is registered with `global: false`, so the JSON API and its docs keep their own
 * headers; pages (and the 404 and error pages, wherever they are answered) call
 * `applyPageSecurity(reply, directives)`.
 */
import { createHash } from 'node:crypto';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';

export type Directives = Record<string, string[]>;

/** The policy before the inline scripts' hashes are added. */
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

/** The policy for pages whose inline scripts have these hashes (`'sha256-…'`, from `inlineScriptHashes`). */
export function pageCspDirectives(scriptHashes: readonly string[]): Directives {
  return { ...PAGE_CSP, 'script-src': [...(PAGE_CSP['script-src'] ?? []), ...scriptHashes] };
}

/** The CSP source expressions (`'sha256-…'`) of the inline scripts in a page, in order, without repeats. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1] ?? '')) continue;
    hashes.add(
      `'sha256-${createHash('sha256')
        .update(m[2] ?? '', 'utf8')
        .digest('base64')}'`,
    );
  }
  return [...hashes];
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

/** Sets the page security headers on this reply. */
export function applyPageSecurity(reply: FastifyReply, directives: Directives): void {
  if (typeof reply.helmet === 'function') {
    void reply.helmet({ ...HELMET_OPTIONS, contentSecurityPolicy: { useDefaults: false, directives } });
  } else {
    // helmet not registered on this instance (should not happen): at least the policy
    reply.header('content-security-policy', serialiseCsp(directives));
  }
}

export function serialiseCsp(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
