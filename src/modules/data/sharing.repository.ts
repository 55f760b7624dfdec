/** share_unpublished and body_submission_setting: a body's sharing of unpublished figures and its submission rules. */
import type { Insertable, Selectable } from 'kysely';
import type { BodySubmissionSettingTable, ShareUnpublishedTable } from '../../platform/db/schema.ts';
import type { Executor } from './observation.types.ts';

export type ShareRow = Selectable<ShareUnpublishedTable>;

export async function findActiveShares(db: Executor, ownerBodyId: string): Promise<ShareRow[]> {
  return db
    .selectFrom('share_unpublished')
    .selectAll()
    .where('owner_body_id', '=', ownerBodyId)
    .where('revoked_at', 'is', null)
    .orderBy('partner_body_id')
    .execute();
}

export async function findActiveShare(db: Executor, ownerBodyId: string, partnerBodyId: string): Promise<ShareRow | undefined> {
  return db
    .selectFrom('share_unpublished')
    .selectAll()
    .where('owner_body_id', '=', ownerBodyId)
    .where('partner_body_id', '=', partnerBodyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Bodies that share their unpublished figures with this one. */
export async function findSharesWithPartner(db: Executor, partnerBodyId: string): Promise<ShareRow[]> {
  return db
    .selectFrom('share_unpublished')
    .selectAll()
    .where('partner_body_id', '=', partnerBodyId)
    .where('revoked_at', 'is', null)
    .orderBy('owner_body_id')
    .execute();
}

export async function insertShare(db: Executor, row: Insertable<ShareUnpublishedTable>): Promise<number> {
  const inserted = await db.insertInto('share_unpublished').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Revokes a share still in force: the number of rows changed (0 or 1). */
export async function revokeShare(db: Executor, id: number, at: string, label: string): Promise<number> {
  const result = await db
    .updateTable('share_unpublished')
    .set({ revoked_at: at, revoked_by_label: label })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The body's submission rules as last set (undefined while never set). */
export async function findSubmissionSetting(
  db: Executor,
  bodyId: string,
): Promise<Selectable<BodySubmissionSettingTable> | undefined> {
  return db.selectFrom('body_submission_setting').selectAll().where('body_id', '=', bodyId).executeTakeFirst();
}

export async function findSelfApprovalAllowed(db: Executor, bodyId: string): Promise<boolean> {
  const row = await db
    .selectFrom('body_submission_setting')
    .select('self_approval_allowed')
    .where('body_id', '=', bodyId)
    .executeTakeFirst();
  return row?.self_approval_allowed === 1;
}

export async function upsertSelfApproval(
  db: Executor,
  bodyId: string,
  allowed: boolean,
  label: string,
  at: string,
): Promise<void> {
  const values = { self_approval_allowed: allowed ? 1 : 0, updated_by_label: label, updated_at: at };
  await db
    .insertInto('body_submission_setting')
    .values({ body_id: bodyId, ...values })
    .onConflict((oc) => oc.column('body_id').doUpdateSet(values))
    .execute();
}
