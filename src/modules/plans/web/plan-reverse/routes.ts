/**
 * The thread up from an indicator (GET /indicators/:code/targets, `?area=` for one area): every target
 * on it in the plans in force today, each with the chain up to the vision it serves.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../../../platform/errors.ts';
import { render } from '../../../../platform/web/index.ts';
import { actorOf } from '../../../accounts/index.ts';
import { getIndicator } from '../../../indicators/index.ts';
import { getAreas } from '../../../places/index.ts';
import { threadForIndicator } from '../../index.ts';
import type { PlanPagesDeps } from '../deps.ts';
import { reversePageView } from './view-model.ts';

const params = z.object({ code: z.string().min(1).max(64) });
const query = z.object({ area: z.string().trim().min(1).max(64).optional().catch(undefined) });

export function reverseRoutes(app: FastifyInstance, deps: PlanPagesDeps): void {
  app.get('/indicators/:code/targets', { schema: { hide: true } }, async (request, reply) => {
    const { code } = params.parse(request.params);
    const { area } = query.parse(request.query);
    const indicator = await getIndicator(deps.db, code);
    if (!indicator) throw new NotFoundError(`No indicator has the code ${code}`);
    const found = await threadForIndicator(deps.db, actorOf(request), code, area ? { area } : {}, deps);
    const codes = [...new Set([...found.targets.map((t) => t.target.areaCode), ...(area ? [area] : [])])];
    const areas = await getAreas(deps.db, codes);
    const areaNames = new Map([...areas.entries()].map(([c, a]) => [c, a.name]));
    const view = reversePageView({
      code,
      indicator,
      area: area ? { code: area, name: areaNames.get(area) ?? area } : undefined,
      on: found.on,
      targets: found.targets,
      areaNames,
    });
    return render(reply, 'plan-reverse/targets.njk', view);
  });
}
