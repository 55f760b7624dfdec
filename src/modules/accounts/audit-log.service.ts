/**
 * Reading the audit log (read_audit): administrators and assessors read all of it; a body's own
 * people and its API tokens read the events of that body. The audit module checks nothing; these
 * are the reads behind the audit pages, the API and the command line.
 */
import type { Executor } from '../../platform/db/executor.ts';
import {
  type AuditEvent,
  type AuditExportRow,
  type AuditQuery,
  exportAuditEvents,
  listAuditEvents,
  type Page,
} from '../audit/index.ts';
import type { Actor } from './actor.ts';
import { can, requirePermission } from './permissions.ts';
import { findPersonByEmailKey } from './person.repository.ts';
import { emailKey } from './person-input.ts';

/** How much of the log someone may read: all of it, or the events of these bodies. */
export interface AuditReach {
  everything: boolean;
  /** the bodies whose events they may read (empty when they may read everything) */
  bodyIds: string[];
}

/** The bodies an actor acts for: those of a person's grants, or a token's body. */
function bodiesOf(actor: Actor): string[] {
  if (actor.kind === 'api_token') return [actor.bodyId];
  if (actor.kind !== 'person') return [];
  return [...new Set(actor.grants.flatMap((g) => (g.bodyId === null ? [] : [g.bodyId])))];
}

export function auditReach(actor: Actor): AuditReach {
  if (can(actor, 'read_audit', { bodyId: null })) return { everything: true, bodyIds: [] };
  return { everything: false, bodyIds: bodiesOf(actor).filter((bodyId) => can(actor, 'read_audit', { bodyId })) };
}

/** What a reader asks for. Someone who may read only some bodies' events reads one body at a time (their first unless given). */
export interface AuditLogFilters {
  bodyId?: string;
  indicatorCode?: string;
  /** who acted: an email address or a person id */
  person?: string;
  /** an action (role.grant) or its first words (role) */
  action?: string;
  /** a date (YYYY-MM-DD) or an ISO instant; a date includes its whole day */
  from?: string;
  to?: string;
}

/** The query a reader may run, or a ForbiddenError for a part of the log they may not read. */
export async function auditQueryFor(db: Executor, actor: Actor, filters: AuditLogFilters): Promise<AuditQuery> {
  const reach = auditReach(actor);
  const bodyId = filters.bodyId ?? (reach.everything ? undefined : reach.bodyIds[0]);
  requirePermission(actor, 'read_audit', { bodyId: bodyId ?? null });
  const { person, bodyId: _asked, ...rest } = filters;
  return {
    ...rest,
    ...(bodyId !== undefined ? { bodyId } : {}),
    ...(person !== undefined ? { actorPersonId: await personIdFor(db, person) } : {}),
  };
}

/**
 * A person id for an email address (whatever its capitals) or an id. An unknown address is kept as
 * it is: person ids hold no @, so it matches no event.
 */
async function personIdFor(db: Executor, person: string): Promise<string> {
  const text = person.trim();
  if (!text.includes('@')) return text;
  return (await findPersonByEmailKey(db, emailKey(text)))?.id ?? text;
}

/** Events the reader may read, newest first, a page at a time. */
export async function readAuditLog(
  db: Executor,
  actor: Actor,
  filters: AuditLogFilters,
  page?: Page,
): Promise<{ items: AuditEvent[]; total: number; query: AuditQuery }> {
  const query = await auditQueryFor(db, actor, filters);
  return { ...(await listAuditEvents(db, query, page)), query };
}

/** Every event the reader may read that matches, newest first, as flat export rows. */
export async function exportAuditLog(db: Executor, actor: Actor, filters: AuditLogFilters): Promise<AuditExportRow[]> {
  return exportAuditEvents(db, await auditQueryFor(db, actor, filters));
}
