import type { FastifyInstance } from 'fastify';
import { render } from '../../../../platform/web/index.ts';
import { timeSeries } from '../../../analysis/index.ts';
import type { SiteDeps } from '../../deps.ts';
import { csvFileName, sendCsv, wantsCsv } from '../common/csv.ts';
import { ENGLAND, loadEnglandSeries } from '../common/england.ts';
import { trendCsvColumns } from './csv.ts';
import { parseTrendQuery } from './query.ts';
import { invalidTrendView, trendPageView } from './view-model.ts';

const TEMPLATE = 'trend/trend.njk';

export function trendRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get('/trend', { schema: { hide: true } }, async (request, reply) => {
    const query = parseTrendQuery(request.query);
    if (!query.ok) return render(reply, TEMPLATE, invalidTrendView(query.area, query.indicator, query.errors), { status: 400 });
    const series = await timeSeries(deps.db, { area: query.area, indicator: query.indicator });
    if (wantsCsv(request.query))
      return sendCsv(
        reply,
        csvFileName(series.area.code, series.indicator.code),
        trendCsvColumns(series.area.code, series.indicator.code),
        series.points,
      );
    const england = series.area.code === ENGLAND ? undefined : await loadEnglandSeries(deps.db, series.indicator.code);
    return render(reply, TEMPLATE, trendPageView(series, { england }));
  });
}
