/**
 * collection_deadline: when the figures for an indicator and period are due, in general (body_id
 * null) or from one body asked to supply them; and what each body has sent for its deadlines.
 */
import { sql } from 'kysely';
import type { Executor } from './observation.types.ts';

export interface DeadlineKey {
  indicator: string;
  /** canonical period key */
  period: string;
  /** the body asked to supply the figures; null for the general deadline */
  bodyId: string | null;
}

export interface DeadlineRow {
  indicator_code: string;
  period: string;
  body_id: string | null;
  due_date: string;
}

const forKey = (db: Executor, k: DeadlineKey) => {
  const q = db.selectFrom('collection_deadline').where('indicator_code', '=', k.indicator).where('period', '=', k.period);
  return k.bodyId === null ? q.where('body_id', 'is', null) : q.where('body_id', '=', k.bodyId);
};

export async function findDeadline(db: Executor, k: DeadlineKey): Promise<string | undefined> {
  return (await forKey(db, k).select('due_date').executeTakeFirst())?.due_date;
}

/** Records the due date (replacing an earlier one). Runs inside the caller's transaction. */
export async function upsertDeadline(db: Executor, k: DeadlineKey, dueDate: string): Promise<void> {
  const updated = await db
    .updateTable('collection_deadline')
    .set({ due_date: dueDate })
    .where('indicator_code', '=', k.indicator)
    .where('period', '=', k.period)
    .where((eb) => (k.bodyId === null ? eb('body_id', 'is', null) : eb('body_id', '=', k.bodyId)))
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto('collection_deadline')
    .values({ indicator_code: k.indicator, period: k.period, body_id: k.bodyId, due_date: dueDate })
    .execute();
}

export async function deleteDeadline(db: Executor, k: DeadlineKey): Promise<number> {
  const result = await db
    .deleteFrom('collection_deadline')
    .where('indicator_code', '=', k.indicator)
    .where('period', '=', k.period)
    .where((eb) => (k.bodyId === null ? eb('body_id', 'is', null) : eb('body_id', '=', k.bodyId)))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The due date data quality judges timeliness by: the general one, else the earliest a body was given. */
export async function findDueDate(db: Executor, indicator: string, period: string): Promise<string | undefined> {
  const general = await findDeadline(db, { indicator, period, bodyId: null });
  if (general !== undefined) return general;
  const row = await db
    .selectFrom('collection_deadline')
    .select((eb) => eb.fn.min('due_date').as('due'))
    .where('indicator_code', '=', indicator)
    .where('period', '=', period)
    .executeTakeFirst();
  return row?.due ?? undefined;
}

/** Indicators a body is asked to supply in some collection round. */
export async function findIndicatorsAskedOf(db: Executor, bodyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('collection_deadline')
    .select('indicator_code')
    .distinct()
    .where('body_id', '=', bodyId)
    .execute();
  return rows.map((r) => r.indicator_code);
}

/** Which deadlines: one body's, or every body's that is past on a date. */
export type DeadlineFilter = { bodyId: string } | { pastOn: string };

/** A body's deadline with what it has sent: when first submitted, whether awaiting publication, when first published. */
export interface CollectionItemRow extends DeadlineRow {
  body_id: string;
  received_at: string | null;
  awaiting: boolean;
  published_at: string | null;
}

export async function findCollectionItems(db: Executor, filter: DeadlineFilter): Promise<CollectionItemRow[]> {
  const deadlines = await bodyDeadlines(db, filter)
    .select(['d.indicator_code', 'd.period', 'd.body_id', 'd.due_date'])
    .orderBy('d.due_date')
    .orderBy('d.indicator_code')
    .orderBy('d.period')
    .execute();
  const received = await bodyDeadlines(db, filter)
    .innerJoin('submission as s', 's.body_id', 'd.body_id')
    .innerJoin('submission_row as r', (j) =>
      j
        .onRef('r.submission_id', '=', 's.id')
        .onRef('r.indicator_code', '=', 'd.indicator_code')
        .onRef('r.period', '=', 'd.period'),
    )
    .where('s.state', 'in', ['submitted', 'approved', 'published'])
    .select(['d.indicator_code', 'd.period', 'd.body_id'])
    .select((eb) => [
      eb.fn.min('s.submitted_at').as('received_at'),
      eb.fn.max(sql<number>`case when s.state in ('submitted', 'approved') then 1 else 0 end`).as('awaiting'),
    ])
    .groupBy(['d.indicator_code', 'd.period', 'd.body_id'])
    .execute();
  // Current figures only: the partial index on (indicator, period, area) finds them.
  const published = await bodyDeadlines(db, filter)
    .innerJoin('observation as o', (j) =>
      j
        .onRef('o.indicator_code', '=', 'd.indicator_code')
        .onRef('o.period', '=', 'd.period')
        .onRef('o.source_body_id', '=', 'd.body_id'),
    )
    .where('o.superseded_at', 'is', null)
    .select(['d.indicator_code', 'd.period', 'd.body_id'])
    .select((eb) => eb.fn.min('o.published_at').as('published_at'))
    .groupBy(['d.indicator_code', 'd.period', 'd.body_id'])
    .execute();
  const key = (r: { indicator_code: string; period: string; body_id: string | null }) =>
    `${r.body_id}\u0000${r.indicator_code}\u0000${r.period}`;
  const receivedBy = new Map(received.map((r) => [key(r), r]));
  const publishedBy = new Map(published.map((r) => [key(r), r.published_at]));
  return deadlines.map((d) => {
    const r = receivedBy.get(key(d));
    return {
      ...d,
      body_id: d.body_id!,
      received_at: r?.received_at ?? null,
      awaiting: Number(r?.awaiting ?? 0) === 1,
      published_at: publishedBy.get(key(d)) ?? null,
    };
  });
}

function bodyDeadlines(db: Executor, filter: DeadlineFilter) {
  const q = db.selectFrom('collection_deadline as d').where('d.body_id', 'is not', null);
  return 'bodyId' in filter ? q.where('d.body_id', '=', filter.bodyId) : q.where('d.due_date', '<', filter.pastOn);
}
