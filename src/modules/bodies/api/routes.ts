import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { typed } from '../../../platform/http/app.ts';
import { sendList } from '../../../platform/http/list-response.ts';
import { listEnvelope, pageOf, pageQuery } from '../../../platform/http/pagination.ts';
import { getArea } from '../../places/index.ts';
import { BODY_KINDS } from '../body.types.ts';
import { councilsForArea, getBody, getBodyAreas, listBodies, listMembers, listMemberships } from '../body.service.ts';
import {
  bodyCsv,
  bodyDetailSchema,
  bodySchema,
  councilSchema,
  presentBody,
  presentBodyArea,
  presentMembership,
} from './presenters.ts';

const tags = ['bodies'];

export async function bodiesApi(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }): Promise<void> {
  const api = typed(app);
  const { db } = deps;

  api.get(
    '/bodies',
    {
      schema: {
        tags,
        summary: 'Councils, partner bodies and Local Strategic Partnerships',
        querystring: pageQuery.extend({ q: z.string().max(200).optional(), kind: z.enum(BODY_KINDS).optional() }),
        response: { 200: listEnvelope(bodySchema) },
      },
    },
    async (request, reply) => {
      const page = pageOf(request.query);
      const { q, kind } = request.query;
      const result = await listBodies(db, { ...page, ...(q ? { q } : {}), ...(kind ? { kind } : {}) });
      return sendList(
        request,
        reply,
        result,
        page,
        { present: presentBody, csv: bodyCsv, fileName: 'bodies' },
        request.query.format,
      );
    },
  );

  api.get(
    '/bodies/:id',
    {
      schema: {
        tags,
        summary: 'One body with the areas it governs or serves, its members and the partnerships it belongs to',
        params: z.object({ id: z.string().min(1).max(200) }),
        response: { 200: bodyDetailSchema },
      },
    },
    async (request) => {
      const body = await getBody(db, request.params.id);
      if (!body) throw new NotFoundError(`No body ${request.params.id}`);
      const [areas, members, memberOf] = await Promise.all([
        getBodyAreas(db, body.id),
        listMembers(db, body.id),
        listMemberships(db, body.id),
      ]);
      return {
        ...presentBody(body),
        areas: areas.map(presentBodyArea),
        members: members.items.map(presentMembership),
        memberOf: memberOf.items.map(presentMembership),
      };
    },
  );

  api.get(
    '/areas/:code/councils',
    {
      schema: {
        tags: ['bodies', 'places'],
        summary: 'The councils governing an area, both tiers where there are two',
        params: z.object({ code: z.string().min(1).max(32) }),
        response: { 200: z.object({ items: z.array(councilSchema) }) },
      },
    },
    async (request) => {
      if (!(await getArea(db, request.params.code))) throw new NotFoundError(`No area with code ${request.params.code}`);
      const councils = await councilsForArea(db, request.params.code);
      return { items: councils.map((c) => ({ ...presentBody(c), tier: c.tier })) };
    },
  );
}
