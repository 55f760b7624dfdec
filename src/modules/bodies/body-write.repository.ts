/** All SQL that writes bodies, their areas, memberships and identifiers. */
import type { BodyRow } from '../../platform/db/schema.ts';
import type { BodyAreaRow, BodyIdentifierRow, MembershipRow } from './body.repository.ts';
import { type Executor, chunks } from '../../platform/db/executor.ts';

export async function insertBodyRows(db: Executor, rows: readonly BodyRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('body').values(part).execute();
}

export async function updateBodyRow(db: Executor, id: string, set: Partial<BodyRow>): Promise<void> {
  await db.updateTable('body').set(set).where('id', '=', id).execute();
}

export async function insertBodyIdentifierRows(db: Executor, rows: readonly BodyIdentifierRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('body_identifier').values(part).execute();
}

export async function moveBodyIdentifier(db: Executor, row: BodyIdentifierRow): Promise<void> {
  await db
    .updateTable('body_identifier')
    .set({ body_id: row.body_id })
    .where('scheme', '=', row.scheme)
    .where('identifier', '=', row.identifier)
    .execute();
}

export async function insertBodyAreaRows(db: Executor, rows: readonly BodyAreaRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('body_area').values(part).execute();
}

export async function updateBodyAreaRow(db: Executor, row: BodyAreaRow): Promise<void> {
  await db
    .updateTable('body_area')
    .set({ tier: row.tier, valid_from: row.valid_from, valid_to: row.valid_to })
    .where('body_id', '=', row.body_id)
    .where('area_code', '=', row.area_code)
    .where('role', '=', row.role)
    .execute();
}

export async function deleteBodyAreaRow(db: Executor, row: Pick<BodyAreaRow, 'body_id' | 'area_code' | 'role'>): Promise<void> {
  await db
    .deleteFrom('body_area')
    .where('body_id', '=', row.body_id)
    .where('area_code', '=', row.area_code)
    .where('role', '=', row.role)
    .execute();
}

export async function insertMembershipRows(db: Executor, rows: readonly MembershipRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('body_membership').values(part).execute();
}

export async function updateMembershipRow(db: Executor, row: MembershipRow): Promise<void> {
  await db
    .updateTable('body_membership')
    .set({ role: row.role, valid_from: row.valid_from, valid_to: row.valid_to })
    .where('body_id', '=', row.body_id)
    .where('member_body_id', '=', row.member_body_id)
    .execute();
}

export async function deleteMembershipRow(db: Executor, row: Pick<MembershipRow, 'body_id' | 'member_body_id'>): Promise<void> {
  await db
    .deleteFrom('body_membership')
    .where('body_id', '=', row.body_id)
    .where('member_body_id', '=', row.member_body_id)
    .execute();
}
