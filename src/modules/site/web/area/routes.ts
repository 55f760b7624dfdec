import type { FastifyInstance } from 'fastify';
import { render } from '../../../../platform/web/index.ts';
import type { SiteDeps } from '../../deps.ts';
import { csvFileName, sendCsv, wantsCsv } from '../common/csv.ts';
import { sparklineFor } from '../common/charts.ts';
import { itemsOfTheme, profileCsvColumns } from './csv.ts';
import { loadAreaPage } from './load.ts';
import { parseAreaQuery } from './query.ts';
import { areaPageView } from './view-model.ts';

export function areaRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get<{ Params: { code: string } }>('/areas/:code', { schema: { hide: true } }, async (request, reply) => {
    const query = parseAreaQuery(request.query);
    const data = await loadAreaPage(deps.db, request.params.code);
    if (wantsCsv(request.query)) {
      const items = itemsOfTheme(data.profile.items, query.theme);
      return sendCsv(reply, csvFileName(data.area.code, query.theme), profileCsvColumns(data.profile.group.name), items);
    }
    const view = areaPageView(data, { childType: query.childType, page: query.page, sparkline: sparklineFor() });
    return render(reply, 'area/area.njk', view);
  });
}
