import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sqliteConnectionOf, type DatabaseHandle } from '../../platform/db/database.ts';
import { freshDatabase } from '../../../test/support/database.ts';

let handle: DatabaseHandle;

beforeEach(async () => {
  handle = await freshDatabase();
});
afterEach(async () => {
  await handle.close();
});

describe('sqliteConnectionOf', () => {
  it('finds the connection a transaction runs on (SQLite), or nothing (PostgreSQL)', async () => {
    await handle.db.transaction().execute(async (trx) => {
      const raw = await sqliteConnectionOf(trx);
      if (handle.dialect === 'postgres') {
        expect(raw).toBeUndefined();
        return;
      }
      expect(raw?.inTransaction).toBe(true);
      raw!
        .prepare(
          "insert into import_batch (kind, file_name, file_sha256, reader, rows_read, rows_written, rows_unchanged, rows_rejected, imported_at) values ('t', 'f', '', 'r', 0, 0, 0, 0, 'now')",
        )
        .run();
      const seen = await trx.selectFrom('import_batch').selectAll().execute();
      expect(seen).toHaveLength(1);
    });
  });

  it('finds the same connection every time', async () => {
    const found = await Promise.all([
      sqliteConnectionOf(handle.db),
      sqliteConnectionOf(handle.db),
      sqliteConnectionOf(handle.db),
    ]);
    expect(new Set(found).size).toBe(1);
    if (handle.dialect === 'sqlite') expect(found[0]).toBeDefined();
  });
});
