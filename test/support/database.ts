/**
 * A fresh, migrated database for one test. SQLite by default (a temp file);
 * when TEST_DATABASE_URL is a postgres:// URL, a fresh schema in that server.
 * A PostgreSQL run that cannot reach its server fails; it never skips.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';

export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.TEST_DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite';
}

export async function freshDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (url?.startsWith('postgres')) return freshPostgres(url);
  const dir = mkdtempSync(join(tmpdir(), 'lv-test-'));
  const handle = openDatabase({ dialect: 'sqlite', path: join(dir, 'test.sqlite') });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function freshPostgres(url: string): Promise<DatabaseHandle> {
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const handle = openDatabase({ dialect: 'postgres', connectionString: u.toString() });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/**
 * A DATABASE_URL for a fresh, empty database (for the CLI and server, which open their own):
 * a temp SQLite file, or a fresh schema on the TEST_DATABASE_URL server.
 */
export async function freshDatabaseUrl(): Promise<{ url: string; cleanup: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url?.startsWith('postgres')) {
    const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const u = new URL(url);
    u.searchParams.set('options', `-c search_path=${schema}`);
    return {
      url: u.toString(),
      cleanup: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'lv-test-'));
  return { url: `sqlite:${join(dir, 'test.sqlite')}`, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}
