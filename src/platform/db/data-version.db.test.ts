import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/database.ts';
import { dataVersionOf, type DataVersion } from './data-version.ts';
import type { DatabaseHandle } from './database.ts';

let database: DatabaseHandle;
let version: DataVersion;

beforeEach(async () => {
  database = await freshDatabase();
  version = await dataVersionOf(database);
});

afterEach(async () => {
  await database.close();
});

const addArea = (code: string) =>
  database.db.insertInto('area').values({ code, name: code, type: 'region', source: 'test' }).execute();

describe('the data version', () => {
  it('stays the same while only reading', async () => {
    // on PostgreSQL the version is the server's: other tests writing at the same moment change it,
    // so look for one quiet window among a few tries (reads that changed it would never give one)
    const unchanged: boolean[] = [];
    for (let attempt = 0; attempt < 5 && !unchanged.includes(true); attempt++) {
      const before = await version();
      await database.db.selectFrom('area').selectAll().execute();
      await sql`select 1`.execute(database.db);
      unchanged.push((await version()) === before);
    }
    expect(unchanged).toContain(true);
  });

  it('changes when this process writes, inside a transaction or not', async () => {
    const v0 = await version();
    await addArea('E12000001');
    const v1 = await version();
    expect(v1).not.toBe(v0);
    await database.db.transaction().execute(async (trx) => {
      await trx.updateTable('area').set({ name: 'North East' }).where('code', '=', 'E12000001').execute();
    });
    expect(await version()).not.toBe(v1);
  });

  it('changes when another connection writes (the CLI importing while the server runs)', async () => {
    const before = await version();
    await writeFromAnotherConnection(database);
    expect(await version()).not.toBe(before);
  });
});

/** A separate connection to the same database, as another process would have. */
async function writeFromAnotherConnection(handle: DatabaseHandle): Promise<void> {
  if (handle.dialect === 'sqlite') {
    const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(handle.db);
    const other = new SQLite(rows.find((r) => r.name === 'main')!.file);
    other.prepare(`insert into area (code, name, type, source) values ('E12000002', 'North West', 'region', 'test')`).run();
    other.close();
    return;
  }
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db);
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  await client.query(
    `insert into ${rows[0]!.schema}.area (code, name, type, source) values ('E12000002', 'North West', 'region', 'test')`,
  );
  await client.end();
}
