/** plan_item, plan_target, plan_action and plan_item_link: the items of a version and what they serve. */
import type { Insertable, Selectable } from 'kysely';
import { chunks, type Executor } from '../../platform/db/executor.ts';
import type { PlanActionTable, PlanItemLinkTable, PlanItemTable, PlanTargetTable } from '../../platform/db/schema.ts';

export type PlanItemRow = Selectable<PlanItemTable>;
export type PlanTargetRow = Selectable<PlanTargetTable>;
export type PlanActionRow = Selectable<PlanActionTable>;
export type PlanItemLinkRow = Selectable<PlanItemLinkTable>;

/** An item with its kind's own row and what it serves. */
export interface ItemRows {
  item: PlanItemRow;
  target: PlanTargetRow | null;
  action: PlanActionRow | null;
  links: PlanItemLinkRow[];
}

/** The items of the versions, by version then position among siblings. */
export async function findItemRows(db: Executor, versionIds: readonly number[]): Promise<ItemRows[]> {
  if (versionIds.length === 0) return [];
  const items = await db
    .selectFrom('plan_item')
    .selectAll()
    .where('version_id', 'in', [...versionIds])
    .orderBy('version_id')
    .orderBy('position')
    .orderBy('key')
    .execute();
  return withOwnRows(db, items);
}

async function withOwnRows(db: Executor, items: PlanItemRow[]): Promise<ItemRows[]> {
  const ids = items.map((i) => i.id);
  const targets = new Map<number, PlanTargetRow>();
  const actions = new Map<number, PlanActionRow>();
  const links = new Map<number, PlanItemLinkRow[]>();
  for (const part of chunks(ids)) {
    for (const t of await db.selectFrom('plan_target').selectAll().where('item_id', 'in', part).execute())
      targets.set(t.item_id, t);
    for (const a of await db.selectFrom('plan_action').selectAll().where('item_id', 'in', part).execute())
      actions.set(a.item_id, a);
    const linkRows = await db.selectFrom('plan_item_link').selectAll().where('item_id', 'in', part).orderBy('position').execute();
    for (const l of linkRows) links.set(l.item_id, [...(links.get(l.item_id) ?? []), l]);
  }
  return items.map((item) => ({
    item,
    target: targets.get(item.id) ?? null,
    action: actions.get(item.id) ?? null,
    links: links.get(item.id) ?? [],
  }));
}

/** Items of any of the versions that serve one of the given items (by plan id and key). */
export async function findItemsServing(
  db: Executor,
  versionIds: readonly number[],
  served: readonly { planId: string; key: string }[],
): Promise<ItemRows[]> {
  if (versionIds.length === 0 || served.length === 0) return [];
  const items = await db
    .selectFrom('plan_item')
    .innerJoin('plan_item_link', 'plan_item_link.item_id', 'plan_item.id')
    .selectAll('plan_item')
    .distinct()
    .where('plan_item.version_id', 'in', [...versionIds])
    .where((eb) =>
      eb.or(
        served.map((s) =>
          eb.and([eb('plan_item_link.serves_plan_id', '=', s.planId), eb('plan_item_link.serves_key', '=', s.key)]),
        ),
      ),
    )
    .orderBy('plan_item.version_id')
    .orderBy('plan_item.position')
    .execute();
  return withOwnRows(db, items);
}

/** The versions holding a target on the indicator (for the area, when given): the version ids. */
export async function findVersionIdsWithTargetsOn(db: Executor, indicatorCode: string, areaCode?: string): Promise<number[]> {
  let query = db
    .selectFrom('plan_target')
    .innerJoin('plan_item', 'plan_item.id', 'plan_target.item_id')
    .select('plan_item.version_id')
    .distinct()
    .where('plan_target.indicator_code', '=', indicatorCode);
  if (areaCode) query = query.where('plan_target.area_code', '=', areaCode);
  return (await query.execute()).map((r) => Number(r.version_id));
}

export interface NewItem {
  item: Omit<Insertable<PlanItemTable>, 'version_id'>;
  target: Omit<Insertable<PlanTargetTable>, 'item_id'> | null;
  action: Omit<Insertable<PlanActionTable>, 'item_id'> | null;
  serves: { planId: string; key: string }[];
}

/** Writes one item of a draft with its own row and links. */
export async function insertItem(db: Executor, versionId: number, item: NewItem): Promise<number> {
  const inserted = await db
    .insertInto('plan_item')
    .values({ ...item.item, version_id: versionId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  if (item.target)
    await db
      .insertInto('plan_target')
      .values({ ...item.target, item_id: id })
      .execute();
  if (item.action)
    await db
      .insertInto('plan_action')
      .values({ ...item.action, item_id: id })
      .execute();
  if (item.serves.length > 0) {
    await db
      .insertInto('plan_item_link')
      .values(item.serves.map((s, i) => ({ item_id: id, serves_plan_id: s.planId, serves_key: s.key, position: i + 1 })))
      .execute();
  }
  return id;
}

/** Removes items of a draft (by id) with their own rows and links. */
export async function deleteItems(db: Executor, itemIds: readonly number[]): Promise<void> {
  for (const part of chunks(itemIds)) {
    await db.deleteFrom('plan_item_link').where('item_id', 'in', part).execute();
    await db.deleteFrom('plan_target').where('item_id', 'in', part).execute();
    await db.deleteFrom('plan_action').where('item_id', 'in', part).execute();
    await db.deleteFrom('plan_item').where('id', 'in', part).execute();
  }
}
