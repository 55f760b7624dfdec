import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../../config.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** A short human description (file path or host/database), never the password. */
  describe: string;
  close(): Promise<void>;
}

const PG_INT8 = 20;
const PG_NUMERIC = 1700;

export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  return target.dialect === 'sqlite' ? openSqlite(target.path) : openPostgres(target.connectionString);
}

/**
 * The better-sqlite3 connection behind each open SQLite file, so that a repository may take a
 * dialect-specific fast path (bulk import) on the very connection Kysely uses. SQLite here has one
 * connection per file, so a Kysely transaction runs on it too.
 */
const sqliteConnections = new Map<string, SQLite.Database>();

function openSqlite(path: string): DatabaseHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  const key = sqlite.pragma('database_list', { simple: false }) as { name: string; file: string }[];
  const file = key.find((d) => d.name === 'main')?.file ?? '';
  if (file !== '') sqliteConnections.set(file, sqlite);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  // Reads go through the page cache of the operating system rather than copies (faster profile and roll-up reads).
  sqlite.pragma('mmap_size = 268435456');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    describe: `SQLite ${path}`,
    close: async () => {
      if (sqliteConnections.get(file) === sqlite) sqliteConnections.delete(file);
      await db.destroy();
    },
  };
}

/**
 * The better-sqlite3 connection behind a Kysely instance or transaction on SQLite (found by the
 * database file it has open), or undefined on PostgreSQL or an in-memory database.
 */
export async function sqliteConnectionOf(db: Kysely<Database>): Promise<SQLite.Database | undefined> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return undefined;
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  const file = rows.find((r) => r.name === 'main')?.file ?? '';
  return file === '' ? undefined : sqliteConnections.get(file);
}

function openPostgres(connectionString: string): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => {
        if (oid === PG_INT8 || oid === PG_NUMERIC) return (v: string) => Number(v);
        return pg.types.getTypeParser(oid, format as 'text');
      },
    } as pg.CustomTypesConfig,
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    describe: `PostgreSQL ${safeDescribe(connectionString)}`,
    close: () => db.destroy(),
  };
}

function safeDescribe(connectionString: string): string {
  try {
    const u = new URL(connectionString);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(connection string)';
  }
}
