/** All SQL for boundary sets. */
import type { Selectable } from 'kysely';
import type { BoundarySetTable } from '../../platform/db/schema.ts';
import type { Executor } from '../../platform/db/executor.ts';

export type BoundarySetRow = Selectable<BoundarySetTable>;
export type BoundarySetSummaryRow = Omit<BoundarySetRow, 'content'>;

const SUMMARY_COLUMNS = ['id', 'title', 'format', 'area_type', 'vintage', 'licence', 'attribution', 'imported_at'] as const;

export async function findBoundarySetRow(db: Executor, id: string): Promise<BoundarySetRow | undefined> {
  return db.selectFrom('boundary_set').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBoundarySetRow(db: Executor, row: BoundarySetRow): Promise<void> {
  await db.insertInto('boundary_set').values(row).execute();
}

export async function updateBoundarySetRow(db: Executor, row: BoundarySetRow): Promise<void> {
  const { id, ...set } = row;
  await db.updateTable('boundary_set').set(set).where('id', '=', id).execute();
}

export async function listBoundarySetRows(
  db: Executor,
  page: { limit: number; offset: number },
): Promise<{ rows: BoundarySetSummaryRow[]; total: number }> {
  const count = await db
    .selectFrom('boundary_set')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('boundary_set')
    .select(SUMMARY_COLUMNS)
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(count.n) };
}
