/**
 * A target's or action's page (GET /plans/:id/items/:key), in the version asked for (as the plan's
 * page reads `?on=`, `?version=`). A theme or priority has no page of its own: its place in the
 * plan's page is shown instead.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../../../platform/errors.ts';
import { render } from '../../../../platform/web/index.ts';
import { actorOf } from '../../../accounts/index.ts';
import { actionDetail, targetDetail, threadUpFrom, type ThreadUp, type VersionChoice } from '../../index.ts';
import type { PlanPagesDeps } from '../deps.ts';
import { doneText } from '../plan-common/done.ts';
import { readVersionQuery } from '../plan-common/version-query.ts';
import { loadPlanView, todayOf } from '../plan/load.ts';
import { planUrls } from '../urls.ts';
import { actionPageView } from './action-view.ts';
import { itemEditing } from './common.ts';
import { targetPageView } from './target-view.ts';

const PAGE = { schema: { hide: true } };
export const itemParams = z.object({ id: z.string().min(1).max(200), key: z.string().min(1).max(200) });

export function itemRoutes(app: FastifyInstance, deps: PlanPagesDeps): void {
  app.get('/plans/:id/items/:key', PAGE, async (request, reply) => {
    const { id, key } = itemParams.parse(request.params);
    const actor = actorOf(request);
    const asked = readVersionQuery(request.query);
    if (asked.problem) throw new ValidationError(asked.problem, [{ field: 'version', reason: asked.problem }]);
    const view = await loadPlanView(deps.db, actor, id, asked.choice, deps);
    const item = view.items.find((i) => i.key === key);
    if (!item) throw new NotFoundError(`${view.version.title} (version ${view.version.number}) has no item ${key}`);
    if (item.kind === 'theme' || item.kind === 'priority')
      return reply.redirect(
        `${planUrls.plan(id, { draft: view.version.state === 'draft' })}#item-${encodeURIComponent(key)}`,
        303,
      );
    const draft = view.version.state === 'draft';
    const choice: VersionChoice = draft ? { draft: true } : { version: view.version.number };
    const ref = { planId: id, key };
    const up: ThreadUp | null = draft
      ? null
      : await threadUpFrom(deps.db, actor, ref, { on: view.on }, deps).catch((e: unknown) => {
          if (e instanceof NotFoundError) return null;
          throw e;
        });
    const common = {
      up,
      inForce: view.inForce,
      today: todayOf(deps),
      editing: itemEditing(id, key, draft, view.access.mayEdit),
      done: doneText((request.query as Record<string, unknown>).done),
    };
    if (item.kind === 'target') {
      const detail = await targetDetail(deps.db, actor, ref, choice, deps);
      return render(reply, 'plan-item/target.njk', targetPageView(detail, common));
    }
    const detail = await actionDetail(deps.db, actor, ref, choice, deps);
    return render(reply, 'plan-item/action.njk', actionPageView(detail, common));
  });
}
