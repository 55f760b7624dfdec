import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { typed } from '../../../platform/http/app.ts';
import { sendList } from '../../../platform/http/list-response.ts';
import { listEnvelope, pageOf, pageQuery } from '../../../platform/http/pagination.ts';
import { listImportBatches } from '../import-batch.repository.ts';
import { queryObservations } from '../observation.service.ts';
import type { RequestLimit } from '../../../platform/http/rate-limit.ts';
import { assessQuality } from '../quality.service.ts';
import { collectionApi } from './collection.routes.ts';
import { sharingApi } from './sharing.routes.ts';
import { submissionsApi } from './submissions.routes.ts';
import {
  importBatchCsv,
  importBatchSchema,
  observationCsv,
  observationSchema,
  presentImportBatch,
  presentObservation,
  presentQuality,
  qualitySchema,
} from './presenters.ts';

const tags = ['data'];

export interface DataApiDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** the largest file a body may submit (UPLOAD_LIMIT_MB) */
  uploadLimitBytes: number;
  /** how many files one API token may send (DEFAULT_API_UPLOAD_LIMIT unless given) */
  uploadRateLimit?: RequestLimit;
}

export async function dataApi(app: FastifyInstance, deps: DataApiDeps): Promise<void> {
  const api = typed(app);
  const { db, clock } = deps;
  await submissionsApi(app, deps);
  await collectionApi(app, deps);
  await sharingApi(app, deps);

  api.get(
    '/observations',
    {
      schema: {
        tags,
        summary: 'Observations, filtered by indicator, area and period; asOf gives the figures as published on that date',
        querystring: pageQuery.extend({
          indicator: z.string().max(64).optional().describe('indicator code or another known code, e.g. NI192'),
          area: z.string().max(32).optional().describe('GSS code, e.g. E08000009'),
          period: z
            .string()
            .max(40)
            .optional()
            .describe('a period as written (2015/16, 2022/23 Q3, 2022-05) or its key (FY2015)'),
          asOf: z.string().max(40).optional().describe('YYYY-MM-DD or an ISO instant: the figures as published then'),
        }),
        response: { 200: listEnvelope(observationSchema) },
      },
    },
    async (request, reply) => {
      const page = pageOf(request.query);
      const { indicator, area, period, asOf } = request.query;
      const result = await queryObservations(db, {
        ...page,
        ...(indicator ? { indicator } : {}),
        ...(area ? { area } : {}),
        ...(period ? { period } : {}),
        ...(asOf ? { asOf } : {}),
      });
      const fileName = ['observations', indicator, area, period].filter(Boolean).join('-');
      return sendList(
        request,
        reply,
        result,
        page,
        { present: presentObservation, csv: observationCsv, fileName },
        request.query.format,
      );
    },
  );

  api.get(
    '/quality',
    {
      schema: {
        tags,
        summary: 'Data quality of one indicator and period: completeness, timeliness, outliers, breaks in series',
        querystring: z.object({ indicator: z.string().min(1).max(64), period: z.string().min(1).max(40) }),
        response: { 200: qualitySchema },
      },
    },
    async (request) => presentQuality(await assessQuality(db, request.query.indicator, request.query.period, { clock })),
  );

  api.get(
    '/imports',
    {
      schema: {
        tags,
        summary: 'Imports that changed data, newest first',
        querystring: pageQuery,
        response: { 200: listEnvelope(importBatchSchema) },
      },
    },
    async (request, reply) => {
      const page = pageOf(request.query);
      const result = await listImportBatches(db, page);
      return sendList(
        request,
        reply,
        result,
        page,
        { present: presentImportBatch, csv: importBatchCsv, fileName: 'imports' },
        request.query.format,
      );
    },
  );
}
