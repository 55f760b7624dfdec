import type { FastifyInstance } from 'fastify';
import { render } from '../../../../platform/web/index.ts';
import type { SiteDeps } from '../../deps.ts';
import { csvFileName, sendCsv, wantsCsv } from '../common/csv.ts';
import { groupCsvColumns, sideBySideCsvColumns } from './csv.ts';
import { indicatorChoices, loadComparison } from './load.ts';
import { isBlankCompare, parseCompareQuery } from './query.ts';
import { comparePageView } from './view-model.ts';

const TEMPLATE = 'compare/compare.njk';

export function compareRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get('/compare', { schema: { hide: true } }, async (request, reply) => {
    const indicators = await indicatorChoices(deps.db);
    if (isBlankCompare(request.query)) {
      const blank = { area: '', indicator: '', group: 'type', codes: '', period: '' };
      return render(reply, TEMPLATE, comparePageView(blank, indicators, undefined, request.url));
    }
    const query = parseCompareQuery(request.query);
    if (!query.ok)
      return render(reply, TEMPLATE, comparePageView(query.form, indicators, { ok: false, errors: query.errors }, request.url), {
        status: 400,
      });
    const data = await loadComparison(deps.db, query);
    if (data.ok && wantsCsv(request.query)) {
      if (data.single)
        return sendCsv(
          reply,
          csvFileName(data.area.code, data.single.indicator.code, query.group),
          groupCsvColumns(data.single),
          data.single.rows,
        );
      return sendCsv(reply, csvFileName(data.area.code, query.group), sideBySideCsvColumns, data.all);
    }
    return render(reply, TEMPLATE, comparePageView(query.form, indicators, data, request.url), { status: data.ok ? 200 : 400 });
  });
}
