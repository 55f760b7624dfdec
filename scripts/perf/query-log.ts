/** tsx scripts/perf/query-log.ts [asof] — the SQL one area profile runs, with time per query and the plans of the two slowest. */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { areaProfile } from '../../src/modules/analysis/index.ts';
const sqlite = new SQLite('/tmp/lv-perf/s0.1.sqlite');
sqlite.pragma('cache_size = -65536');
const params = new Map<string, unknown[]>();
const stats = new Map<string, { n: number; ms: number; rows: number }>();
const db = new Kysely<Database>({
  dialect: new SqliteDialect({ database: sqlite }),
  log: (e) => {
    if (e.level !== 'query') return;
    const k = e.query.sql;
    params.set(k, e.query.parameters as unknown[]);
    const s = stats.get(k) ?? { n: 0, ms: 0, rows: 0 };
    s.n++;
    s.ms += e.queryDurationMillis;
    s.rows += (e as unknown as { result?: { rows: unknown[] } }).result?.rows.length ?? 0;
    stats.set(k, s);
  },
});
const which = process.argv[2] ?? 'profile';
for (let i = 0; i < 21; i++) {
  if (i === 1) stats.clear();
  await areaProfile(db, { area: 'E07000001', ...(which === 'asof' ? { asOf: '2030-01-01' } : {}) });
}
for (const [k, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms))
  console.log(
    (s.ms / 20).toFixed(2).padStart(7),
    'ms',
    String(s.n / 20).padStart(4),
    'q',
    String(s.rows / 20).padStart(6),
    'rows',
    k,
  );
for (const [k, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 2)) {
  console.log(s.ms / 20, k.slice(0, 400));
  console.log(
    sqlite
      .prepare('EXPLAIN QUERY PLAN ' + k)
      .all(...(params.get(k) as never[]))
      .map((r) => (r as { detail: string }).detail)
      .join(' | '),
  );
}
await db.destroy();
