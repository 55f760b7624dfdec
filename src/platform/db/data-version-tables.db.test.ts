import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.ts';
import { insertAreas, saveTestIndicators, tidyCsv } from '../../../test/support/data-factories.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { importObservations } from '../../modules/data/index.ts';
import { PUBLIC_TABLES, TABLES_PUBLIC_PAGES_NEVER_SHOW } from './data-version.ts';
import type { DatabaseHandle } from './database.ts';

let database: DatabaseHandle;
beforeEach(async () => {
  database = await freshDatabase();
});
afterEach(async () => {
  await database.close();
});

async function tablesInDatabase(): Promise<string[]> {
  const { rows } =
    database.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(
          database.db,
        )
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(database.db);
  return rows.map((r) => r.name).sort();
}

/** Each table with a data-change trigger, and the changes those triggers note. */
async function notedChanges(): Promise<Record<string, string[]>> {
  const noted: Record<string, Set<string>> = {};
  const note = (table: string, event: string) => (noted[table] ??= new Set()).add(event);
  if (database.dialect === 'sqlite') {
    const { rows } = await sql<{ table: string; sql: string }>`
      select tbl_name as "table", sql from sqlite_master where type = 'trigger'`.execute(database.db);
    for (const r of rows) {
      if (!/update\s+data_change_count\s+set\s+n\s*=\s*n\s*\+\s*1/i.test(r.sql)) continue;
      const event = /\bafter\s+(insert|update|delete)\s+on\b/i.exec(r.sql)?.[1];
      if (event && !/\bfor each row when\b|\bwhen\b/i.test(r.sql)) note(r.table, event.toLowerCase());
    }
  } else {
    // tgtype: 1 row-level, 2 before, 4 insert, 8 delete, 16 update, 32 truncate
    const { rows } = await sql<{ table: string; type: number }>`
      select c.relname as "table", t.tgtype as type
      from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_proc p on p.oid = t.tgfoid
      where n.nspname = current_schema() and p.proname = 'note_data_change' and not t.tgisinternal and t.tgenabled <> 'D'`.execute(
      database.db,
    );
    for (const r of rows) {
      if ((r.type & 1) !== 0 || (r.type & 2) !== 0) continue;
      for (const [bit, event] of [
        [4, 'insert'],
        [8, 'delete'],
        [16, 'update'],
        [32, 'truncate'],
      ] as const)
        if ((r.type & bit) !== 0) note(r.table, event);
    }
  }
  return Object.fromEntries(Object.entries(noted).map(([t, events]) => [t, [...events].sort()]));
}

describe('the tables behind the data version', () => {
  it('are each either read by the cached public pages or never shown on them', async () => {
    const neverShown = Object.keys(TABLES_PUBLIC_PAGES_NEVER_SHOW);
    expect(PUBLIC_TABLES.filter((t) => neverShown.includes(t))).toEqual([]);
    const unclassified = (await tablesInDatabase()).filter((t) => !PUBLIC_TABLES.includes(t) && !neverShown.includes(t));
    expect(
      unclassified.map(
        (t) =>
          `table ${t}: list it in PUBLIC_TABLES (and give it the triggers of migration 0004) or in TABLES_PUBLIC_PAGES_NEVER_SHOW (src/platform/db/data-version.ts)`,
      ),
    ).toEqual([]);
  });

  it('note every change to a public table, and no change to any other', async () => {
    const events = database.dialect === 'sqlite' ? ['delete', 'insert', 'update'] : ['delete', 'insert', 'truncate', 'update'];
    const expected = Object.fromEntries([...PUBLIC_TABLES].sort().map((t) => [t, events]));
    expect(await notedChanges()).toEqual(expected);
  });

  it('are all in place again after an import (which on SQLite sets the observation triggers aside while it writes)', async () => {
    await insertAreas(database.db, ['E08000009']);
    await saveTestIndicators(database.db, { code: 'REC', areaTypes: ['metropolitan_district'] });
    const before = await notedChanges();
    await importObservations(
      database.db,
      tidyCsv('recycling.csv', [
        ['indicator', 'area', 'period', 'value'],
        ['REC', 'E08000009', '2024/25', '47.3'],
      ]),
      { clock: fixedClock('2025-06-01T09:00:00.000Z') },
    );
    expect(await notedChanges()).toEqual(before);
  });
});
