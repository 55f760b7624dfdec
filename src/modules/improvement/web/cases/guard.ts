/** What every case and trigger form needs: someone signed in, a limit on how often one address sends the forms, the form's token. */
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { formRateLimit, requireSignIn, verifyCsrf } from '../../../accounts/index.ts';
import { type CasePagesDeps, DEFAULT_CASE_FORM_LIMIT } from './deps.ts';

export const PAGE = { schema: { hide: true } };

const checksOf = new WeakMap<FastifyInstance, preHandlerAsyncHookHandler[]>();

/** The checks before a form is read, in order: signed in, not too often (one count for all the case forms), the form's own token. */
export function formChecks(app: FastifyInstance, deps: CasePagesDeps): preHandlerAsyncHookHandler[] {
  const made = checksOf.get(app) ?? [
    requireSignIn,
    formRateLimit(app, { perAddress: deps.formLimit ?? DEFAULT_CASE_FORM_LIMIT }),
    verifyCsrf,
  ];
  checksOf.set(app, made);
  return made;
}
