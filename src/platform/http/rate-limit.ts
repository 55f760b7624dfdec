/**
 * Rate limits for routes that people could hammer: signing in, asking for a password reset, and
 * (later) the public write routes. Built on @fastify/rate-limit's counters (in this process's
 * memory), with several limits on one route — per client address and per email address, say — and
 * one answer when any is exceeded: 429 with Retry-After, which the error handlers turn into the
 * API's JSON error or the "Too many attempts" page.
 */
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';

export interface RequestLimit {
  /** requests allowed in each window */
  max: number;
  windowMs: number;
}

export interface LimitRule extends RequestLimit {
  /**
   * What is counted: the client's address unless given. A rule whose key is null for a request does
   * not count it (a form sent without an email address is not limited per email address).
   */
  key?: (request: FastifyRequest) => string | null;
}

/** 429: a client asked too often. Fastify's error handlers read `statusCode` and `code`. */
export class TooManyRequestsError extends Error {
  readonly statusCode = 429;
  readonly code = 'TOO_MANY_REQUESTS';
  override name = 'TooManyRequestsError';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests: try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`);
  }
}

/** Registers the counters on the root app (once); routes then use `limitRequests`. */
export async function registerRateLimiting(app: FastifyInstance): Promise<void> {
  if (app.hasDecorator('createRateLimit')) return;
  await app.register(fastifyRateLimit, { global: false });
}

const clientAddress = (request: FastifyRequest) => request.ip;

/**
 * A preHandler that counts the request against every rule and refuses it with TooManyRequestsError
 * when any is exceeded. Put it before the handler's other checks, so refused floods cost little.
 */
export function limitRequests(app: FastifyInstance, rules: readonly LimitRule[]): preHandlerAsyncHookHandler {
  const limiters = rules.map((rule) => {
    const key = rule.key ?? clientAddress;
    return app.createRateLimit({
      max: rule.max,
      timeWindow: rule.windowMs,
      keyGenerator: (request) => key(request) ?? '',
      allowList: (request) => key(request) === null,
    });
  });
  return async function rateLimited(request, reply) {
    let retryAfter = 0;
    for (const limiter of limiters) {
      const result = await limiter(request);
      if (!result.isAllowed && result.isExceeded) retryAfter = Math.max(retryAfter, result.ttlInSeconds);
    }
    if (retryAfter > 0) {
      reply.header('retry-after', String(retryAfter));
      throw new TooManyRequestsError(retryAfter);
    }
  };
}
