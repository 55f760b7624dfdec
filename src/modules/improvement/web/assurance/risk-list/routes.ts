/** The risk page (GET /risk) and its table as CSV (GET /risk.csv). */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Executor } from '../../../../../platform/db/executor.ts';
import { render, sendCsv } from '../../../../../platform/web/index.ts';
import { actorOf, can } from '../../../../accounts/index.ts';
import { currentRiskModel, listRiskProfiles } from '../../../assurance/index.ts';
import { councilsOf, typesOf } from '../assurance-common/councils.ts';
import { doneText } from '../assurance-common/done.ts';
import type { AssurancePagesDeps } from '../deps.ts';
import { PAGE, queryText } from '../guard.ts';
import { assuranceUrls } from '../urls.ts';
import { riskCsvColumns } from './csv.ts';
import { riskListFilter, riskListView, selectProfiles } from './view-model.ts';

const councilTypesOf = async (db: Executor) => typesOf(await councilsOf(db));

const filterOf = (query: unknown) =>
  riskListFilter({ sort: queryText(query, 'sort'), band: queryText(query, 'band'), type: queryText(query, 'type') });

export function riskListRoutes(app: FastifyInstance, deps: AssurancePagesDeps): void {
  app.get(assuranceUrls.risk(), PAGE, async (request, reply) => {
    const actor = actorOf(request);
    const model = await currentRiskModel(deps.db, deps);
    const profiles = await listRiskProfiles(deps.db);
    const councilTypes = await councilTypesOf(deps.db);
    const view = riskListView({
      profiles,
      model,
      filter: filterOf(request.query),
      councilTypes,
      mayConfigure: actor !== null && can(actor, 'configure_improvement'),
      done: doneText(request.query),
    });
    return render(reply, 'risk-list/risk-list.njk', view);
  });

  app.get(assuranceUrls.riskCsv(), PAGE, async (request, reply: FastifyReply) => {
    const profiles = await listRiskProfiles(deps.db);
    const councilTypes = await councilTypesOf(deps.db);
    const shown = selectProfiles(profiles, filterOf(request.query), councilTypes);
    return sendCsv(reply, 'risk-profiles.csv', riskCsvColumns(councilTypes), shown);
  });
}
