/** All the SQL of cases, their events and firings, and the peer reviews linked to them. */
import { type Insertable, type Selectable, sql } from 'kysely';
import { type Executor, chunks } from '../../../platform/db/executor.ts';
import type { CaseEventTable, LadderCaseTable, TriggerFiringTable } from '../../../platform/db/schema.ts';
import { type CaseListQuery, type CaseState, OPEN_CASE_STATES } from '../improvement.types.ts';

export type CaseRow = Selectable<LadderCaseTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type FiringRow = Selectable<TriggerFiringTable>;

const OPEN = OPEN_CASE_STATES as readonly string[];
const CLOSED: readonly CaseState[] = ['closed_recovered', 'closed'];

function filtered(db: Executor, q: CaseListQuery) {
  let query = db.selectFrom('ladder_case');
  if (q.status === 'open') query = query.where('state', 'in', OPEN);
  if (q.status === 'closed') query = query.where('state', 'in', CLOSED);
  if (q.bodyId) query = query.where('body_id', '=', q.bodyId);
  if (q.areaCode) query = query.where('area_code', '=', q.areaCode);
  if (q.indicatorCode) query = query.where('indicator_code', '=', q.indicatorCode);
  if (q.rung !== undefined) query = query.where('rung', '=', q.rung);
  // kinds is a JSON list of words: match the quoted word, its wildcards taken literally
  if (q.kind) {
    const pattern = `%${JSON.stringify(q.kind).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`kinds like ${pattern} escape '\\'`);
  }
  return query;
}

/** Open cases first (highest rung, then oldest), then closed ones (most recently closed first). */
export async function findCaseRows(
  db: Executor,
  q: CaseListQuery,
  page: { limit: number; offset: number },
): Promise<{ rows: CaseRow[]; total: number }> {
  const openFirst = sql<number>`case when state in (${sql.join(OPEN)}) then 0 else 1 end`;
  const rows = await filtered(db, q)
    .selectAll()
    .orderBy(openFirst)
    .orderBy(sql`case when state in (${sql.join(OPEN)}) then rung else 0 end`, 'desc')
    .orderBy(sql`case when state in (${sql.join(OPEN)}) then opened_at else '' end`)
    .orderBy('closed_at', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await filtered(db, q)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return { rows, total: Number(count?.n ?? 0) };
}

/** The largest id a case can have (the column is a 32-bit integer on PostgreSQL). */
export const MAX_CASE_ID = 2_147_483_647;

/** A case by id; undefined for an id no case can have. */
export async function findCaseRow(db: Executor, id: number): Promise<CaseRow | undefined> {
  if (!Number.isInteger(id) || id < 1 || id > MAX_CASE_ID) return undefined;
  return db.selectFrom('ladder_case').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The open cases, oldest first. */
export async function findOpenCaseRows(db: Executor): Promise<CaseRow[]> {
  return db.selectFrom('ladder_case').selectAll().where('state', 'in', OPEN).orderBy('id').execute();
}

/** The open case about a subject, if there is one. */
export async function findOpenCaseFor(
  db: Executor,
  s: { bodyId: string; areaCode: string; indicatorCode: string | null },
): Promise<CaseRow | undefined> {
  let q = db
    .selectFrom('ladder_case')
    .selectAll()
    .where('body_id', '=', s.bodyId)
    .where('area_code', '=', s.areaCode)
    .where('state', 'in', OPEN);
  q = s.indicatorCode === null ? q.where('indicator_code', 'is', null) : q.where('indicator_code', '=', s.indicatorCode);
  return q.orderBy('id').executeTakeFirst();
}

export async function insertCase(db: Executor, row: Insertable<LadderCaseTable>): Promise<number> {
  const inserted = await db.insertInto('ladder_case').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function updateCase(db: Executor, id: number, row: Partial<Insertable<LadderCaseTable>>): Promise<void> {
  await db.updateTable('ladder_case').set(row).where('id', '=', id).execute();
}

// --- events ---

export async function findEventRows(db: Executor, caseId: number): Promise<CaseEventRow[]> {
  return db.selectFrom('case_event').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

export async function nextEventSeq(db: Executor, caseId: number): Promise<number> {
  const row = await db
    .selectFrom('case_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0) + 1;
}

export async function insertEvent(db: Executor, row: Insertable<CaseEventTable>): Promise<number> {
  const inserted = await db.insertInto('case_event').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function setEventDetail(db: Executor, caseId: number, seq: number, detail: Record<string, unknown>): Promise<void> {
  await db
    .updateTable('case_event')
    .set({ detail: JSON.stringify(detail) })
    .where('case_id', '=', caseId)
    .where('seq', '=', seq)
    .execute();
}

// --- firings ---

/** The sources that fired into each open case, by case id. */
export async function findOpenCaseSources(db: Executor): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom('trigger_firing as f')
    .innerJoin('ladder_case as c', 'c.id', 'f.case_id')
    .select(['f.case_id', 'f.source'])
    .distinct()
    .where('c.state', 'in', OPEN)
    .execute();
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(Number(r.case_id), [...(out.get(Number(r.case_id)) ?? []), r.source]);
  return out;
}

export async function findFiringRows(db: Executor, caseId: number): Promise<FiringRow[]> {
  return db.selectFrom('trigger_firing').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

/** Of the fingerprints given, those already recorded. */
export async function findRecordedFingerprints(db: Executor, fingerprints: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(fingerprints)) {
    const rows = await db.selectFrom('trigger_firing').select('fingerprint').where('fingerprint', 'in', part).execute();
    for (const r of rows) out.add(r.fingerprint);
  }
  return out;
}

export async function insertFiring(db: Executor, row: Insertable<TriggerFiringTable>): Promise<number> {
  const inserted = await db.insertInto('trigger_firing').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Each case's firing count and its newest firing's summary. */
export async function findFiringSummaries(
  db: Executor,
  caseIds: readonly number[],
): Promise<Map<number, { count: number; latestSummary: string }>> {
  const out = new Map<number, { count: number; latestSummary: string }>();
  for (const part of chunks(caseIds)) {
    const counts = await db
      .selectFrom('trigger_firing')
      .select(['case_id'])
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('latest')])
      .where('case_id', 'in', part)
      .groupBy('case_id')
      .execute();
    const latestIds = counts.map((c) => Number(c.latest));
    const summaries = new Map<number, string>();
    for (const ids of chunks(latestIds)) {
      for (const r of await db.selectFrom('trigger_firing').select(['id', 'summary']).where('id', 'in', ids).execute())
        summaries.set(Number(r.id), r.summary);
    }
    for (const c of counts)
      out.set(Number(c.case_id), { count: Number(c.n), latestSummary: summaries.get(Number(c.latest)) ?? '' });
  }
  return out;
}

// --- peer reviews linked to a case ---

export async function findLinkedPeerReviews(
  db: Executor,
  caseId: number,
): Promise<{ id: number; reviewed_on: string; scope: string; partnership_id: string | null }[]> {
  return db
    .selectFrom('case_peer_review as l')
    .innerJoin('peer_review as p', 'p.id', 'l.peer_review_id')
    .select(['p.id', 'p.reviewed_on', 'p.scope', 'p.partnership_id'])
    .where('l.case_id', '=', caseId)
    .orderBy('p.reviewed_on')
    .orderBy('p.id')
    .execute();
}
