/**
 * The indicators a person maintains, with links to change each and to define a new one: a council's
 * local indicators for its performance officers, the national ones for administrators.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ForbiddenError } from '../../../../platform/errors.ts';
import { render } from '../../../../platform/web/index.ts';
import { type Actor, requireActor } from '../../../accounts/index.ts';
import { listIndicators } from '../../catalogue.service.ts';
import { councilsDefinableBy, requireMayDefine } from '../../definitions.service.ts';
import type { IndicatorPagesDeps } from '../deps.ts';
import { definitionUrls } from '../urls.ts';
import { chooseCouncilPageView, DEFINITIONS_PER_PAGE, definitionListPageView } from './view-model.ts';

const TEMPLATE = 'definition-lists/definition-list.njk';
const PAGE = { schema: { hide: true } };

const listQuery = z.object({
  body: z.string().trim().max(100).catch(''),
  q: z.string().trim().max(200).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** No council named: the person's own, or a choice when they define indicators for several. */
async function chooseCouncil(deps: IndicatorPagesDeps, actor: Actor, reply: FastifyReply): Promise<FastifyReply> {
  const councils = await councilsDefinableBy(deps.db, actor);
  const [only] = councils;
  if (councils.length === 1 && only) return reply.redirect(definitionUrls.local(only.id), 303);
  if (councils.length === 0)
    throw new ForbiddenError('You may not define local indicators: a council’s performance officers define its own');
  return render(reply, 'definition-lists/choose-council.njk', chooseCouncilPageView(councils));
}

const read = (query: unknown) => listQuery.parse(typeof query === 'object' && query !== null ? query : {});

export function definitionListRoutes(app: FastifyInstance, deps: IndicatorPagesDeps): void {
  app.get('/indicators/local', PAGE, async (request, reply) => {
    const actor = requireActor(request);
    const query = read(request.query);
    if (query.body === '') return chooseCouncil(deps, actor, reply);
    const body = await requireMayDefine(deps.db, actor, query.body);
    const page = query.page;
    const offset = (page - 1) * DEFINITIONS_PER_PAGE;
    const list = await listIndicators(deps.db, { owner: query.body, limit: DEFINITIONS_PER_PAGE, offset });
    const owner = body ? { id: body.id, name: body.name } : null;
    return render(reply, TEMPLATE, definitionListPageView({ owner, ...list, page, q: '' }));
  });

  app.get('/indicators/national', PAGE, async (request, reply) => {
    await requireMayDefine(deps.db, requireActor(request), null);
    const { q, page } = read(request.query);
    const offset = (page - 1) * DEFINITIONS_PER_PAGE;
    const list = await listIndicators(deps.db, { owner: null, limit: DEFINITIONS_PER_PAGE, offset, ...(q ? { q } : {}) });
    return render(reply, TEMPLATE, definitionListPageView({ owner: null, ...list, page, q }));
  });
}
