/** All SQL for audit_event. Only inserts and reads: the table refuses updates and deletes. */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../platform/db/executor.ts';
import type { AuditEventTable } from '../../platform/db/schema.ts';
import type { Page } from './audit.types.ts';

export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEventRow = Insertable<AuditEventTable>;

/** Which rows: all given conditions hold. `from` inclusive, `until` exclusive (ISO instants). */
export interface AuditWhere {
  bodyId?: string;
  indicatorCode?: string;
  actorPersonId?: string;
  subject?: { kind: string; id: string };
  action?: string;
  from?: string;
  until?: string;
}

export async function insertAuditEvent(db: Executor, row: NewAuditEventRow): Promise<number> {
  const inserted = await db.insertInto('audit_event').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** The id of the newest event; 0 when there is none. */
export async function findLatestAuditEventId(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

function filtered(db: Executor, w: AuditWhere) {
  let q = db.selectFrom('audit_event');
  if (w.bodyId !== undefined) q = q.where('body_id', '=', w.bodyId);
  if (w.indicatorCode !== undefined) q = q.where('indicator_code', '=', w.indicatorCode);
  if (w.actorPersonId !== undefined) q = q.where('actor_person_id', '=', w.actorPersonId);
  if (w.subject !== undefined) q = q.where('subject_kind', '=', w.subject.kind).where('subject_id', '=', w.subject.id);
  if (w.from !== undefined) q = q.where('occurred_at', '>=', w.from);
  if (w.until !== undefined) q = q.where('occurred_at', '<', w.until);
  const action = w.action;
  if (action !== undefined) {
    // The action itself or any action under it ('role' → 'role.grant'); substr, not like, so no character is a wildcard.
    const under = `${action}.`;
    q = q.where((eb) =>
      eb.or([eb('action', '=', action), eb(eb.fn('substr', ['action', eb.val(1), eb.val(under.length)]), '=', under)]),
    );
  }
  return q;
}

/** Newest first; events at the same instant in the order they were recorded, newest first. */
export async function findAuditEvents(
  db: Executor,
  w: AuditWhere,
  page: Page,
): Promise<{ rows: AuditEventRow[]; total: number }> {
  const q = filtered(db, w);
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows: rows.map((r) => ({ ...r, id: Number(r.id) })), total: Number(count.n) };
}
