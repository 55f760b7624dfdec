/** import_batch: one row per import that changed something. */
import type { Executor } from './observation.types.ts';

export interface ImportBatchRecord {
  id: number;
  kind: string;
  fileName: string;
  fileSha256: string;
  reader: string;
  rowsRead: number;
  rowsWritten: number;
  rowsUnchanged: number;
  rowsRejected: number;
  importedAt: string;
  actor: string | null;
}

export async function insertImportBatch(db: Executor, b: Omit<ImportBatchRecord, 'id'>): Promise<number> {
  const row = await db
    .insertInto('import_batch')
    .values({
      kind: b.kind,
      file_name: b.fileName,
      file_sha256: b.fileSha256,
      reader: b.reader,
      rows_read: b.rowsRead,
      rows_written: b.rowsWritten,
      rows_unchanged: b.rowsUnchanged,
      rows_rejected: b.rowsRejected,
      imported_at: b.importedAt,
      actor: b.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function updateImportBatchCounts(
  db: Executor,
  id: number,
  c: { rowsRead: number; rowsWritten: number; rowsUnchanged: number },
): Promise<void> {
  await db
    .updateTable('import_batch')
    .set({ rows_read: c.rowsRead, rows_written: c.rowsWritten, rows_unchanged: c.rowsUnchanged })
    .where('id', '=', id)
    .execute();
}

export async function listImportBatches(
  db: Executor,
  q: { limit: number; offset: number },
): Promise<{ items: ImportBatchRecord[]; total: number }> {
  const rows = await db.selectFrom('import_batch').selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute();
  const total = await db
    .selectFrom('import_batch')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      fileName: r.file_name,
      fileSha256: r.file_sha256,
      reader: r.reader,
      rowsRead: r.rows_read,
      rowsWritten: r.rows_written,
      rowsUnchanged: r.rows_unchanged,
      rowsRejected: r.rows_rejected,
      importedAt: r.imported_at,
      actor: r.actor,
    })),
    total: Number(total.n),
  };
}
