/** The risk model form (GET/POST /risk/model), for those who may configure the improvement rules. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError } from '../../../../../platform/errors.ts';
import { type FormErrors, formErrors, render } from '../../../../../platform/web/index.ts';
import { csrfToken, requirePermission, requirePerson, requireSignIn } from '../../../../accounts/index.ts';
import { currentRiskModel, setRiskModel } from '../../../assurance/index.ts';
import { serviceErrors } from '../assurance-common/form-problems.ts';
import type { AssurancePagesDeps } from '../deps.ts';
import { formChecks, PAGE } from '../guard.ts';
import { assuranceUrls } from '../urls.ts';
import { MODEL_FIELDS, modelFormView, type ModelSent, modelSent, readModel } from './form.ts';

export function riskModelRoutes(app: FastifyInstance, deps: AssurancePagesDeps): void {
  async function show(request: FastifyRequest, reply: FastifyReply, sent?: ModelSent, errors?: FormErrors) {
    requirePermission(requirePerson(request), 'configure_improvement');
    const view = modelFormView({
      model: await currentRiskModel(deps.db, deps),
      csrfToken: csrfToken(request, reply),
      ...(sent ? { sent } : {}),
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'risk-model/risk-model.njk', view, { status: errors ? 400 : 200 });
  }

  app.get(assuranceUrls.riskModel(), { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) => show(request, reply));

  app.post(assuranceUrls.riskModel(), { ...PAGE, preHandler: formChecks(app, deps) }, async (request, reply) => {
    const actor = requirePerson(request);
    requirePermission(actor, 'configure_improvement');
    const sent = modelSent(request.body);
    const read = readModel(sent);
    if (!read.ok) return show(request, reply, sent, formErrors(read.problems));
    try {
      await setRiskModel(deps.db, actor, read.value, deps);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return show(request, reply, sent, serviceErrors(error, MODEL_FIELDS, 'reason'));
    }
    return reply.redirect(assuranceUrls.risk({ done: 'model-set' }), 303);
  });
}
