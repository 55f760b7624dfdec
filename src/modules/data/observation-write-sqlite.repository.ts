/**
 * The fast SQLite import writer: better-sqlite3 prepared statements (500-row INSERTs) on the very
 * connection the import's Kysely transaction holds, so they run inside that transaction.
 *
 * A large import into a table no larger than itself drops the observation indexes except the one its
 * own look-ups use (observation_current_by_period_idx) once it has written that many rows, and builds
 * them again from their recorded SQL before commit — a sort (with SQLite's sorter threads) is far
 * cheaper than millions of random B-tree inserts. Into an empty table there is nothing to look up, so
 * that index goes too. The DDL is inside the transaction: other connections see the indexes throughout,
 * and a refused or failed import rolls it back with everything else. Rebuilding the unique index also
 * re-proves that no revision was written twice. The data version's row triggers on observation are
 * set aside the same way: one change is noted for the whole import, and they are back before commit.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sqliteConnectionOf } from '../../platform/db/database.ts';
import { setAsideDataChangeTriggers, type SetAsideTriggers } from '../../platform/db/data-version.ts';
import type { Executor } from './observation.types.ts';
import {
  CURRENT_COLUMNS,
  forEachRun,
  OBSERVATION_COLUMNS,
  toCurrentFigures,
  type CurrentFigures,
  type CurrentRow,
  type NewRevision,
  type ObservationWriter,
} from './observation-rows.ts';

const ROWS_PER_INSERT = 500;
const JSON_LIST = 5000;
/** Rows an import writes before it may switch to building the indexes at the end. */
export const BULK_MIN_ROWS = 100_000;
const KEPT_INDEX = 'observation_current_by_period_idx';
/** Helper threads SQLite's sorter may use to build indexes. */
const SORTER_THREADS = 4;
/** Page cache (KiB) while a large import runs: the indexes' working set stays in memory. */
const IMPORT_CACHE_KIB = 1 << 20;

export async function sqliteObservationWriter(db: Executor, expectedRows: number): Promise<ObservationWriter | undefined> {
  const sqlite = await sqliteConnectionOf(db);
  return sqlite && sqlite.inTransaction ? new SqliteObservationWriter(sqlite, expectedRows) : undefined;
}

/**
 * A multi-row INSERT in which what every row of one indicator and period shares is bound once by
 * name, and only the nine per-row columns by position: half the binding work of binding all 18.
 */
const insertSql = (rows: number) =>
  `insert into observation (${OBSERVATION_COLUMNS.join(',')}) values ${Array(rows)
    .fill('(@indicator,@version,?,@period,@type,@start,@end,?,?,?,?,?,?,?,@body,@import,?,@published)')
    .join(',')}`;

interface SharedValues {
  indicator: string;
  version: number;
  period: string;
  type: string;
  start: string;
  end: string;
  body: string | null;
  import: number;
  published: string;
}

function pushRowParams(out: unknown[], r: NewRevision): void {
  const f = r.figures;
  out.push(r.areaCode, f.value, f.numerator, f.denominator, f.sampleSize, f.ciLower, f.ciUpper, f.status, r.revision);
}

class SqliteObservationWriter implements ObservationWriter {
  private readonly insertMany: BetterSqlite3.Statement;
  private readonly insertOne: BetterSqlite3.Statement;
  private readonly anyCurrent: BetterSqlite3.Statement;
  private readonly currentIn: BetterSqlite3.Statement;
  private readonly supersedeIn: BetterSqlite3.Statement;
  private readonly tableRows: number;
  /** the table held no observation when the import began: no figure can be current */
  private readonly emptyAtStart: boolean;
  private written = 0;
  private droppedIndexes: { name: string; sql: string }[] | undefined;
  private savedCacheSize: number | undefined;
  private dataChangeTriggers: SetAsideTriggers | undefined;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly expectedRows: number,
  ) {
    this.insertMany = sqlite.prepare(insertSql(ROWS_PER_INSERT));
    this.insertOne = sqlite.prepare(insertSql(1));
    this.anyCurrent = sqlite.prepare(
      'select 1 from observation where indicator_code = ? and period = ? and superseded_at is null limit 1',
    );
    this.currentIn = sqlite.prepare(
      `select ${CURRENT_COLUMNS} from observation where indicator_code = ? and period = ? and superseded_at is null and area_code in (select value from json_each(?))`,
    );
    this.supersedeIn = sqlite.prepare('update observation set superseded_at = ? where id in (select value from json_each(?))');
    const max = sqlite.prepare('select max(id) as n from observation').get() as { n: number | null };
    this.tableRows = max.n ?? 0;
    this.emptyAtStart = max.n === null;
    if (expectedRows >= BULK_MIN_ROWS) this.enlargeCache();
  }

  async hasCurrent(indicator: string, period: string): Promise<boolean> {
    return !this.emptyAtStart && this.anyCurrent.get(indicator, period) !== undefined;
  }

  async findCurrent(indicator: string, period: string, areas: readonly string[]): Promise<CurrentFigures[]> {
    const out: CurrentFigures[] = [];
    for (let i = 0; i < areas.length; i += JSON_LIST) {
      const rows = this.currentIn.all(indicator, period, JSON.stringify(areas.slice(i, i + JSON_LIST))) as CurrentRow[];
      for (const r of rows) out.push(toCurrentFigures(r));
    }
    return out;
  }

  async supersede(ids: readonly number[], at: string): Promise<void> {
    this.dataChangeTriggers ??= setAsideDataChangeTriggers(this.sqlite, 'observation');
    for (let i = 0; i < ids.length; i += JSON_LIST) this.supersedeIn.run(at, JSON.stringify(ids.slice(i, i + JSON_LIST)));
  }

  async insert(
    rows: readonly NewRevision[],
    common: { publishedAt: string; importId: number; sourceBodyId: string | null },
  ): Promise<void> {
    this.dataChangeTriggers ??= setAsideDataChangeTriggers(this.sqlite, 'observation');
    forEachRun(rows, (start, end) => this.insertRun(rows, start, end, common));
    this.written += rows.length;
    if (this.written >= BULK_MIN_ROWS) this.enlargeCache();
    if (!this.droppedIndexes && Math.max(this.written, this.expectedRows) >= Math.max(BULK_MIN_ROWS, this.tableRows))
      this.dropIndexes();
  }

  /** rows[start..end) share indicator, version and period. */
  private insertRun(
    rows: readonly NewRevision[],
    start: number,
    end: number,
    common: { publishedAt: string; importId: number; sourceBodyId: string | null },
  ): void {
    const first = rows[start]!;
    const shared: SharedValues = {
      indicator: first.indicatorCode,
      version: first.indicatorVersion,
      period: first.period.key,
      type: first.period.type,
      start: first.period.start,
      end: first.period.end,
      body: common.sourceBodyId,
      import: common.importId,
      published: common.publishedAt,
    };
    let i = start;
    for (; i + ROWS_PER_INSERT <= end; i += ROWS_PER_INSERT) {
      const params: unknown[] = [];
      for (let k = i; k < i + ROWS_PER_INSERT; k++) pushRowParams(params, rows[k]!);
      this.insertMany.run(params, shared);
    }
    for (; i < end; i++) {
      const params: unknown[] = [];
      pushRowParams(params, rows[i]!);
      this.insertOne.run(params, shared);
    }
  }

  async finish(): Promise<void> {
    this.dataChangeTriggers?.restore();
    this.dataChangeTriggers = undefined;
    if (!this.droppedIndexes) return;
    const threads = this.sqlite.pragma('threads', { simple: true }) as number;
    this.sqlite.pragma(`threads = ${SORTER_THREADS}`);
    try {
      for (const index of this.droppedIndexes) this.sqlite.exec(index.sql);
    } finally {
      this.sqlite.pragma(`threads = ${threads}`);
    }
    this.droppedIndexes = undefined;
  }

  async close(): Promise<void> {
    if (this.savedCacheSize !== undefined) this.sqlite.pragma(`cache_size = ${this.savedCacheSize}`);
    this.savedCacheSize = undefined;
  }

  private enlargeCache(): void {
    if (this.savedCacheSize !== undefined) return;
    this.savedCacheSize = this.sqlite.pragma('cache_size', { simple: true }) as number;
    if (this.savedCacheSize >= 0 || -this.savedCacheSize < IMPORT_CACHE_KIB)
      this.sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  }

  private dropIndexes(): void {
    const indexes = this.sqlite
      .prepare(
        "select name, sql from sqlite_master where type = 'index' and tbl_name = 'observation' and sql is not null and name <> ?",
      )
      .all(this.emptyAtStart ? '' : KEPT_INDEX) as { name: string; sql: string }[];
    for (const index of indexes) this.sqlite.exec(`drop index "${index.name.replace(/"/g, '""')}"`);
    this.droppedIndexes = indexes;
  }
}
