import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, testDialect } from '../../../test/support/database.ts';
import { dataVersionOf, setAsideDataChangeTriggers, type DataVersion } from './data-version.ts';
import { sqliteConnectionOf } from './database.ts';
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

const AT = '2025-06-01T09:00:00.000Z';

const addArea = (code: string, db = database.db) =>
  db.insertInto('area').values({ code, name: code, type: 'region', source: 'test' }).execute();

const addPerson = (id: string) =>
  database.db
    .insertInto('person')
    .values({ id, email: `${id}@example.org`, email_key: `${id}@example.org`, display_name: id, created_at: AT })
    .execute();

const addBody = (id: string) =>
  database.db
    .insertInto('body')
    .values({
      id,
      name: id,
      kind: 'council',
      council_type: null,
      short_name: null,
      valid_from: null,
      valid_to: null,
      replaced_by: null,
      website: null,
      source: 'test',
    })
    .execute();

describe('the data version', () => {
  it('stays the same while only reading', async () => {
    const before = await version();
    await database.db.selectFrom('area').selectAll().execute();
    await sql`select 1`.execute(database.db);
    expect(await version()).toBe(before);
  });

  it('changes when this process writes a table public pages read, inside a transaction or not', async () => {
    const v0 = await version();
    await addArea('E12000001');
    const v1 = await version();
    expect(v1).not.toBe(v0);
    await database.db.transaction().execute(async (trx) => {
      await trx.updateTable('area').set({ name: 'North East' }).where('code', '=', 'E12000001').execute();
    });
    const v2 = await version();
    expect(v2).not.toBe(v1);
    await database.db.deleteFrom('area').where('code', '=', 'E12000001').execute();
    expect(await version()).not.toBe(v2);
  });

  it('changes when another connection writes (the CLI importing while the server runs)', async () => {
    const before = await version();
    await writeFromAnotherConnection(
      database,
      `insert into area (code, name, type, source) values ('E12000002', 'North West', 'region', 'test')`,
    );
    expect(await version()).not.toBe(before);
  });

  it('stays the same when another connection writes only accounts bookkeeping', async () => {
    await addPerson('p1');
    const before = await version();
    await writeFromAnotherConnection(
      database,
      `insert into person_session (id_hash, person_id, created_at, expires_at, last_seen_at) values ('s9', 'p1', '${AT}', '${AT}', '${AT}')`,
    );
    expect(await version()).toBe(before);
  });

  it('stays the same through accounts bookkeeping: people, sessions, one-time links, API tokens, grants, the audit log', async () => {
    await addBody('trafford-council');
    const before = await version();
    await addPerson('p1');
    await database.db.updateTable('person').set({ failed_sign_ins: 3, failed_since: AT, locked_until: AT }).execute();
    await database.db
      .insertInto('person_session')
      .values({ id_hash: 's1', person_id: 'p1', created_at: AT, expires_at: AT, last_seen_at: AT })
      .execute();
    await database.db.updateTable('person_session').set({ last_seen_at: '2025-06-01T09:05:00.000Z' }).execute();
    await database.db.updateTable('person_session').set({ revoked_at: AT }).execute();
    await database.db
      .insertInto('one_time_token')
      .values({ token_hash: 't1', person_id: 'p1', purpose: 'password_reset', created_at: AT, expires_at: AT })
      .execute();
    await database.db.updateTable('one_time_token').set({ used_at: AT }).execute();
    await database.db
      .insertInto('api_token')
      .values({ id: 'k1', body_id: 'trafford-council', name: 'uploads', prefix: 'lv_abc', token_hash: 'h1', created_at: AT })
      .execute();
    await database.db.updateTable('api_token').set({ last_used_at: AT }).execute();
    await database.db
      .insertInto('role_grant')
      .values({ id: 'g1', person_id: 'p1', role: 'administrator', granted_at: AT })
      .execute();
    await database.db
      .insertInto('audit_event')
      .values({
        occurred_at: AT,
        actor_label: 'p1',
        via_kind: 'session',
        action: 'person.signed_in',
        subject_kind: 'person',
        subject_id: 'p1',
        summary: 'Signed in',
      })
      .execute();
    await database.db.deleteFrom('person_session').execute();
    expect(await version()).toBe(before);
  });

  it('read while a write is under way, is never the version of what that write commits', async () => {
    const before = await version();
    let during = '';
    await expect(
      database.db.transaction().execute(async (trx) => {
        await addArea('E12000003', trx);
        during = await version();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // a write rolled back leaves the version as it was; the one read during the write is never given out again
    expect(await version()).toBe(before);
    await addArea('E12000003');
    const after = await version();
    expect(after).not.toBe(before);
    expect(after).not.toBe(during);
  });
});

describe.runIf(testDialect() === 'sqlite')('setting the data-change triggers aside for a bulk write on SQLite', () => {
  it('notes one change for the whole transaction and puts the triggers back before it commits', async () => {
    const connection = (await sqliteConnectionOf(database.db))!;
    const triggers = () =>
      connection.prepare("select count(*) from sqlite_master where type = 'trigger' and tbl_name = 'area'").pluck().get();
    const before = await version();
    const triggersBefore = triggers();
    await database.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx); // the transaction has begun on the connection
      const setAside = setAsideDataChangeTriggers(connection, 'area');
      expect(triggers()).toBe(0);
      for (const code of ['E12000001', 'E12000002', 'E12000003']) await addArea(code, trx);
      setAside.restore();
    });
    const after = await version();
    expect(after).not.toBe(before);
    expect(triggers()).toBe(triggersBefore);
    await addArea('E12000004');
    expect(await version()).not.toBe(after);
  });

  it('is refused outside a transaction', async () => {
    const connection = (await sqliteConnectionOf(database.db))!;
    expect(() => setAsideDataChangeTriggers(connection, 'area')).toThrow('only inside a transaction');
  });
});

describe.runIf(testDialect() === 'postgres')('the data version on PostgreSQL, with transactions committing out of order', () => {
  it('changes when an older transaction commits after a newer one', async () => {
    const schema = await currentSchema(database);
    const older = await connect(schema);
    const newer = await connect(schema);
    try {
      await older.query('begin');
      await older.query(`insert into area (code, name, type, source) values ('E12000004', 'A', 'region', 'test')`);
      await newer.query('begin');
      await newer.query(`insert into area (code, name, type, source) values ('E12000005', 'B', 'region', 'test')`);
      await newer.query('commit');
      const newerCommitted = await version();
      await older.query('commit');
      expect(await version()).not.toBe(newerCommitted);
    } finally {
      await older.end();
      await newer.end();
    }
  });

  it('changes when a newer transaction commits while an older one is still open', async () => {
    const schema = await currentSchema(database);
    const older = await connect(schema);
    const newer = await connect(schema);
    try {
      await older.query('begin');
      await older.query(`insert into area (code, name, type, source) values ('E12000006', 'A', 'region', 'test')`);
      const before = await version();
      await newer.query(`insert into area (code, name, type, source) values ('E12000007', 'B', 'region', 'test')`);
      expect(await version()).not.toBe(before);
      await older.query('rollback');
    } finally {
      await older.end();
      await newer.end();
    }
  });

  it('is the same in every process, whatever each has counted before', async () => {
    const schema = await currentSchema(database);
    const older = await connect(schema);
    try {
      await addArea('E12000008');
      await version();
      await older.query('begin');
      await older.query(`insert into area (code, name, type, source) values ('E12000009', 'A', 'region', 'test')`);
      await addArea('E12000010');
      await version();
      await older.query('commit');
      await version();
      await addArea('E12000011');
    } finally {
      await older.end();
    }
    const startingNow = await dataVersionOf(database);
    expect(await startingNow()).toBe(await version());
  });
});

async function currentSchema(handle: DatabaseHandle): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db);
  return rows[0]!.schema;
}

async function connect(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  await client.query(`set search_path = ${schema}`);
  return client;
}

/** A separate connection to the same database, as another process would have, running one statement. */
async function writeFromAnotherConnection(handle: DatabaseHandle, statement: string): Promise<void> {
  if (handle.dialect === 'sqlite') {
    const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(handle.db);
    const other = new SQLite(rows.find((r) => r.name === 'main')!.file);
    other.prepare(statement).run();
    other.close();
    return;
  }
  const client = await connect(await currentSchema(handle));
  await client.query(statement);
  await client.end();
}
