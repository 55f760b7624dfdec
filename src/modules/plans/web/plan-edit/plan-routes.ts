/**
 * A plan's own forms: start a new plan (GET/POST /plans/new), change a draft's details
 * (GET/POST /plans/:id/edit), publish a draft (GET/POST /plans/:id/publish) and start a revision
 * (POST /plans/:id/revise). The plans services decide who may; what they refuse is shown on the form.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from '../../../../platform/errors.ts';
import { type FormErrors, formErrors, render } from '../../../../platform/web/index.ts';
import { csrfToken, requirePerson, requireSignIn } from '../../../accounts/index.ts';
import { createPlan, publishDraft, reviseDraft, updateDraft } from '../../index.ts';
import type { PlanPagesDeps } from '../deps.ts';
import { ownerChoices } from '../plan-common/owners.ts';
import { todayOf } from '../plan/load.ts';
import { planIdParams } from '../plan/routes.ts';
import { planUrls } from '../urls.ts';
import { readDate, serviceErrors, withDateLinks } from './form-problems.ts';
import { draftToEdit, formChecks, noDraft, PAGE } from './guard.ts';
import {
  detailChanges,
  detailsFormView,
  detailsSent,
  type DetailsSent,
  newPlanFormView,
  newPlanInput,
  newPlanSent,
  type NewPlanSent,
  PLAN_FIELDS,
  publishFormView,
  publishSent,
} from './plan-form.ts';

/** A refusal the form can show (not a refusal of the person, nor a plan that is not there). */
const shownOnForm = (error: unknown): error is DomainError =>
  error instanceof DomainError &&
  !(error instanceof ForbiddenError) &&
  !(error instanceof NotFoundError && error.details.length === 0);

export function planFormRoutes(app: FastifyInstance, deps: PlanPagesDeps): void {
  const checks = formChecks(app, deps);

  async function showNew(request: FastifyRequest, reply: FastifyReply, sent?: NewPlanSent, errors?: FormErrors) {
    const actor = requirePerson(request);
    const owners = await ownerChoices(deps.db, actor);
    if (owners.length === 0) throw new ForbiddenError('You may not start plans: officers of a body and administrators do that');
    const view = newPlanFormView({
      csrfToken: csrfToken(request, reply),
      owners,
      ...(sent ? { sent } : {}),
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'plan-edit/plan-form.njk', view, { status: errors ? 400 : 200 });
  }

  app.get(planUrls.newPlan(), { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) => showNew(request, reply));

  app.post(planUrls.newPlan(), { ...PAGE, preHandler: checks }, async (request, reply) => {
    const actor = requirePerson(request);
    const sent = newPlanSent(request.body);
    try {
      const { plan } = await createPlan(deps.db, actor, newPlanInput(sent), deps);
      return reply.redirect(planUrls.plan(plan.id, { draft: true, done: 'created' }), 303);
    } catch (error) {
      if (!shownOnForm(error)) throw error;
      return showNew(request, reply, sent, serviceErrors(error, PLAN_FIELDS, 'title'));
    }
  });

  async function showDetails(request: FastifyRequest, reply: FastifyReply, id: string, sent?: DetailsSent, errors?: FormErrors) {
    const { draft: view, title } = await draftToEdit(deps, requirePerson(request), id);
    if (!view) return noDraft(request, reply, id, title);
    const form = detailsFormView({
      view,
      csrfToken: csrfToken(request, reply),
      ...(sent ? { sent } : {}),
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'plan-edit/plan-form.njk', form, { status: errors ? 400 : 200 });
  }

  app.get('/plans/:id/edit', { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) =>
    showDetails(request, reply, planIdParams.parse(request.params).id),
  );

  app.post('/plans/:id/edit', { ...PAGE, preHandler: checks }, async (request, reply) => {
    const { id } = planIdParams.parse(request.params);
    const actor = requirePerson(request);
    const { draft: view, title } = await draftToEdit(deps, actor, id);
    if (!view) return noDraft(request, reply, id, title);
    const sent = detailsSent(request.body);
    try {
      await updateDraft(deps.db, actor, id, detailChanges(sent, view.plan.kind === 'laa'), deps);
      return reply.redirect(planUrls.plan(id, { draft: true, done: 'details-saved' }), 303);
    } catch (error) {
      if (!shownOnForm(error)) throw error;
      return showDetails(request, reply, id, sent, serviceErrors(error, PLAN_FIELDS, 'title'));
    }
  });

  async function showPublish(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    sent?: ReturnType<typeof publishSent>,
    errors?: FormErrors,
  ) {
    const { draft: view, title } = await draftToEdit(deps, requirePerson(request), id);
    if (!view) return noDraft(request, reply, id, title);
    const form = publishFormView({
      view,
      csrfToken: csrfToken(request, reply),
      today: todayOf(deps),
      ...(sent ? { sent } : {}),
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'plan-edit/publish.njk', form, { status: errors ? 400 : 200 });
  }

  app.get('/plans/:id/publish', { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) =>
    showPublish(request, reply, planIdParams.parse(request.params).id),
  );

  app.post('/plans/:id/publish', { ...PAGE, preHandler: checks }, async (request, reply) => {
    const { id } = planIdParams.parse(request.params);
    const actor = requirePerson(request);
    const sent = publishSent(request.body);
    const date = readDate(sent.inForceFrom, 'the date it comes into force');
    if (!date.ok || date.value === '') {
      const text = date.ok ? 'Enter the date the version comes into force' : date.text;
      return showPublish(request, reply, id, sent, withDateLinks(formErrors([{ field: 'inForceFrom', text }]), ['inForceFrom']));
    }
    try {
      const version = await publishDraft(deps.db, actor, id, { inForceFrom: date.value, changeNote: sent.changeNote }, deps);
      return reply.redirect(planUrls.plan(id, { version: version.number, done: 'published' }), 303);
    } catch (error) {
      if (!shownOnForm(error) || error instanceof ConflictError) throw error;
      return showPublish(
        request,
        reply,
        id,
        sent,
        withDateLinks(serviceErrors(error, PLAN_FIELDS, 'inForceFrom'), ['inForceFrom']),
      );
    }
  });

  app.post('/plans/:id/revise', { ...PAGE, preHandler: checks }, async (request, reply) => {
    const { id } = planIdParams.parse(request.params);
    try {
      await reviseDraft(deps.db, requirePerson(request), id, deps);
    } catch (error) {
      // a draft already there (the button pressed twice): it is the one to change
      if (!(error instanceof ConflictError)) throw error;
      return reply.redirect(planUrls.plan(id, { draft: true }), 303);
    }
    return reply.redirect(planUrls.plan(id, { draft: true, done: 'revision-started' }), 303);
  });
}
