/**
 * The Local Area Agreement report: for printing (GET /plans/:id/report, with the print stylesheet) and
 * as a spreadsheet (GET /plans/:id/report.xlsx). Either reads the version asked for as the plan's page
 * does (`?on=`, `?version=`); a plan that is not an agreement has no report.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ValidationError } from '../../../../platform/errors.ts';
import { PERSONAL_PAGE_CACHE, PUBLIC_PAGE_CACHE, render } from '../../../../platform/web/index.ts';
import { actorOf } from '../../../accounts/index.ts';
import { getIndicators } from '../../../indicators/index.ts';
import { getPlan, laaReport } from '../../index.ts';
import type { PlanPagesDeps } from '../deps.ts';
import { readVersionQuery } from '../plan-common/version-query.ts';
import { todayOf, withVersion } from '../plan/load.ts';
import { planIdParams } from '../plan/routes.ts';
import { reportPageView } from './view-model.ts';
import { reportWorkbook, XLSX_CONTENT_TYPE } from './xlsx.ts';

async function loadReport(request: FastifyRequest, deps: PlanPagesDeps) {
  const { id } = planIdParams.parse(request.params);
  const actor = actorOf(request);
  const asked = readVersionQuery(request.query);
  if (asked.problem) throw new ValidationError(asked.problem, [{ field: 'version', reason: asked.problem }]);
  return withVersion(deps.db, actor, id, asked.choice, deps, async (choice) => {
    const report = await laaReport(deps.db, actor, id, choice, deps);
    const { inForce } = await getPlan(deps.db, actor, id, choice, deps);
    const indicators = await getIndicators(deps.db, [...new Set(report.rows.map((r) => r.target.indicatorCode))]);
    return { report, inForce, indicators, signedIn: actor !== null };
  });
}

export function reportRoutes(app: FastifyInstance, deps: PlanPagesDeps): void {
  const attributions = deps.attributions ?? [];

  app.get('/plans/:id/report', { schema: { hide: true } }, async (request, reply) => {
    const { report, inForce, indicators } = await loadReport(request, deps);
    const view = reportPageView({ report, inForce, indicators, attributions, today: todayOf(deps) });
    return render(reply, 'plan-report/report.njk', view);
  });

  app.get('/plans/:id/report.xlsx', { schema: { hide: true } }, async (request, reply) => {
    const { report, indicators, signedIn } = await loadReport(request, deps);
    const body = await reportWorkbook({ report, indicators, attributions, today: todayOf(deps), now: deps.clock.now() });
    const personal = signedIn || report.version.state === 'draft';
    return reply
      .type(XLSX_CONTENT_TYPE)
      .header('content-disposition', `attachment; filename="${report.plan.id}-report.xlsx"`)
      .header('cache-control', personal ? PERSONAL_PAGE_CACHE : PUBLIC_PAGE_CACHE)
      .header('x-content-type-options', 'nosniff')
      .send(body);
  });
}
