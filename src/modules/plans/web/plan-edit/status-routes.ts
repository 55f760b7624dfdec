/**
 * A target's tolerance (GET/POST /plans/:id/items/:key/tolerance), for those who may edit the plan,
 * and a progress report on an action (GET/POST /plans/:id/items/:key/progress), for them and the
 * action's own body. Both read the item as the version in force has it (or the latest published).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, ValidationError } from '../../../../platform/errors.ts';
import { type FormErrors, formErrors, render } from '../../../../platform/web/index.ts';
import { csrfToken, requirePerson, requireSignIn } from '../../../accounts/index.ts';
import { actionDetail, changeStatusRule, reportActionProgress, targetDetail } from '../../index.ts';
import type { PlanPagesDeps } from '../deps.ts';
import { itemParams } from '../plan-item/routes.ts';
import { todayOf, withVersion } from '../plan/load.ts';
import { planUrls } from '../urls.ts';
import { readDate, serviceErrors, withDateLinks } from './form-problems.ts';
import { formChecks, PAGE } from './guard.ts';
import {
  PROGRESS_FIELDS,
  progressFormView,
  progressSent,
  type ProgressSent,
  TOLERANCE_FIELDS,
  toleranceFormView,
  toleranceSent,
  type ToleranceSent,
} from './status-forms.ts';

export function statusFormRoutes(app: FastifyInstance, deps: PlanPagesDeps): void {
  const checks = formChecks(app, deps);

  async function targetOf(request: FastifyRequest) {
    const { id, key } = itemParams.parse(request.params);
    const actor = requirePerson(request);
    const detail = await withVersion(deps.db, actor, id, {}, deps, (c) =>
      targetDetail(deps.db, actor, { planId: id, key }, c, deps),
    );
    if (!detail.access.mayEdit) throw new ForbiddenError(`You may not change the tolerance of ${detail.target.title}`);
    return detail;
  }

  async function showTolerance(request: FastifyRequest, reply: FastifyReply, sent?: ToleranceSent, errors?: FormErrors) {
    const detail = await targetOf(request);
    const view = toleranceFormView({
      detail,
      csrfToken: csrfToken(request, reply),
      ...(sent ? { sent } : {}),
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'plan-edit/tolerance.njk', view, { status: errors ? 400 : 200 });
  }

  app.get('/plans/:id/items/:key/tolerance', { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) =>
    showTolerance(request, reply),
  );

  app.post('/plans/:id/items/:key/tolerance', { ...PAGE, preHandler: checks }, async (request, reply) => {
    const detail = await targetOf(request);
    const sent = toleranceSent(request.body);
    const date = readDate(sent.inForceFrom, 'the date it comes into force');
    const show = (errors: FormErrors) => showTolerance(request, reply, sent, withDateLinks(errors, ['inForceFrom']));
    if (!date.ok) return show(formErrors([{ field: 'inForceFrom', text: date.text }]));
    const ref = { planId: detail.plan.id, key: detail.target.key };
    try {
      await changeStatusRule(
        deps.db,
        requirePerson(request),
        ref,
        {
          tolerance: sent.tolerance,
          toleranceKind: sent.toleranceKind,
          reason: sent.reason,
          ...(date.value ? { inForceFrom: date.value } : {}),
        },
        deps,
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return show(serviceErrors(error, TOLERANCE_FIELDS, 'tolerance'));
    }
    return reply.redirect(planUrls.item(ref.planId, ref.key, { done: 'tolerance-changed' }), 303);
  });

  async function actionOf(request: FastifyRequest) {
    const { id, key } = itemParams.parse(request.params);
    const actor = requirePerson(request);
    const detail = await withVersion(deps.db, actor, id, {}, deps, (c) =>
      actionDetail(deps.db, actor, { planId: id, key }, c, deps),
    );
    if (!detail.mayReportProgress) throw new ForbiddenError(`You may not report progress on ${detail.action.title}`);
    return detail;
  }

  async function showProgress(request: FastifyRequest, reply: FastifyReply, sent?: ProgressSent, errors?: FormErrors) {
    const detail = await actionOf(request);
    const view = progressFormView({
      detail,
      today: todayOf(deps),
      csrfToken: csrfToken(request, reply),
      ...(sent ? { sent } : {}),
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'plan-edit/progress.njk', view, { status: errors ? 400 : 200 });
  }

  app.get('/plans/:id/items/:key/progress', { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) =>
    showProgress(request, reply),
  );

  app.post('/plans/:id/items/:key/progress', { ...PAGE, preHandler: checks }, async (request, reply) => {
    const detail = await actionOf(request);
    const sent = progressSent(request.body);
    const date = readDate(sent.asOf, 'the date the report is about');
    const show = (errors: FormErrors) => showProgress(request, reply, sent, withDateLinks(errors, ['asOf']));
    if (!date.ok) return show(formErrors([{ field: 'asOf', text: date.text }]));
    const ref = { planId: detail.plan.id, key: detail.action.key };
    try {
      const { recorded } = await reportActionProgress(
        deps.db,
        requirePerson(request),
        ref,
        { progress: sent.progress, state: sent.state, asOf: date.value, note: sent.note },
        deps,
      );
      return reply.redirect(
        planUrls.item(ref.planId, ref.key, { done: recorded ? 'progress-reported' : 'progress-unchanged' }),
        303,
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return show(serviceErrors(error, PROGRESS_FIELDS, 'progress'));
    }
  });
}
