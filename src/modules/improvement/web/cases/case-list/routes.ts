/** The list of cases (GET /cases) and the same cases as CSV (GET /cases.csv). */
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../../../../platform/errors.ts';
import { formErrors, render } from '../../../../../platform/web/index.ts';
import { badRequest } from '../cases-common/bad-request.ts';
import { sendCsv } from '../../../../../platform/web/index.ts';
import type { CasePagesDeps } from '../deps.ts';
import { PAGE } from '../guard.ts';
import { caseUrls } from '../urls.ts';
import { caseCsvColumns } from './csv.ts';
import { allCases, councilNameOf, filterOptions, loadCaseList } from './load.ts';
import { parseCaseListQuery } from './query.ts';
import { caseListView } from './view-model.ts';

const TEMPLATE = 'case-list/cases.njk';

export function caseListRoutes(app: FastifyInstance, deps: CasePagesDeps): void {
  app.get('/cases', PAGE, async (request, reply) => {
    const parsed = parseCaseListQuery(request.query);
    const options = await filterOptions(deps.db);
    const now = deps.clock.now();
    if (!parsed.ok)
      return render(
        reply,
        TEMPLATE,
        caseListView({
          request: { filters: { status: 'open' }, page: 1 },
          ...options,
          now,
          errors: parsed.errors,
          sent: parsed.sent,
        }),
        { status: 400 },
      );
    const { request: asked } = parsed;
    let bodyName: string | undefined;
    try {
      bodyName = await councilNameOf(deps.db, asked.filters.body);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const errors = formErrors([{ field: 'body', text: `${error.message}.` }]);
      return render(reply, TEMPLATE, caseListView({ request: asked, ...options, now, errors }), { status: 400 });
    }
    const { result, rungCounts } = await loadCaseList(deps.db, asked);
    return render(
      reply,
      TEMPLATE,
      caseListView({ request: asked, result, rungCounts, ...(bodyName ? { bodyName } : {}), ...options, now }),
    );
  });

  app.get('/cases.csv', PAGE, async (request, reply) => {
    const parsed = parseCaseListQuery(request.query);
    const back = { href: caseUrls.list(), text: 'The list of cases' };
    if (!parsed.ok) return badRequest(reply, parsed.errors.summary.map((e) => e.text).join(' '), back);
    try {
      await councilNameOf(deps.db, parsed.request.filters.body);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return badRequest(reply, error.message, back);
    }
    const cases = await allCases(deps.db, parsed.request.filters);
    const name = ['cases', parsed.request.filters.status, parsed.request.filters.body ?? ''].filter((p) => p !== '').join('-');
    return sendCsv(
      reply,
      `${name}.csv`,
      caseCsvColumns(deps.clock.now(), (id) => caseUrls.case(id)),
      cases,
    );
  });
}
