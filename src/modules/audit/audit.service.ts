/** Recording and reading the audit log. Reading checks no permission: the module above (accounts, the edge) does. */
import { type Clock, isoInstant } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { ValidationError } from '../../platform/errors.ts';
import {
  type AuditEventRow,
  type AuditWhere,
  findAuditEvents,
  findLatestAuditEventId,
  insertAuditEvent,
} from './audit.repository.ts';
import { auditWindow, checkActionFilter, checkAuditEvent, checkPage, jsonText, parseJsonText } from './audit-rules.ts';
import type { AuditEvent, AuditEventInput, AuditExportRow, AuditQuery, Page, ViaKind } from './audit.types.ts';

export const DEFAULT_AUDIT_PAGE: Page = { limit: 50, offset: 0 };
/** An export carries at most this many events; narrow the query (dates) for more. */
export const MAX_AUDIT_EXPORT_ROWS = 100_000;

/**
 * Appends one event. Call it with the transaction of the write it describes, so the event and the
 * change are committed together or not at all; outside a transaction it refuses, to keep that true.
 */
export async function recordAudit(db: Executor, event: AuditEventInput, clock: Clock): Promise<number> {
  if (!db.isTransaction) throw new Error('recordAudit must run inside the transaction of the write it describes');
  const problems = checkAuditEvent(event);
  if (problems.length > 0) throw new ValidationError('The audit event is not well formed; nothing was changed', problems);
  return insertAuditEvent(db, {
    occurred_at: isoInstant(clock.now()),
    actor_person_id: event.actor.personId,
    actor_label: event.actor.label.trim(),
    via_kind: event.actor.via.kind,
    via_id: event.actor.via.id,
    action: event.action,
    subject_kind: event.subject.kind,
    subject_id: event.subject.id,
    body_id: event.bodyId ?? null,
    indicator_code: event.indicatorCode ?? null,
    area_code: event.areaCode ?? null,
    before_json: jsonText(event.before),
    after_json: jsonText(event.after),
    summary: event.summary.trim(),
  });
}

/**
 * The id of the newest event (0 when there is none). Every write records an event, so a caller can
 * tell from two readings whether anything was written in between.
 */
export async function latestAuditEventId(db: Executor): Promise<number> {
  return findLatestAuditEventId(db);
}

/** Events matching the query, newest first, a page at a time. */
export async function listAuditEvents(
  db: Executor,
  query: AuditQuery,
  page: Page = DEFAULT_AUDIT_PAGE,
): Promise<{ items: AuditEvent[]; total: number }> {
  const where = whereOf(query, checkPage(page));
  const { rows, total } = await findAuditEvents(db, where, page);
  return { items: rows.map(toAuditEvent), total };
}

type Filters = Pick<AuditQuery, 'action' | 'from' | 'to'>;

export function auditForBody(db: Executor, bodyId: string, filters: Filters = {}, page?: Page) {
  return listAuditEvents(db, { ...filters, bodyId }, page);
}

export function auditForIndicator(db: Executor, indicatorCode: string, filters: Filters = {}, page?: Page) {
  return listAuditEvents(db, { ...filters, indicatorCode }, page);
}

/** What a person did (for what was done to a person, use auditForSubject with kind 'person'). */
export function auditByPerson(db: Executor, personId: string, filters: Filters = {}, page?: Page) {
  return listAuditEvents(db, { ...filters, actorPersonId: personId }, page);
}

export function auditForSubject(db: Executor, subject: { kind: string; id: string }, filters: Filters = {}, page?: Page) {
  return listAuditEvents(db, { ...filters, subject }, page);
}

/** Every matching event (up to MAX_AUDIT_EXPORT_ROWS), newest first, as flat rows for CSV or JSON. */
export async function exportAuditEvents(db: Executor, query: AuditQuery): Promise<AuditExportRow[]> {
  const where = whereOf(query, []);
  const out: AuditExportRow[] = [];
  const size = 5000;
  for (let offset = 0; offset < MAX_AUDIT_EXPORT_ROWS; offset += size) {
    const { rows } = await findAuditEvents(db, where, { limit: Math.min(size, MAX_AUDIT_EXPORT_ROWS - offset), offset });
    out.push(...rows.map(toExportRow));
    if (rows.length < size) break;
  }
  return out;
}

function whereOf(query: AuditQuery, pageProblems: ReturnType<typeof checkPage>): AuditWhere {
  const { window, problems } = auditWindow(query);
  const all = [...problems, ...checkActionFilter(query.action), ...pageProblems];
  if (all.length > 0) throw new ValidationError('The audit query is not valid', all);
  const { from: _from, to: _to, ...rest } = query;
  return { ...rest, ...window };
}

function toAuditEvent(r: AuditEventRow): AuditEvent {
  return {
    id: Number(r.id),
    occurredAt: r.occurred_at,
    actorPersonId: r.actor_person_id,
    actorLabel: r.actor_label,
    viaKind: r.via_kind as ViaKind,
    viaId: r.via_id,
    action: r.action,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    bodyId: r.body_id,
    indicatorCode: r.indicator_code,
    areaCode: r.area_code,
    before: parseJsonText(r.before_json),
    after: parseJsonText(r.after_json),
    summary: r.summary,
  };
}

function toExportRow(r: AuditEventRow): AuditExportRow {
  return { ...r, id: Number(r.id) };
}
