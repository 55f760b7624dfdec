/** The plans page (GET /plans): every plan the reader may see; drafts only for those who may see them. */
import type { FastifyInstance } from 'fastify';
import { render } from '../../../../platform/web/index.ts';
import { actorOf } from '../../../accounts/index.ts';
import type { PlanPagesDeps } from '../deps.ts';
import { doneText } from '../plan-common/done.ts';
import { mayCreatePlans } from '../plan-common/owners.ts';
import { planUrls } from '../urls.ts';
import { loadPlanList } from './load.ts';
import { planListView } from './view-model.ts';

export function planListRoutes(app: FastifyInstance, deps: PlanPagesDeps): void {
  app.get(planUrls.list(), { schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const plans = await loadPlanList(deps.db, actor, deps);
    const view = planListView(plans, {
      mayCreate: await mayCreatePlans(deps.db, actor),
      done: doneText((request.query as Record<string, unknown>).done),
    });
    return render(reply, 'plan-list/plans.njk', view);
  });
}
