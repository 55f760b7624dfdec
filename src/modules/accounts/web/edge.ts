/**
 * What the accounts edge keeps on the app: keys derived from the one session secret (so a value
 * signed for one use cannot be replayed as another) and the cookie settings.
 */
import { createHmac } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';

export interface EdgeSettings {
  /** signs cookies (@fastify/cookie) */
  cookieKey: string;
  /** keys the CSRF tokens' HMAC */
  csrfKey: Buffer;
  /** cookies only over HTTPS */
  secureCookies: boolean;
}

const DECORATOR = 'localVisionAccountsEdge';

export function deriveKey(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`local-vision ${purpose}`).digest();
}

export function edgeSettings(secret: string, secureCookies: boolean): EdgeSettings {
  return {
    cookieKey: deriveKey(secret, 'cookie signing').toString('base64url'),
    csrfKey: deriveKey(secret, 'csrf tokens'),
    secureCookies,
  };
}

export function decorateEdge(app: FastifyInstance, settings: EdgeSettings): void {
  app.decorate(DECORATOR, settings);
}

export function edgeOf(app: FastifyInstance): EdgeSettings {
  return app.getDecorator<EdgeSettings>(DECORATOR);
}

/** Cookies the edge sets: never readable by scripts, sent over HTTPS only when the site is served so. */
export function cookieOptions(settings: EdgeSettings, extra: CookieSerializeOptions): CookieSerializeOptions {
  return { httpOnly: true, secure: settings.secureCookies, signed: true, ...extra };
}
