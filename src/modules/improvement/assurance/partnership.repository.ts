/**
 * improvement_partnership, partnership_member, peer_review and case_peer_review; and the little the
 * partnership pages read of cases (ladder_case): the cases linked to reviews.
 */
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/executor.ts';
import type { Database } from '../../../platform/db/schema.ts';

export type PartnershipRow = Selectable<Database['improvement_partnership']>;
export type PartnershipMemberRow = Selectable<Database['partnership_member']>;
export type PeerReviewRow = Selectable<Database['peer_review']>;
export type LadderCaseRow = Selectable<Database['ladder_case']>;

// --- partnerships ---

export async function findPartnershipRows(db: Executor, ids?: readonly string[]): Promise<PartnershipRow[]> {
  if (ids && ids.length === 0) return [];
  return db
    .selectFrom('improvement_partnership')
    .selectAll()
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids!))
    .orderBy('name')
    .execute();
}

/** Every membership row (current and past) of the partnerships, oldest first. */
export async function findMemberRows(db: Executor, partnershipIds?: readonly string[]): Promise<PartnershipMemberRow[]> {
  if (partnershipIds && partnershipIds.length === 0) return [];
  return db
    .selectFrom('partnership_member')
    .selectAll()
    .$if(partnershipIds !== undefined, (q) => q.where('partnership_id', 'in', partnershipIds!))
    .orderBy('partnership_id')
    .orderBy('joined_at')
    .orderBy('body_id')
    .execute();
}

export async function insertPartnershipRow(db: Executor, row: Insertable<Database['improvement_partnership']>): Promise<void> {
  await db.insertInto('improvement_partnership').values(row).execute();
}

/** A council joins (or joins again: its row is kept, with the new date and no date of leaving). */
export async function joinPartnership(db: Executor, partnershipId: string, bodyId: string, at: string): Promise<void> {
  await db
    .insertInto('partnership_member')
    .values({ partnership_id: partnershipId, body_id: bodyId, joined_at: at, left_at: null })
    .onConflict((oc) => oc.columns(['partnership_id', 'body_id']).doUpdateSet({ joined_at: at, left_at: null }))
    .execute();
}

export async function leavePartnership(db: Executor, partnershipId: string, bodyId: string, at: string): Promise<void> {
  await db
    .updateTable('partnership_member')
    .set({ left_at: at })
    .where('partnership_id', '=', partnershipId)
    .where('body_id', '=', bodyId)
    .where('left_at', 'is', null)
    .execute();
}

// --- bodies ---

export async function findBodyRows(db: Executor, ids: readonly string[]): Promise<{ id: string; name: string; kind: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('body')
    .select(['id', 'name', 'kind'])
    .where('id', 'in', [...ids])
    .execute();
}

// --- peer reviews ---

export async function insertPeerReviewRow(db: Executor, row: Insertable<Database['peer_review']>): Promise<number> {
  const inserted = await db.insertInto('peer_review').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

export async function findPeerReviewRow(db: Executor, id: number): Promise<PeerReviewRow | undefined> {
  return db.selectFrom('peer_review').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A partnership's reviews, newest first. */
export async function findPeerReviewRows(db: Executor, partnershipIds: readonly string[]): Promise<PeerReviewRow[]> {
  if (partnershipIds.length === 0) return [];
  return db
    .selectFrom('peer_review')
    .selectAll()
    .where('partnership_id', 'in', [...partnershipIds])
    .orderBy('reviewed_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function updateFollowUpRow(db: Executor, id: number, followUp: string | null, at: string): Promise<void> {
  await db.updateTable('peer_review').set({ follow_up: followUp, updated_at: at }).where('id', '=', id).execute();
}

// --- links to cases ---

export async function findCaseLinks(
  db: Executor,
  peerReviewIds: readonly number[],
): Promise<{ case_id: number; peer_review_id: number }[]> {
  if (peerReviewIds.length === 0) return [];
  const rows = await db
    .selectFrom('case_peer_review')
    .select(['case_id', 'peer_review_id'])
    .where('peer_review_id', 'in', [...peerReviewIds])
    .orderBy('case_id')
    .execute();
  return rows.map((r) => ({ case_id: Number(r.case_id), peer_review_id: Number(r.peer_review_id) }));
}

export async function insertCaseLink(
  db: Executor,
  row: { case_id: number; peer_review_id: number; linked_at: string; linked_by: string },
): Promise<void> {
  await db.insertInto('case_peer_review').values(row).execute();
}

/** The cases' titles, states and rungs, for a partnership's page. */
export async function findCaseRows(db: Executor, ids: readonly number[]): Promise<LadderCaseRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('ladder_case')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute();
}

export async function updatePartnershipRow(
  db: Executor,
  id: string,
  change: { name: string; description: string; formed_on: string },
): Promise<void> {
  await db.updateTable('improvement_partnership').set(change).where('id', '=', id).execute();
}

export async function updatePeerReviewRow(
  db: Executor,
  id: number,
  change: Omit<Insertable<Database['peer_review']>, 'id' | 'partnership_id' | 'created_at' | 'created_by'>,
): Promise<void> {
  await db.updateTable('peer_review').set(change).where('id', '=', id).execute();
}
