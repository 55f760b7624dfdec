/**
 * How often the signed-out account forms, and the administrators' invitation form, may be sent, per
 * client address and (where the form names one) per email address. Lock-out (5 wrong passwords in 15
 * minutes) protects each account; these limits slow down guessing across many accounts and stop anyone
 * flooding a person with reset or invitation mail. A council's staff may share one address, so the
 * per-address limits are generous.
 */
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { type LimitRule, limitRequests, type RequestLimit } from '../../../platform/http/rate-limit.ts';
import { emailKey } from '../person-input.ts';

export interface FormRateLimit {
  perAddress: RequestLimit;
  perEmail?: RequestLimit;
}

export interface AccountRateLimits {
  signIn: FormRateLimit;
  forgotPassword: FormRateLimit;
  resetPassword: FormRateLimit;
  acceptInvitation: FormRateLimit;
  /** the administrators' invitation form, whose email address is the person invited (the default unless given) */
  invite?: FormRateLimit;
}

const MINUTE = 60_000;

export const DEFAULT_ACCOUNT_RATE_LIMITS: Required<AccountRateLimits> = {
  signIn: { perAddress: { max: 60, windowMs: 15 * MINUTE }, perEmail: { max: 10, windowMs: 15 * MINUTE } },
  forgotPassword: { perAddress: { max: 20, windowMs: 60 * MINUTE }, perEmail: { max: 3, windowMs: 60 * MINUTE } },
  resetPassword: { perAddress: { max: 20, windowMs: 15 * MINUTE } },
  acceptInvitation: { perAddress: { max: 20, windowMs: 15 * MINUTE } },
  invite: { perAddress: { max: 60, windowMs: 60 * MINUTE }, perEmail: { max: 3, windowMs: 60 * MINUTE } },
};

/** The email address a form names, as the accounts match it (whatever its capitals); null without one. */
function emailOf(request: FastifyRequest): string | null {
  const value = (request.body as Record<string, unknown> | undefined)?.email;
  return typeof value === 'string' && value.trim() !== '' ? `email:${emailKey(value).slice(0, 320)}` : null;
}

/** The preHandler that applies one form's limits. */
export function formRateLimit(app: FastifyInstance, limit: FormRateLimit): preHandlerAsyncHookHandler {
  const rules: LimitRule[] = [limit.perAddress];
  if (limit.perEmail) rules.push({ ...limit.perEmail, key: emailOf });
  return limitRequests(app, rules);
}
