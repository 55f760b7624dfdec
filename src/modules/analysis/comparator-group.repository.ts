/** All SQL for comparator groups (tables comparator_group, comparator_group_member). */
import type { Selectable } from 'kysely';
import type { ComparatorGroupTable } from '../../platform/db/schema.ts';
import type { Executor } from './executor.ts';

export type ComparatorGroupRow = Selectable<ComparatorGroupTable>;
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function findGroupRows(db: Executor, ids: readonly string[]): Promise<ComparatorGroupRow[]> {
  const rows: ComparatorGroupRow[] = [];
  for (const part of chunks([...new Set(ids)])) {
    rows.push(...(await db.selectFrom('comparator_group').selectAll().where('id', 'in', part).execute()));
  }
  return rows;
}

export async function findGroupRowsByAnchor(
  db: Executor,
  anchor: string,
  kinds: readonly string[],
): Promise<ComparatorGroupRow[]> {
  return db
    .selectFrom('comparator_group')
    .selectAll()
    .where('anchor_area_code', '=', anchor)
    .where('kind', 'in', [...kinds])
    .orderBy('id')
    .execute();
}

/** Members of each group, in code order. */
export async function findMembers(db: Executor, groupIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const part of chunks([...new Set(groupIds)])) {
    const rows = await db
      .selectFrom('comparator_group_member')
      .select(['group_id', 'area_code'])
      .where('group_id', 'in', part)
      .orderBy('group_id')
      .orderBy('area_code')
      .execute();
    for (const r of rows) {
      const list = out.get(r.group_id) ?? [];
      list.push(r.area_code);
      out.set(r.group_id, list);
    }
  }
  return out;
}

export async function listGroupRows(
  db: Executor,
  q: { anchor?: string; limit: number; offset: number },
): Promise<{ items: ComparatorGroupRow[]; total: number }> {
  let base = db.selectFrom('comparator_group');
  if (q.anchor) base = base.where('anchor_area_code', '=', q.anchor);
  const items = await base.selectAll().orderBy('id').limit(q.limit).offset(q.offset).execute();
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items, total: Number(total.n) };
}

export async function upsertGroupRow(db: Executor, row: ComparatorGroupRow, exists: boolean): Promise<void> {
  if (exists) {
    const { id, ...rest } = row;
    await db.updateTable('comparator_group').set(rest).where('id', '=', id).execute();
  } else {
    await db.insertInto('comparator_group').values(row).execute();
  }
}

export async function replaceMembers(db: Executor, groupId: string, codes: readonly string[]): Promise<void> {
  await db.deleteFrom('comparator_group_member').where('group_id', '=', groupId).execute();
  for (const part of chunks(codes)) {
    await db
      .insertInto('comparator_group_member')
      .values(part.map((area_code) => ({ group_id: groupId, area_code })))
      .execute();
  }
}
