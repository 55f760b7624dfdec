/** Collection rounds through the API: what a body is asked to supply and where each item stands, and who is overdue. Public. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../../platform/errors.ts';
import { typed } from '../../../platform/http/app.ts';
import { getBody } from '../../bodies/index.ts';
import { collectionStatus, overdueByBody } from '../collection.service.ts';
import type { DataApiDeps } from './routes.ts';
import { collectionItemSchema, overdueBodySchema, presentCollectionItem, presentOverdueBody } from './submission-presenters.ts';

const tags = ['collection'];

export async function collectionApi(app: FastifyInstance, deps: DataApiDeps): Promise<void> {
  const api = typed(app);
  const { db, clock } = deps;

  api.get(
    '/bodies/:id/collection',
    {
      schema: {
        tags,
        summary: 'What a body is asked to supply, by when, and whether each item is due, late, received or published',
        params: z.object({ id: z.string().min(1).max(200) }),
        response: {
          200: z.object({ bodyId: z.string(), bodyName: z.string(), items: z.array(collectionItemSchema) }),
        },
      },
    },
    async (request) => {
      const body = await getBody(db, request.params.id);
      if (!body)
        throw new NotFoundError(`No body ${request.params.id}`, [
          { field: 'id', value: request.params.id, reason: 'is not a known body' },
        ]);
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
}
