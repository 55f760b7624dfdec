/** All SQL the area importers need: loading the recorded state and writing a plan in batches. */
import { sql } from 'kysely';
import type { AreaRow } from '../../platform/db/schema.ts';
import type { AreaIdentifierRow, AreaParentRow, AreaSuccessionRow, LinkEnd } from './area-plan.types.ts';
import { type Executor, chunks } from '../../platform/db/executor.ts';

export async function findAreaRows(db: Executor, codes: Iterable<string>): Promise<AreaRow[]> {
  const rows: AreaRow[] = [];
  for (const part of chunks([...new Set(codes)])) {
    rows.push(...(await db.selectFrom('area').selectAll().where('code', 'in', part).execute()));
  }
  return rows;
}

export async function findLinksOf(
  db: Executor,
  side: 'child_code' | 'parent_code',
  codes: Iterable<string>,
): Promise<AreaParentRow[]> {
  const rows: AreaParentRow[] = [];
  for (const part of chunks([...new Set(codes)])) {
    rows.push(...(await db.selectFrom('area_parent').selectAll().where(side, 'in', part).execute()));
  }
  return rows;
}

export async function findIdentifierRows(
  db: Executor,
  scheme: string,
  identifiers: Iterable<string>,
): Promise<AreaIdentifierRow[]> {
  const rows: AreaIdentifierRow[] = [];
  for (const part of chunks([...new Set(identifiers)])) {
    rows.push(
      ...(await db
        .selectFrom('area_identifier')
        .selectAll()
        .where('scheme', '=', scheme)
        .where('identifier', 'in', part)
        .execute()),
    );
  }
  return rows;
}

export async function findSuccessionsFrom(db: Executor, oldCodes: Iterable<string>): Promise<AreaSuccessionRow[]> {
  const rows: AreaSuccessionRow[] = [];
  for (const part of chunks([...new Set(oldCodes)])) {
    rows.push(...(await db.selectFrom('area_succession').selectAll().where('old_code', 'in', part).execute()));
  }
  return rows;
}

export async function insertAreaRows(db: Executor, rows: readonly AreaRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('area').values(part).execute();
}

export async function updateAreaRow(db: Executor, code: string, set: Partial<AreaRow>): Promise<void> {
  await db.updateTable('area').set(set).where('code', '=', code).execute();
}

export async function insertLinkRows(db: Executor, rows: readonly AreaParentRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('area_parent').values(part).execute();
}

export async function setLinkEnd(db: Executor, link: LinkEnd): Promise<void> {
  await db
    .updateTable('area_parent')
    .set({ valid_to: link.validTo })
    .where('child_code', '=', link.childCode)
    .where('parent_code', '=', link.parentCode)
    .where('valid_from', '=', link.validFrom)
    .execute();
}

export async function insertIdentifierRows(db: Executor, rows: readonly AreaIdentifierRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('area_identifier').values(part).execute();
}

export async function moveIdentifier(db: Executor, row: AreaIdentifierRow): Promise<void> {
  await db
    .updateTable('area_identifier')
    .set({ area_code: row.area_code })
    .where('scheme', '=', row.scheme)
    .where('identifier', '=', row.identifier)
    .execute();
}

export async function insertSuccessionRows(db: Executor, rows: readonly AreaSuccessionRow[]): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('area_succession').values(part).execute();
}

export async function setSuccessionDate(db: Executor, row: AreaSuccessionRow): Promise<void> {
  await db
    .updateTable('area_succession')
    .set({ effective_date: row.effective_date })
    .where('old_code', '=', row.old_code)
    .where('new_code', '=', row.new_code)
    .where('change_type', '=', row.change_type)
    .execute();
}

/** Deepest parent chain followed; deeper (or a cycle) is cut off here. */
const MAX_DEPTH = 16;

/**
 * Rebuilds area_closure from the current parent links (valid_to is null) in one set-based
 * statement: every area is its own ancestor at depth 0; the shortest path wins.
 */
export async function rebuildClosure(db: Executor): Promise<void> {
  await db.deleteFrom('area_closure').execute();
  await sql`
    with recursive chain (ancestor_code, descendant_code, depth) as (
      select code, code, 0 from area
      union all
      select p.parent_code, c.descendant_code, c.depth + 1
      from chain c
      join area_parent p on p.child_code = c.ancestor_code and p.valid_to is null
      where c.depth < ${sql.lit(MAX_DEPTH)}
    )
    insert into area_closure (ancestor_code, descendant_code, depth)
    select ancestor_code, descendant_code, min(depth) from chain group by ancestor_code, descendant_code
  `.execute(db);
}
