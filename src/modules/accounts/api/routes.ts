/**
 * The audit log through the API, for a body's API token: its own body's events, filtered as on the
 * audit pages, newest first; format=csv gives every match as the export's CSV.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { bearerToken, typed } from '../../../platform/http/app.ts';
import { PERSONAL_PAGE_CACHE } from '../../../platform/web/index.ts';
import { listEnvelope, pageLinks, pageOf, pageQuery } from '../../../platform/http/pagination.ts';
import { AUDIT_EXPORT_CONTENT_TYPES, auditExportText } from '../audit-export.ts';
import { type AuditLogFilters, exportAuditLog, readAuditLog } from '../audit-log.service.ts';
import { requireActor } from '../web/identity.ts';
import { apiErrorSchema, auditEventSchema, presentAuditEvent } from './presenters.ts';

const filter = (max: number, description: string) => z.string().min(1).max(max).optional().describe(description);

const auditQuery = pageQuery.extend({
  body: filter(200, 'a body id; a token reads its own body’s events, which is the default'),
  indicator: filter(64, 'an indicator code, e.g. NI192'),
  person: filter(254, 'who acted: an email address or a person id'),
  action: filter(100, 'an action (role.grant) or its first words (role)'),
  from: filter(40, 'YYYY-MM-DD or an ISO instant, inclusive'),
  to: filter(40, 'YYYY-MM-DD (the whole day) or an ISO instant, inclusive'),
});

function sendCsv(reply: FastifyReply, text: string): FastifyReply {
  return reply
    .header('content-type', AUDIT_EXPORT_CONTENT_TYPES.csv)
    .header('content-disposition', 'attachment; filename="audit-log.csv"')
    .header('cache-control', PERSONAL_PAGE_CACHE)
    .send(text);
}

export async function accountsApi(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }): Promise<void> {
  const api = typed(app);
  const { db } = deps;

  api.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log: who changed what, when and how (an API token reads its own body’s events)',
        security: bearerToken,
        querystring: auditQuery,
        response: { 200: listEnvelope(auditEventSchema), 401: apiErrorSchema, 403: apiErrorSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { body, indicator, person, action, from, to, format } = request.query;
      const filters: AuditLogFilters = {
        ...(body ? { bodyId: body } : {}),
        ...(indicator ? { indicatorCode: indicator } : {}),
        ...(person ? { person } : {}),
        ...(action ? { action } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      };
      if (format === 'csv') return sendCsv(reply, auditExportText(await exportAuditLog(db, actor, filters), 'csv'));
      const page = pageOf(request.query);
      const result = await readAuditLog(db, actor, filters, page);
      void reply.header('cache-control', PERSONAL_PAGE_CACHE);
      return {
        items: result.items.map(presentAuditEvent),
        total: result.total,
        limit: page.limit,
        offset: page.offset,
        links: pageLinks(request.url, page, result.total),
      };
    },
  );
}
