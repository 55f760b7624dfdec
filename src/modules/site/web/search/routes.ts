import type { FastifyInstance } from 'fastify';
import { render } from '../../../../platform/web/index.ts';
import type { SiteDeps } from '../../deps.ts';
import { searchSite } from './load.ts';
import { parseSearchQuery } from './query.ts';
import { emptySearchView, invalidSearchView, searchResultsView } from './view-model.ts';

const TEMPLATE = 'search/search.njk';

export function searchRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get('/search', { schema: { hide: true } }, async (request, reply) => {
    const query = parseSearchQuery(request.query);
    if (!query.ok) return render(reply, TEMPLATE, invalidSearchView(query.q, query.errors), { status: 400 });
    if (query.q === '') return render(reply, TEMPLATE, emptySearchView());
    return render(reply, TEMPLATE, searchResultsView(await searchSite(deps.db, query.q, query.page)));
  });
}
