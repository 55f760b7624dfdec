/** All SQL for reading areas, their links, the closure and successions. */
import type { ExpressionBuilder } from 'kysely';
import type { AreaRow, Database } from '../../platform/db/schema.ts';
import type { AreaSuccessionRow } from './area-plan.types.ts';
import { type Executor, chunks, containsPattern } from '../../platform/db/executor.ts';

export async function findArea(db: Executor, code: string): Promise<AreaRow | undefined> {
  return db.selectFrom('area').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findAreas(db: Executor, codes: readonly string[]): Promise<AreaRow[]> {
  const rows: AreaRow[] = [];
  for (const part of chunks([...new Set(codes)]))
    rows.push(...(await db.selectFrom('area').selectAll().where('code', 'in', part).execute()));
  return rows;
}

export interface AreaSearch {
  q?: string;
  type?: string;
  limit: number;
  offset: number;
}

export async function searchAreaRows(db: Executor, s: AreaSearch): Promise<{ rows: AreaRow[]; total: number }> {
  let query = db.selectFrom('area');
  if (s.type) query = query.where('type', '=', s.type);
  if (s.q && s.q.trim() !== '') {
    const text = s.q.trim();
    query = query.where((eb) => eb.or([eb('code', '=', text), eb(eb.fn('lower', ['name']), 'like', containsPattern(text))]));
  }
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy('name').orderBy('code').limit(s.limit).offset(s.offset).execute();
  return { rows, total: Number(count.n) };
}

/** Current direct parents. */
export async function findParentRows(db: Executor, code: string): Promise<AreaRow[]> {
  return db
    .selectFrom('area_parent as p')
    .innerJoin('area as a', 'a.code', 'p.parent_code')
    .selectAll('a')
    .where('p.child_code', '=', code)
    .where('p.valid_to', 'is', null)
    .orderBy('a.type')
    .orderBy('a.code')
    .execute();
}

/** Current direct children, optionally of one type. */
export async function findChildRows(db: Executor, code: string, type?: string): Promise<AreaRow[]> {
  let query = db
    .selectFrom('area_parent as p')
    .innerJoin('area as a', 'a.code', 'p.child_code')
    .selectAll('a')
    .where('p.parent_code', '=', code)
    .where('p.valid_to', 'is', null);
  if (type) query = query.where('a.type', '=', type);
  return query.orderBy('a.name').orderBy('a.code').execute();
}

/** Ancestors through the closure (not the area itself), nearest first. */
export async function findAncestorRows(db: Executor, code: string): Promise<(AreaRow & { depth: number })[]> {
  return db
    .selectFrom('area_closure as c')
    .innerJoin('area as a', 'a.code', 'c.ancestor_code')
    .selectAll('a')
    .select('c.depth')
    .where('c.descendant_code', '=', code)
    .where('c.depth', '>', 0)
    .orderBy('c.depth')
    .orderBy('a.code')
    .execute();
}

/**
 * The descendant is of one of these types. An EXISTS rather than a join, so SQLite walks the closure
 * from the ancestor and looks each descendant up, instead of starting from every area of the type.
 */
function descendantOfType(types: readonly string[]) {
  return ({ exists, selectFrom }: ExpressionBuilder<Database & { c: Database['area_closure'] }, 'c'>) =>
    exists(
      selectFrom('area as a')
        .select('a.code')
        .whereRef('a.code', '=', 'c.descendant_code')
        .where('a.type', 'in', [...types]),
    );
}

export async function findDescendantCodes(db: Executor, ancestor: string, types?: readonly string[]): Promise<string[]> {
  let query = db
    .selectFrom('area_closure as c')
    .select('c.descendant_code')
    .where('c.ancestor_code', '=', ancestor)
    .where('c.depth', '>', 0);
  if (types && types.length > 0) query = query.where(descendantOfType(types));
  const rows = await query.orderBy('c.descendant_code').execute();
  return rows.map((r) => r.descendant_code);
}

/** Descendants of many ancestors at once: (ancestor, descendant) pairs by ancestor, then descendant code. */
export async function findDescendantCodesMany(
  db: Executor,
  ancestors: readonly string[],
  types?: readonly string[],
): Promise<{ ancestor_code: string; descendant_code: string }[]> {
  const rows: { ancestor_code: string; descendant_code: string }[] = [];
  for (const part of chunks([...new Set(ancestors)])) {
    let query = db
      .selectFrom('area_closure as c')
      .select(['c.ancestor_code', 'c.descendant_code'])
      .where('c.ancestor_code', 'in', part)
      .where('c.depth', '>', 0);
    if (types && types.length > 0) query = query.where(descendantOfType(types));
    rows.push(...(await query.orderBy('c.ancestor_code').orderBy('c.descendant_code').execute()));
  }
  return rows;
}

export async function findCurrentCodesByType(db: Executor, types: readonly string[]): Promise<string[]> {
  if (types.length === 0) return [];
  const rows = await db
    .selectFrom('area')
    .select('code')
    .where('type', 'in', [...types])
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

export async function findSuccessorRows(db: Executor, code: string): Promise<AreaSuccessionRow[]> {
  return db
    .selectFrom('area_succession')
    .selectAll()
    .where('old_code', '=', code)
    .orderBy('effective_date')
    .orderBy('new_code')
    .execute();
}

export async function findPredecessorRows(db: Executor, code: string): Promise<AreaSuccessionRow[]> {
  return db
    .selectFrom('area_succession')
    .selectAll()
    .where('new_code', '=', code)
    .orderBy('effective_date')
    .orderBy('old_code')
    .execute();
}

export async function findAreaCodeByIdentifier(db: Executor, scheme: string, identifier: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('area_identifier')
    .select('area_code')
    .where('scheme', '=', scheme)
    .where('identifier', '=', identifier)
    .executeTakeFirst();
  return row?.area_code;
}

export async function findIdentifiersOf(db: Executor, code: string): Promise<{ scheme: string; identifier: string }[]> {
  return db
    .selectFrom('area_identifier')
    .select(['scheme', 'identifier'])
    .where('area_code', '=', code)
    .orderBy('scheme')
    .execute();
}

/** For export: areas (optionally of some types) in code order. */
export async function findAreaRowsForExport(db: Executor, types?: readonly string[]): Promise<AreaRow[]> {
  let query = db.selectFrom('area').selectAll();
  if (types && types.length > 0) query = query.where('type', 'in', [...types]);
  return query.orderBy('code').execute();
}

/** Current links touching any of `codes` on the given side. */
export async function findCurrentLinks(
  db: Executor,
  side: 'child_code' | 'parent_code',
  codes: readonly string[],
): Promise<{ child_code: string; parent_code: string }[]> {
  const rows: { child_code: string; parent_code: string }[] = [];
  for (const part of chunks(codes)) {
    rows.push(
      ...(await db
        .selectFrom('area_parent')
        .select(['child_code', 'parent_code'])
        .where(side, 'in', part)
        .where('valid_to', 'is', null)
        .execute()),
    );
  }
  return rows;
}
