import type { FastifyInstance } from 'fastify';
import { render } from '../../../../platform/web/index.ts';
import type { SiteDeps } from '../../deps.ts';
import { loadStartPage } from './load.ts';
import { startPageView } from './view-model.ts';

export function startRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get('/', { schema: { hide: true } }, async (_request, reply) => {
    return render(reply, 'start/start.njk', startPageView(await loadStartPage(deps.db)));
  });
}
