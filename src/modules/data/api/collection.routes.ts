/**
 * Collection rounds through the API: what a body is asked to supply and where each item stands, and
 * who is overdue (public); and setting or removing a body's deadline for an indicator and period
 * (the API token of the body that owns the indicator; a national indicator's deadlines are set by
 * administrators on the collection page).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../../platform/errors.ts';
import { bearerToken, typed } from '../../../platform/http/app.ts';
import { requireActor, requireSignIn } from '../../accounts/index.ts';
import { type Body, getBody } from '../../bodies/index.ts';
import { collectionStatus, overdueByBody, removeCollectionDeadline, setCollectionDeadline } from '../collection.service.ts';
import type { Executor } from '../observation.types.ts';
import { deadlineSchema, presentDeadline } from './body-presenters.ts';
import type { DataApiDeps } from './routes.ts';
import { collectionItemSchema, overdueBodySchema, presentCollectionItem, presentOverdueBody } from './submission-presenters.ts';

const tags = ['collection'];

const idParams = z.object({ id: z.string().min(1).max(200) });
const deadlineParams = idParams.extend({
  indicator: z.string().min(1).max(64).describe('an indicator code or alias, e.g. TRF-STREETS'),
  period: z.string().min(1).max(40).describe('a period key (FY2025) or any spelling, URL-encoded (2025%2F26)'),
});
const dueDateBody = z.object({ dueDate: z.string().max(40).describe('the date the figures are due, YYYY-MM-DD') });

const WHO_SETS_DEADLINES =
  'Who may: an API token of the body that owns the indicator (a body’s own, local indicator), which may also ask a ' +
  'partner body to supply it. A national indicator’s deadlines are set by administrators on the body’s collection ' +
  'page. Every change is recorded in the audit log.';

/** The body named in the address, or 404. */
export async function bodyOfPath(db: Executor, id: string): Promise<Body> {
  const body = await getBody(db, id);
  if (!body) throw new NotFoundError(`No body ${id}`, [{ field: 'id', value: id, reason: 'is not a known body' }]);
  return body;
}

export async function collectionApi(app: FastifyInstance, deps: DataApiDeps): Promise<void> {
  const api = typed(app);
  const { db, clock } = deps;

  api.get(
    '/bodies/:id/collection',
    {
      schema: {
        tags,
        summary: 'What a body is asked to supply, by when, and whether each item is due, late, received or published',
        params: idParams,
        response: {
          200: z.object({ bodyId: z.string(), bodyName: z.string(), items: z.array(collectionItemSchema) }),
        },
      },
    },
    async (request) => {
      const body = await bodyOfPath(db, request.params.id);
      const items = await collectionStatus(db, body.id, clock);
      return { bodyId: body.id, bodyName: body.name, items: items.map(presentCollectionItem) };
    },
  );

  api.get(
    '/collection/overdue',
    {
      schema: {
        tags,
        summary: 'Every body with figures past their due date and nothing published or submitted, by body name',
        response: { 200: z.object({ items: z.array(overdueBodySchema) }) },
      },
    },
    async () => ({ items: (await overdueByBody(db, clock)).map(presentOverdueBody) }),
  );
  api.put(
    '/bodies/:id/collection/:indicator/:period',
    {
      onRequest: [requireSignIn],
      schema: {
        tags,
        summary: 'Ask a body to supply an indicator’s figures for a period by a date (replacing an earlier date)',
        description: WHO_SETS_DEADLINES,
        params: deadlineParams,
        body: dueDateBody,
        security: bearerToken,
        response: { 200: deadlineSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const body = await bodyOfPath(db, request.params.id);
      const { indicator, period } = request.params;
      const input = { indicator, period, bodyId: body.id, dueDate: request.body.dueDate };
      const deadline = await setCollectionDeadline(db, actor, input, { clock });
      return presentDeadline({ ...deadline, bodyId: body.id });
    },
  );

  api.delete(
    '/bodies/:id/collection/:indicator/:period',
    {
      onRequest: [requireSignIn],
      schema: {
        tags,
        summary: 'Remove a body’s deadline for an indicator and period (404 when there is none)',
        description: WHO_SETS_DEADLINES,
        params: deadlineParams,
        security: bearerToken,
        response: { 204: z.null().describe('the deadline was removed') },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = await bodyOfPath(db, request.params.id);
      const { indicator, period } = request.params;
      await removeCollectionDeadline(db, actor, { indicator, period, bodyId: body.id }, { clock });
      return reply.code(204).send(null);
    },
  );
}
