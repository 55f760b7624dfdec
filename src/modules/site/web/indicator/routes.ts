import type { FastifyInstance } from 'fastify';
import { render } from '../../../../platform/web/index.ts';
import type { SiteDeps } from '../../deps.ts';
import { csvFileName, sendCsv, wantsCsv } from '../common/csv.ts';
import { indicatorCsv } from './csv.ts';
import { loadIndicatorPage } from './load.ts';
import { parseIndicatorQuery } from './query.ts';
import { indicatorPageView } from './view-model.ts';

export function indicatorRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get<{ Params: { code: string } }>('/indicators/:code', { schema: { hide: true } }, async (request, reply) => {
    const query = parseIndicatorQuery(request.query);
    const data = await loadIndicatorPage(deps.db, request.params.code, query);
    if (wantsCsv(request.query)) {
      const table = indicatorCsv(data, query.table, query.q);
      return sendCsv(reply, csvFileName(table.fileName), table.columns, table.rows as never[]);
    }
    return render(reply, 'indicator/indicator.njk', indicatorPageView(data, query));
  });
}
