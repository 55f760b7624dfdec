/**
 * The owner's forms (POST /cases/:id/actions): acknowledge, add or revise the action plan, escalate,
 * de-escalate and close, for those accounts' act_on_case allows at the case's rung and the rung it
 * would go to. A refusal comes back on the case page against the form's field, with what was sent.
 */
import type { FastifyInstance } from 'fastify';
import { ForbiddenError, ValidationError } from '../../../../../platform/errors.ts';
import { type FormErrors, formErrors, render } from '../../../../../platform/web/index.ts';
import { can, requirePerson } from '../../../../accounts/index.ts';
import { actOnCase } from '../../../cases/index.ts';
import { badRequest } from '../cases-common/bad-request.ts';
import { problemText, sentence } from '../cases-common/problems.ts';
import { caseIdOf, casePage, loadCase } from '../case-page/load.ts';
import { CASE_TEMPLATE } from '../case-page/routes.ts';
import type { CasePagesDeps } from '../deps.ts';
import { formChecks, PAGE } from '../guard.ts';
import { caseUrls } from '../urls.ts';
import {
  ACTION_FIELD,
  actionSent,
  type ActionSent,
  checkSent,
  FIELD_LABELS,
  fieldId,
  isPersonAction,
  PERSON_ACTIONS,
  toRungOf,
} from './forms.ts';

export function caseFormRoutes(app: FastifyInstance, deps: CasePagesDeps): void {
  app.post('/cases/:id/actions', { ...PAGE, preHandler: formChecks(app, deps) }, async (request, reply) => {
    const id = caseIdOf(request);
    const actor = requirePerson(request);
    const sent = actionSent(request.body);
    if (!isPersonAction(sent.action))
      return badRequest(
        reply,
        `Action: “${sent.action.slice(0, 40)}” is not one a person takes on a case; it must be one of ${PERSON_ACTIONS.join(', ')}`,
        { href: caseUrls.case(id), text: 'Back to the case' },
      );
    const action = sent.action;
    const c = (await loadCase(deps, id)).case;
    if (!can(actor, 'act_on_case', { bodyId: c.subject.bodyId, rung: c.rung, toRung: toRungOf(action, c.rung) }))
      throw new ForbiddenError(`You may not ${action.replace(/_/g, ' ')} case ${id} on rung ${c.rung}`);
    const show = async (errors: FormErrors) =>
      render(reply, CASE_TEMPLATE, await casePage(deps, request, reply, { sent, errors }), { status: 400, personal: true });
    const blank = checkSent({ ...sent, action } as ActionSent & { action: typeof action });
    if (blank) return show(formErrors([blank]));
    const field = ACTION_FIELD[action];
    try {
      await actOnCase(deps.db, actor, id, { action, [field]: sent.value }, { clock: deps.clock });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // a problem with the field is said against it; the transition's refusal is said as it is
      const problem = error.details.find((d) => d.field === field);
      const text = problem ? problemText(problem, { id: fieldId(action), label: FIELD_LABELS[field] }) : sentence(error.message);
      return show(formErrors([{ field: fieldId(action), text }]));
    }
    return reply.redirect(caseUrls.case(id, { done: action }), 303);
  });
}
