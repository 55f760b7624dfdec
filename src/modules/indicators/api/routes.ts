import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { typed } from '../../../platform/http/app.ts';
import { sendList } from '../../../platform/http/list-response.ts';
import { listEnvelope, pageOf, pageQuery } from '../../../platform/http/pagination.ts';
import { getIndicator, listIndicators, listIndicatorVersions, listThemes } from '../catalogue.service.ts';
import { indicatorCsv, indicatorSchema, presentIndicator } from './presenters.ts';

const codeParams = z.object({ code: z.string().min(1).max(64) });
const tags = ['indicators'];

export async function indicatorsApi(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }): Promise<void> {
  const api = typed(app);
  const { db } = deps;

  api.get(
    '/indicators',
    {
      schema: {
        tags,
        summary: 'Indicator definitions (current versions), searchable by code, title or other known code',
        querystring: pageQuery.extend({ q: z.string().max(200).optional(), theme: z.string().max(200).optional() }),
        response: { 200: listEnvelope(indicatorSchema) },
      },
    },
    async (request, reply) => {
      const page = pageOf(request.query);
      const result = await listIndicators(db, {
        ...page,
        ...(request.query.q ? { q: request.query.q } : {}),
        ...(request.query.theme ? { theme: request.query.theme } : {}),
      });
      return sendList(
        request,
        reply,
        result,
        page,
        { present: presentIndicator, csv: indicatorCsv, fileName: 'indicators' },
        request.query.format,
      );
    },
  );

  api.get(
    '/indicators/themes',
    {
      schema: {
        tags,
        summary: 'The themes indicators are grouped by',
        response: { 200: z.object({ items: z.array(z.string()) }) },
      },
    },
    async () => ({ items: await listThemes(db) }),
  );

  api.get(
    '/indicators/:code',
    {
      schema: {
        tags,
        summary: 'One indicator: its current definition',
        params: codeParams,
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
        response: { 200: indicatorSchema },
      },
    },
    async (request) => {
      const def = await getIndicator(db, request.params.code, request.query.version);
      if (!def) {
        const which = request.query.version ? ` version ${request.query.version}` : '';
        throw new NotFoundError(`No indicator ${request.params.code}${which}`);
      }
      return presentIndicator(def);
    },
  );

  api.get(
    '/indicators/:code/versions',
    {
      schema: {
        tags,
        summary: 'Every version of a definition, oldest first, with its comparability note',
        params: codeParams,
        response: { 200: z.object({ items: z.array(indicatorSchema) }) },
      },
    },
    async (request) => {
      const versions = await listIndicatorVersions(db, request.params.code);
      if (versions.length === 0) throw new NotFoundError(`No indicator ${request.params.code}`);
      return { items: versions.map(presentIndicator) };
    },
  );
}
