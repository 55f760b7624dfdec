/** A case's page (GET /cases/:id): public, with the owner's forms for those who may act on it. */
import type { FastifyInstance } from 'fastify';
import { render } from '../../../../../platform/web/index.ts';
import { caseDoneText } from '../cases-common/done.ts';
import type { CasePagesDeps } from '../deps.ts';
import { PAGE } from '../guard.ts';
import { casePage } from './load.ts';

export const CASE_TEMPLATE = 'case-page/case.njk';

export function casePageRoutes(app: FastifyInstance, deps: CasePagesDeps): void {
  app.get('/cases/:id', PAGE, async (request, reply) => {
    const doneText = caseDoneText((request.query as Record<string, unknown>).done);
    const view = await casePage(deps, request, reply, doneText ? { doneText } : {});
    return render(reply, CASE_TEMPLATE, view, { personal: view.actions !== undefined });
  });
}
