/**
 * Filing a self-assessment (GET/POST /inspection/self-assessments/new), a self-assessment's page
 * (GET /inspection/self-assessments/:id) and an assessor's answer to it (POST …/:id/response).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../../../platform/errors.ts';
import { type FormErrors, render } from '../../../../../platform/web/index.ts';
import { actorOf, can, csrfToken, requirePerson, requireSignIn } from '../../../../accounts/index.ts';
import { fileSelfAssessment, getSelfAssessment, respondToSelfAssessment } from '../../../assurance/index.ts';
import { councilsOf } from '../assurance-common/councils.ts';
import { doneText } from '../assurance-common/done.ts';
import { serviceErrors } from '../assurance-common/form-problems.ts';
import type { AssurancePagesDeps } from '../deps.ts';
import { formChecks, PAGE, queryText } from '../guard.ts';
import { assuranceUrls } from '../urls.ts';
import {
  FILING_FIELDS,
  filingChoices,
  filingFormView,
  type FilingSent,
  filingSent,
  RESPONSE_FIELDS,
  type ResponseSent,
  responseSent,
  selfAssessmentPageView,
} from './form.ts';

const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** A refusal the form shows as is: a validation problem (400) or a state that no longer allows it (409). */
const refusalStatus = (error: unknown): number | null =>
  error instanceof ValidationError ? 400 : error instanceof ConflictError ? 409 : null;

export function selfAssessmentRoutes(app: FastifyInstance, deps: AssurancePagesDeps): void {
  const checks = formChecks(app, deps);

  async function showNew(request: FastifyRequest, reply: FastifyReply, sent: FilingSent, errors?: FormErrors, status = 400) {
    const choices = filingChoices(requirePerson(request), await councilsOf(deps.db));
    if (choices.length === 0) throw new ForbiddenError('You may not file a self-assessment for any council');
    const view = filingFormView({ choices, csrfToken: csrfToken(request, reply), sent, ...(errors ? { errors } : {}) });
    return render(reply, 'self-assessment/new.njk', view, { status: errors ? status : 200 });
  }

  app.get(assuranceUrls.newSelfAssessment(), { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) =>
    showNew(request, reply, {
      bodyId: queryText(request.query, 'body').slice(0, 200),
      theme: queryText(request.query, 'theme').slice(0, 100),
      grade: '',
      summary: '',
      evidence: '',
    }),
  );

  app.post(assuranceUrls.newSelfAssessment(), { ...PAGE, preHandler: checks }, async (request, reply) => {
    const sent = filingSent(request.body);
    try {
      const filed = await fileSelfAssessment(deps.db, requirePerson(request), sent, deps);
      return reply.redirect(assuranceUrls.selfAssessment(filed.id, { done: 'self-assessment-filed' }), 303);
    } catch (error) {
      const status = refusalStatus(error);
      if (status === null) throw error;
      return showNew(request, reply, sent, serviceErrors(error as ValidationError, FILING_FIELDS, 'summary'), status);
    }
  });

  async function showOne(
    request: FastifyRequest,
    reply: FastifyReply,
    form?: { sent: ResponseSent; errors: FormErrors; status: number },
  ) {
    const parsed = idParams.safeParse(request.params);
    const assessment = parsed.success ? await getSelfAssessment(deps.db, parsed.data.id) : undefined;
    if (!assessment) throw new NotFoundError('No self-assessment has this id');
    const actor = actorOf(request);
    const mayRespond = actor !== null && can(actor, 'respond_self_assessment');
    const councils = await councilsOf(deps.db);
    const view = selfAssessmentPageView({
      assessment,
      councilName: councils.get(assessment.bodyId)?.name ?? assessment.bodyId,
      mayRespond,
      csrfToken: mayRespond ? csrfToken(request, reply) : null,
      done: doneText(request.query),
      ...(form ? { sent: form.sent, errors: form.errors } : {}),
    });
    return render(reply, 'self-assessment/self-assessment.njk', view, { status: form?.status ?? 200 });
  }

  app.get('/inspection/self-assessments/:id', PAGE, async (request, reply) => showOne(request, reply));

  app.post('/inspection/self-assessments/:id/response', { ...PAGE, preHandler: checks }, async (request, reply) => {
    const parsed = idParams.safeParse(request.params);
    if (!parsed.success) throw new NotFoundError('No self-assessment has this id');
    const sent = responseSent(request.body);
    try {
      await respondToSelfAssessment(deps.db, requirePerson(request), parsed.data.id, sent, deps);
    } catch (error) {
      const status = refusalStatus(error);
      if (status === null) throw error;
      return showOne(request, reply, {
        sent,
        errors: serviceErrors(error as ValidationError, RESPONSE_FIELDS, 'verdict'),
        status,
      });
    }
    return reply.redirect(assuranceUrls.selfAssessment(parsed.data.id, { done: 'self-assessment-answered' }), 303);
  });
}
