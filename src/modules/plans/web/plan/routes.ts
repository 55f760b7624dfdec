/**
 * A plan's page (GET /plans/:id): the version in force today, on a date (`?on=`, or the date form), by
 * number (`?version=2`) or the draft (`?version=draft`, for the owner's people and assessors). A date
 * that cannot be read, or one before any version was in force, is said on the page, which then shows
 * the version in force today.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../../../platform/errors.ts';
import { render } from '../../../../platform/web/index.ts';
import { actorOf, csrfToken } from '../../../accounts/index.ts';
import type { PlanPagesDeps } from '../deps.ts';
import { doneText } from '../plan-common/done.ts';
import { readVersionQuery } from '../plan-common/version-query.ts';
import { dateInWords } from '../words.ts';
import { loadPlanPage, loadPlanView, todayOf } from './load.ts';
import { versionsPageView } from './versions-view.ts';
import { planPageView } from './view-model.ts';

const PAGE = { schema: { hide: true } };
export const planIdParams = z.object({ id: z.string().min(1).max(200) });

export function planRoutes(app: FastifyInstance, deps: PlanPagesDeps): void {
  app.get('/plans/:id', PAGE, async (request: FastifyRequest, reply: FastifyReply) => {
    const { id } = planIdParams.parse(request.params);
    const actor = actorOf(request);
    const asked = readVersionQuery(request.query);
    let problem = asked.problem;
    let data;
    try {
      data = await loadPlanPage(deps.db, actor, id, problem ? {} : asked.choice, deps);
    } catch (error) {
      // a date before the plan's first version: say so, and show the version in force today
      const onDate = asked.choice.on;
      if (!(error instanceof NotFoundError) || onDate === undefined || problem) throw error;
      problem = `No version of this plan was in force on ${dateInWords(onDate)}: choose a later date`;
      data = await loadPlanPage(deps.db, actor, id, {}, deps);
    }
    const mayEdit = data.view.access.mayEdit;
    const view = planPageView(data, {
      sent: asked.sent,
      dateProblem: problem,
      csrfToken: mayEdit ? csrfToken(request, reply) : undefined,
      done: doneText((request.query as Record<string, unknown>).done),
    });
    return render(reply, 'plan/plan.njk', view, { status: problem ? 400 : 200 });
  });

  app.get('/plans/:id/versions', PAGE, async (request, reply) => {
    const { id } = planIdParams.parse(request.params);
    const view = await loadPlanView(deps.db, actorOf(request), id, {}, deps);
    return render(reply, 'plan/versions.njk', versionsPageView(view, todayOf(deps)));
  });
}
