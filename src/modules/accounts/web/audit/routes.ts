/**
 * The audit log pages: the whole log (/audit), a body's (/bodies/:id/audit) and an indicator's
 * (/indicators/:code/audit), each filtered by body, indicator, person, action and dates, newest
 * first, with the filtered log as a CSV or JSON download (?format=csv|json). Who reads what is
 * read_audit: administrators and assessors everything, a body's own people that body's events.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../../../platform/errors.ts';
import { pageError, PERSONAL_PAGE_CACHE, render } from '../../../../platform/web/index.ts';
import { getBody } from '../../../bodies/index.ts';
import type { Actor } from '../../actor.ts';
import { AUDIT_EXPORT_CONTENT_TYPES, auditExportText } from '../../audit-export.ts';
import { auditReach, exportAuditLog, readAuditLog } from '../../audit-log.service.ts';
import { requirePermission } from '../../permissions.ts';
import { allBodies, bodyNames } from '../admin/bodies.ts';
import { bodyItems, type SelectItem } from '../admin/grant-fields.ts';
import { PAGE } from '../admin/guard.ts';
import type { AccountPagesDeps } from '../deps.ts';
import { requireActor } from '../identity.ts';
import { type AuditPageQuery, filterErrors, readAuditPageQuery } from './query.ts';
import { type AuditPageParams, auditUrls } from './urls.ts';
import { auditPageView, EVENTS_PER_PAGE } from './view-model.ts';

/** What one of the three pages fixes, and how it names itself. */
interface AuditPageSpec {
  title: string;
  scope: string;
  path: string;
  urlOf: (p: AuditPageParams) => string;
  fileName: string;
  fixed: { bodyId?: string; indicatorCode?: string };
}

/** Someone who may read some part of the log (sign in first; 403 for anyone who may read none). */
function auditReader(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  const reach = auditReach(actor);
  if (!reach.everything && reach.bodyIds.length === 0) requirePermission(actor, 'read_audit', { bodyId: null });
  return actor;
}

/** The bodies a reader may choose between: all of them (and all at once), or their own. */
async function bodyChoices(deps: AccountPagesDeps, actor: Actor, selected: string): Promise<SelectItem[]> {
  const reach = auditReach(actor);
  if (reach.everything) return bodyItems((await allBodies(deps.db)).bodies, selected, 'All bodies');
  const names = await bodyNames(deps.db, reach.bodyIds);
  return reach.bodyIds.map((id) => ({ value: id, text: names.get(id) ?? id, selected: id === selected }));
}

async function sendExport(deps: AccountPagesDeps, actor: Actor, reply: FastifyReply, spec: AuditPageSpec, q: AuditPageQuery) {
  const format = q.format ?? 'csv';
  const rows = await exportAuditLog(deps.db, actor, filtersOf(spec, q));
  return reply
    .header('content-type', AUDIT_EXPORT_CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${spec.fileName}.${format}"`)
    .header('cache-control', PERSONAL_PAGE_CACHE)
    .send(auditExportText(rows, format));
}

function filtersOf(spec: AuditPageSpec, q: AuditPageQuery) {
  const bodyId = spec.fixed.bodyId ?? q.body;
  const indicatorCode = spec.fixed.indicatorCode ?? q.indicator;
  return {
    ...(bodyId !== undefined ? { bodyId } : {}),
    ...(indicatorCode !== undefined ? { indicatorCode } : {}),
    ...(q.person !== undefined ? { person: q.person } : {}),
    ...(q.action !== undefined ? { action: q.action } : {}),
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.to !== undefined ? { to: q.to } : {}),
  };
}

async function showAuditPage(request: FastifyRequest, reply: FastifyReply, deps: AccountPagesDeps, spec: AuditPageSpec) {
  const actor = auditReader(request);
  const parsed = readAuditPageQuery(request.query);
  const q: AuditPageQuery = parsed.ok ? parsed.value : { page: 1 };
  let errors = parsed.ok ? undefined : parsed.errors;
  if (!errors && q.format) {
    try {
      return await sendExport(deps, actor, reply, spec, q);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      errors = filterErrors(e.details);
    }
  }
  let result: Awaited<ReturnType<typeof readAuditLog>> | undefined;
  if (!errors) {
    try {
      result = await readAuditLog(deps.db, actor, filtersOf(spec, q), {
        limit: EVENTS_PER_PAGE,
        offset: (q.page - 1) * EVENTS_PER_PAGE,
      });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      errors = filterErrors(e.details);
    }
  }
  const { format: _format, page: _page, ...filters } = q;
  const chosenBody = result?.query.bodyId ?? q.body ?? '';
  const view = auditPageView({
    ...spec,
    filters: { ...filters, ...(spec.fixed.bodyId ? {} : { body: chosenBody }) },
    page: q.page,
    result: result ?? { items: [], total: 0 },
    bodyItems: spec.fixed.bodyId ? undefined : await bodyChoices(deps, actor, chosenBody),
    showIndicatorFilter: spec.fixed.indicatorCode === undefined,
    bodyNames: await bodyNames(deps.db, result?.items.map((e) => e.bodyId) ?? []),
    ...(errors ? { errors } : {}),
  });
  return render(reply, 'audit/audit.njk', view, { status: errors ? 400 : 200 });
}

export async function auditPages(app: FastifyInstance, deps: AccountPagesDeps): Promise<void> {
  await app.register(async (pages) => {
    pages.setErrorHandler((error, request, reply) => pageError(error, request, reply));

    pages.get('/audit', PAGE, async (request, reply) =>
      showAuditPage(request, reply, deps, {
        title: 'Audit log',
        scope: 'Every change made in Local Vision: who made it, when, how and what changed.',
        path: auditUrls.log(),
        urlOf: (p) => auditUrls.log(p),
        fileName: 'audit-log',
        fixed: {},
      }),
    );

    pages.get<{ Params: { id: string } }>('/bodies/:id/audit', PAGE, async (request, reply) => {
      const { id } = request.params;
      requirePermission(auditReader(request), 'read_audit', { bodyId: id });
      const body = await getBody(deps.db, id);
      if (!body) throw new NotFoundError(`No body ${id}`);
      return showAuditPage(request, reply, deps, {
        title: `Audit log of ${body.name}`,
        scope: `Every change recorded for ${body.name}: who made it, when, how and what changed.`,
        path: auditUrls.body(id),
        urlOf: (p) => auditUrls.body(id, p),
        fileName: `audit-log-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`,
        fixed: { bodyId: id },
      });
    });

    pages.get<{ Params: { code: string } }>('/indicators/:code/audit', PAGE, async (request, reply) => {
      const { code } = request.params;
      return showAuditPage(request, reply, deps, {
        title: `Audit log of indicator ${code}`,
        scope: `Every change recorded for the indicator ${code} that you may read: its definition and its figures.`,
        path: auditUrls.indicator(code),
        urlOf: (p) => auditUrls.indicator(code, p),
        fileName: `audit-log-${code.replace(/[^A-Za-z0-9_-]/g, '_')}`,
        fixed: { indicatorCode: code },
      });
    });
  });
}
