/**
 * What every form of these pages needs: someone signed in, a limit on how often one address sends
 * the forms (one count for all of them), and the form's CSRF token.
 */
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { formRateLimit, requireSignIn, verifyCsrf } from '../../../accounts/index.ts';
import { type AssurancePagesDeps, DEFAULT_ASSURANCE_FORM_LIMIT } from './deps.ts';

/** Pages stay out of the OpenAPI document. */
export const PAGE = { schema: { hide: true } };

const checksOf = new WeakMap<FastifyInstance, preHandlerAsyncHookHandler[]>();

export function formChecks(app: FastifyInstance, deps: AssurancePagesDeps): preHandlerAsyncHookHandler[] {
  const made = checksOf.get(app) ?? [
    requireSignIn,
    formRateLimit(app, { perAddress: deps.formLimit ?? DEFAULT_ASSURANCE_FORM_LIMIT }),
    verifyCsrf,
  ];
  checksOf.set(app, made);
  return made;
}

/** The first value of a query parameter, as text ('' when absent). */
export function queryText(query: unknown, name: string): string {
  const value = (query as Record<string, unknown> | null)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}
