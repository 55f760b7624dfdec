/** All SQL for bodies, their areas, memberships and identifiers. */
import type { Insertable, Selectable } from 'kysely';
import type { BodyAreaTable, BodyIdentifierTable, BodyMembershipTable, BodyRow, BodyTable } from '../../platform/db/schema.ts';
import { type Executor, chunks, containsPattern } from '../../platform/db/executor.ts';

export type BodyAreaRow = Selectable<BodyAreaTable>;
export type MembershipRow = Selectable<BodyMembershipTable>;
export type BodyIdentifierRow = Selectable<BodyIdentifierTable>;
export type NewBodyRow = Insertable<BodyTable>;

async function inChunks<T>(values: Iterable<string>, query: (part: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (const part of chunks([...new Set(values)])) rows.push(...(await query(part)));
  return rows;
}

export async function findBodyRow(db: Executor, id: string): Promise<BodyRow | undefined> {
  return db.selectFrom('body').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findBodyRows(db: Executor, ids: Iterable<string>): Promise<BodyRow[]> {
  return inChunks(ids, (part) => db.selectFrom('body').selectAll().where('id', 'in', part).execute());
}

/** Every body (optionally of one kind), by id. */
export async function findAllBodyRows(db: Executor, kind?: string): Promise<BodyRow[]> {
  let query = db.selectFrom('body').selectAll();
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('id').execute();
}

export async function findIdentifierRows(
  db: Executor,
  scheme: string,
  identifiers: Iterable<string>,
): Promise<BodyIdentifierRow[]> {
  return inChunks(identifiers, (part) =>
    db.selectFrom('body_identifier').selectAll().where('scheme', '=', scheme).where('identifier', 'in', part).execute(),
  );
}

export async function findIdentifiersOfBodies(db: Executor, ids: Iterable<string>): Promise<BodyIdentifierRow[]> {
  return inChunks(ids, (part) =>
    db
      .selectFrom('body_identifier')
      .selectAll()
      .where('body_id', 'in', part)
      .orderBy('body_id')
      .orderBy('scheme')
      .orderBy('identifier')
      .execute(),
  );
}

export async function findBodyAreaRows(db: Executor, ids: Iterable<string>): Promise<BodyAreaRow[]> {
  return inChunks(ids, (part) =>
    db
      .selectFrom('body_area')
      .selectAll()
      .where('body_id', 'in', part)
      .orderBy('body_id')
      .orderBy('role')
      .orderBy('area_code')
      .execute(),
  );
}

export async function findMembershipRows(db: Executor, ids: Iterable<string>): Promise<MembershipRow[]> {
  return inChunks(ids, (part) =>
    db
      .selectFrom('body_membership')
      .selectAll()
      .where('body_id', 'in', part)
      .orderBy('body_id')
      .orderBy('member_body_id')
      .execute(),
  );
}

export async function searchBodyRows(
  db: Executor,
  q: { kind?: string; q?: string; limit: number; offset: number },
): Promise<{ rows: BodyRow[]; total: number }> {
  let query = db.selectFrom('body');
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.q && q.q.trim() !== '') {
    const pattern = containsPattern(q.q.trim());
    query = query.where((eb) =>
      eb.or([
        eb('id', '=', q.q!.trim()),
        eb(eb.fn('lower', ['name']), 'like', pattern),
        eb(eb.fn('lower', ['short_name']), 'like', pattern),
      ]),
    );
  }
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('name').orderBy('id').limit(q.limit).offset(q.offset).execute();
  return { rows, total: Number(count.n) };
}

/** Councils governing any of the areas, with the area and tier. */
export async function findGoverningCouncils(
  db: Executor,
  areaCodes: readonly string[],
): Promise<(BodyRow & { area_code: string; tier: string | null })[]> {
  return inChunks(areaCodes, (part) =>
    db
      .selectFrom('body_area as ba')
      .innerJoin('body as b', 'b.id', 'ba.body_id')
      .selectAll('b')
      .select(['ba.area_code', 'ba.tier'])
      .where('ba.area_code', 'in', part)
      .where('ba.role', '=', 'governs')
      .where('b.kind', '=', 'council')
      .execute(),
  );
}

interface MembershipFields {
  member_role: string | null;
  member_from: string | null;
  member_to: string | null;
}

type MembershipPage = { rows: (BodyRow & MembershipFields)[]; total: number };

/** The members of a partnership. */
export async function findMembers(
  db: Executor,
  bodyId: string,
  page: { limit: number; offset: number },
): Promise<MembershipPage> {
  return membershipPage(db, 'm.member_body_id', 'm.body_id', bodyId, page);
}

/** The partnerships a body belongs to. */
export async function findMemberships(
  db: Executor,
  memberId: string,
  page: { limit: number; offset: number },
): Promise<MembershipPage> {
  return membershipPage(db, 'm.body_id', 'm.member_body_id', memberId, page);
}

/** Bodies joined on one side of body_membership, where the other side is `id`. */
async function membershipPage(
  db: Executor,
  shown: 'm.body_id' | 'm.member_body_id',
  given: 'm.body_id' | 'm.member_body_id',
  id: string,
  page: { limit: number; offset: number },
): Promise<MembershipPage> {
  const base = db.selectFrom('body_membership as m').innerJoin('body as b', 'b.id', shown).where(given, '=', id);
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('b')
    .select(['m.role as member_role', 'm.valid_from as member_from', 'm.valid_to as member_to'])
    .orderBy('b.name')
    .orderBy('b.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(count.n) };
}

export async function findBodyIdByIdentifier(db: Executor, scheme: string, identifier: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('body_identifier')
    .select('body_id')
    .where('scheme', '=', scheme)
    .where('identifier', '=', identifier)
    .executeTakeFirst();
  return row?.body_id;
}
