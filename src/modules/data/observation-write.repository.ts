/**
 * The portable import writer, through Kysely: set-based look-ups and supersedes; on PostgreSQL each run
 * of rows sharing indicator and period is one INSERT … SELECT FROM unnest(arrays) (nine arrays, the
 * shared values bound once); elsewhere (SQLite when its driver cannot be reached) multi-row INSERTs.
 */
import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Executor } from './observation.types.ts';
import {
  CURRENT_COLUMNS,
  forEachRun,
  OBSERVATION_COLUMNS,
  pushRowValues,
  toCurrentFigures,
  type CurrentFigures,
  type CurrentRow,
  type NewRevision,
  type ObservationWriter,
} from './observation-rows.ts';

/** Rows per multi-row INSERT: 18 parameters each, inside SQLite's 32,766. */
const ROWS_PER_INSERT = 1000;
/** Rows per unnest INSERT on PostgreSQL. */
const ROWS_PER_UNNEST = 10_000;

const UNNEST_INSERT = `insert into observation (${OBSERVATION_COLUMNS.join(',')})
select $1, $2, t.area, $3, $4, $5, $6, t.value, t.numerator, t.denominator, t.sample_size, t.ci_lower, t.ci_upper, t.status, $7, $8, t.revision, $9
from unnest($10::text[], $11::float8[], $12::float8[], $13::float8[], $14::integer[], $15::float8[], $16::float8[], $17::text[], $18::integer[])
  as t(area, value, numerator, denominator, sample_size, ci_lower, ci_upper, status, revision)`;

type Common = { publishedAt: string; importId: number; sourceBodyId: string | null };

/** Parameters of UNNEST_INSERT for rows[start..end), which share indicator, version and period. */
function unnestParams(rows: readonly NewRevision[], start: number, end: number, c: Common): unknown[] {
  const first = rows[start]!;
  const [area, value, numerator, denominator, sampleSize, ciLower, ciUpper, status, revision] = Array.from(
    { length: 9 },
    (): unknown[] => [],
  );
  for (let i = start; i < end; i++) {
    const r = rows[i]!;
    const f = r.figures;
    area!.push(r.areaCode);
    value!.push(f.value);
    numerator!.push(f.numerator);
    denominator!.push(f.denominator);
    sampleSize!.push(f.sampleSize);
    ciLower!.push(f.ciLower);
    ciUpper!.push(f.ciUpper);
    status!.push(f.status);
    revision!.push(r.revision);
  }
  const p = first.period;
  const shared = [
    first.indicatorCode,
    first.indicatorVersion,
    p.key,
    p.type,
    p.start,
    p.end,
    c.sourceBodyId,
    c.importId,
    c.publishedAt,
  ];
  return [...shared, area, value, numerator, denominator, sampleSize, ciLower, ciUpper, status, revision];
}
const IN_LIST = 1000;

export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function insertSql(rows: number): string {
  const tuple = () => `(${OBSERVATION_COLUMNS.map(() => '?').join(',')})`;
  return `insert into observation (${OBSERVATION_COLUMNS.join(',')}) values ${Array.from({ length: rows }, tuple).join(',')}`;
}

export async function kyselyObservationWriter(db: Executor): Promise<ObservationWriter> {
  const pg = isPostgres(db);
  // One import at a time changes observations (reads go on): two imports of the same figures
  // would otherwise both see no current row and both write revision 1.
  if (pg && db.isTransaction) await db.executeQuery(CompiledQuery.raw('lock table observation in share row exclusive mode'));
  const fullInsert = insertSql(ROWS_PER_INSERT);
  return {
    async hasCurrent(indicator, period) {
      const row = await db
        .selectFrom('observation')
        .select('id')
        .where('indicator_code', '=', indicator)
        .where('period', '=', period)
        .where('superseded_at', 'is', null)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
    async findCurrent(indicator, period, areas) {
      const out: CurrentFigures[] = [];
      for (let i = 0; i < areas.length; i += IN_LIST) {
        const part = areas.slice(i, i + IN_LIST);
        const rows = await db.executeQuery<CurrentRow>(
          CompiledQuery.raw(
            `select ${CURRENT_COLUMNS} from observation where indicator_code = ${pg ? '$1' : '?'} and period = ${pg ? '$2' : '?'} and superseded_at is null and area_code in (${part.map((_, k) => (pg ? `$${k + 3}` : '?')).join(',')})`,
            [indicator, period, ...part],
          ),
        );
        out.push(...rows.rows.map(toCurrentFigures));
      }
      return out;
    },
    async supersede(ids, at) {
      for (let i = 0; i < ids.length; i += IN_LIST) {
        await db
          .updateTable('observation')
          .set({ superseded_at: at })
          .where('id', 'in', ids.slice(i, i + IN_LIST))
          .execute();
      }
    },
    async insert(rows: readonly NewRevision[], common) {
      if (pg) {
        const runs: [number, number][] = [];
        forEachRun(rows, (start, end) => {
          for (let i = start; i < end; i += ROWS_PER_UNNEST) runs.push([i, Math.min(end, i + ROWS_PER_UNNEST)]);
        });
        for (const [start, end] of runs)
          await db.executeQuery(CompiledQuery.raw(UNNEST_INSERT, unnestParams(rows, start, end, common)));
        return;
      }
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const part = rows.slice(i, i + ROWS_PER_INSERT);
        const params: unknown[] = [];
        for (const r of part) pushRowValues(params, r, common);
        await db.executeQuery(CompiledQuery.raw(part.length === ROWS_PER_INSERT ? fullInsert : insertSql(part.length), params));
      }
    },
    async finish() {},
    async close() {},
  };
}
