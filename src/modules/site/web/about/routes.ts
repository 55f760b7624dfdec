import type { FastifyInstance } from 'fastify';
import { render } from '../../../../platform/web/index.ts';
import type { SiteDeps } from '../../deps.ts';
import { aboutPageView } from './view-model.ts';

export function aboutRoutes(app: FastifyInstance, deps: SiteDeps): void {
  app.get('/about', { schema: { hide: true } }, async (_request, reply) => {
    return render(reply, 'about/about.njk', aboutPageView(deps.sources, deps.clock.now()));
  });
}
