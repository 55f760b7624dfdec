import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { typed } from '../../../platform/http/app.ts';
import { sendList } from '../../../platform/http/list-response.ts';
import { listEnvelope, pageOf, pageQuery } from '../../../platform/http/pagination.ts';
import { AREA_TYPES, type AreaType } from '../area.types.ts';
import {
  getAncestors,
  getArea,
  getAreaIdentifiers,
  getChildren,
  getParents,
  getPredecessors,
  getSuccessors,
  searchAreas,
} from '../area.service.ts';
import { getBoundarySet, listBoundarySets } from '../boundary.service.ts';
import {
  areaCsv,
  areaDetailSchema,
  areaSchema,
  boundarySetSchema,
  presentArea,
  presentBoundarySet,
  presentSuccessor,
} from './presenters.ts';

const tags = ['places'];
const codeParams = z.object({ code: z.string().min(1).max(32).describe('GSS code, e.g. E08000009') });
const areaType = z.enum(AREA_TYPES);

async function areaOr404(db: Kysely<Database>, code: string) {
  const area = await getArea(db, code);
  if (!area)
    throw new NotFoundError(`No area with code ${code}`, [{ field: 'code', value: code, reason: 'not a known area code' }]);
  return area;
}

export async function placesApi(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }): Promise<void> {
  const api = typed(app);
  const { db } = deps;

  api.get(
    '/areas',
    {
      schema: {
        tags,
        summary: 'Search areas by name or GSS code',
        querystring: pageQuery.extend({
          q: z.string().max(200).optional().describe('part of a name, or a code'),
          type: areaType.optional(),
        }),
        response: { 200: listEnvelope(areaSchema) },
      },
    },
    async (request, reply) => {
      const page = pageOf(request.query);
      const { q, type } = request.query;
      const result = await searchAreas(db, { ...page, ...(q ? { q } : {}), ...(type ? { type } : {}) });
      return sendList(
        request,
        reply,
        result,
        page,
        { present: presentArea, csv: areaCsv, fileName: 'areas' },
        request.query.format,
      );
    },
  );

  api.get(
    '/areas/:code',
    {
      schema: {
        tags,
        summary: 'One area with its parents, child counts, identifiers, successors and predecessors',
        params: codeParams,
        response: { 200: areaDetailSchema },
      },
    },
    async (request) => {
      const area = await areaOr404(db, request.params.code);
      const [parents, children, identifiers, successors, predecessors] = await Promise.all([
        getParents(db, area.code),
        getChildren(db, area.code),
        getAreaIdentifiers(db, area.code),
        getSuccessors(db, area.code),
        getPredecessors(db, area.code),
      ]);
      const childCounts: Record<string, number> = {};
      for (const c of children) childCounts[c.type] = (childCounts[c.type] ?? 0) + 1;
      return {
        ...presentArea(area),
        parents: parents.map(presentArea),
        childCounts,
        identifiers,
        successors: successors.map(presentSuccessor),
        predecessors: predecessors.map(presentSuccessor),
      };
    },
  );

  api.get(
    '/areas/:code/parents',
    {
      schema: {
        tags,
        summary: 'The current direct parents of an area',
        params: codeParams,
        response: { 200: z.object({ items: z.array(areaSchema) }) },
      },
    },
    async (request) => {
      const area = await areaOr404(db, request.params.code);
      return { items: (await getParents(db, area.code)).map(presentArea) };
    },
  );

  api.get(
    '/areas/:code/ancestors',
    {
      schema: {
        tags,
        summary: 'Every area above this one, nearest first',
        params: codeParams,
        response: { 200: z.object({ items: z.array(areaSchema.extend({ depth: z.number().int() })) }) },
      },
    },
    async (request) => {
      const area = await areaOr404(db, request.params.code);
      const ancestors = await getAncestors(db, area.code);
      return { items: ancestors.map((a) => ({ ...presentArea(a), depth: a.depth })) };
    },
  );

  api.get(
    '/areas/:code/children',
    {
      schema: {
        tags,
        summary: 'The current direct children of an area, optionally of one type',
        params: codeParams,
        querystring: pageQuery.extend({ type: areaType.optional() }),
        response: { 200: listEnvelope(areaSchema) },
      },
    },
    async (request, reply) => {
      const area = await areaOr404(db, request.params.code);
      const page = pageOf(request.query);
      const all = await getChildren(db, area.code, request.query.type as AreaType | undefined);
      const result = { items: all.slice(page.offset, page.offset + page.limit), total: all.length };
      return sendList(
        request,
        reply,
        result,
        page,
        { present: presentArea, csv: areaCsv, fileName: `${area.code}-children` },
        request.query.format,
      );
    },
  );

  api.get(
    '/boundaries',
    {
      schema: {
        tags,
        summary: 'Boundary files kept for maps',
        response: { 200: z.object({ items: z.array(boundarySetSchema), total: z.number() }) },
      },
    },
    async () => {
      const result = await listBoundarySets(db, { limit: 1000, offset: 0 });
      return { items: result.items.map(presentBoundarySet), total: result.total };
    },
  );

  api.get(
    '/boundaries/:id/content',
    {
      schema: {
        tags,
        summary: 'A boundary file as imported (GeoJSON or TopoJSON)',
        params: z.object({ id: z.string().min(1).max(200) }),
      },
    },
    async (request, reply) => {
      const set = await getBoundarySet(db, request.params.id);
      if (!set) throw new NotFoundError(`No boundary set ${request.params.id}`);
      return reply
        .header('content-type', set.format === 'geojson' ? 'application/geo+json' : 'application/json')
        .send(set.content);
    },
  );
}
