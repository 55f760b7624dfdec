/**
 * What every plan form needs: someone signed in, a limit on how often one address sends the forms,
 * the form's CSRF token, and the draft of a plan the person may change.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { ForbiddenError } from '../../../../platform/errors.ts';
import { render } from '../../../../platform/web/index.ts';
import { type Actor, csrfToken, formRateLimit, requireSignIn, verifyCsrf } from '../../../accounts/index.ts';
import { getPlan, type PlanView } from '../../index.ts';
import { DEFAULT_PLAN_FORM_LIMIT, type PlanPagesDeps } from '../deps.ts';
import { planUrls } from '../urls.ts';

export const PAGE = { schema: { hide: true } };

const checksOf = new WeakMap<FastifyInstance, preHandlerAsyncHookHandler[]>();

/**
 * The checks before a plan form is read, in order: signed in, not too often (one count for all the
 * plan forms of the app), the form's own token.
 */
export function formChecks(app: FastifyInstance, deps: PlanPagesDeps): preHandlerAsyncHookHandler[] {
  const made = checksOf.get(app) ?? [
    requireSignIn,
    formRateLimit(app, { perAddress: deps.formLimit ?? DEFAULT_PLAN_FORM_LIMIT }),
    verifyCsrf,
  ];
  checksOf.set(app, made);
  return made;
}

/** The plan with its draft, for someone who may change it; the draft is null when it has none. */
export async function draftToEdit(
  deps: PlanPagesDeps,
  actor: Actor,
  planId: string,
): Promise<{ draft: PlanView | null; title: string }> {
  const first = await getPlan(deps.db, actor, planId, { version: 1 }, deps);
  const title = first.versions[first.versions.length - 1]?.title ?? first.version.title;
  if (!first.access.mayEdit) throw new ForbiddenError(`You may not change ${title}`);
  if (!first.versions.some((v) => v.state === 'draft')) return { draft: null, title };
  return { draft: await getPlan(deps.db, actor, planId, { draft: true }, deps), title };
}

/** Says that the plan has no draft to change, with the way to start one (409: the plan is not in a state to change). */
export function noDraft(request: FastifyRequest, reply: FastifyReply, planId: string, title: string) {
  return render(
    reply,
    'plan-edit/no-draft.njk',
    {
      pageTitle: `${title} has no draft`,
      planHref: planUrls.plan(planId),
      reviseAction: planUrls.revise(planId),
      csrfToken: csrfToken(request, reply),
    },
    { status: 409 },
  );
}
