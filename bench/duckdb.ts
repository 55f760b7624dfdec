/**
 * The same data and the same four questions in DuckDB, as the yardstick. The SQL mirrors what our
 * analysis functions compute (see the comments), so the two sides can be checked for equal answers.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBValue } from '@duckdb/node-api';
import type { Dataset } from './generate.ts';
import type { CompareRow, FigureRow, ProfileRow, SeriesRow } from './results.ts';

const LOWER_TIER = ['district', 'metropolitan_district', 'london_borough', 'unitary'];
const sqlList = (xs: readonly string[]) => xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(', ');
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

export class DuckSide {
  private statements = new Map<string, DuckDBPreparedStatement>();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  static async open(path = ':memory:'): Promise<DuckSide> {
    const instance = await DuckDBInstance.create(path);
    return new DuckSide(instance, await instance.connect());
  }

  close(): void {
    this.conn.closeSync();
    this.instance.closeSync();
  }

  /** Areas, parents, the closure, indicator metadata; then every observation file. Returns the observation load time. */
  async load(ds: Dataset): Promise<{ rows: number; seconds: number; setupSeconds: number }> {
    const t0 = performance.now();
    await this.conn.run(`CREATE TABLE area AS SELECT * FROM read_csv(${lit(ds.plainAreaFile)}, header = true,
      columns = {'code': 'VARCHAR', 'name': 'VARCHAR', 'type': 'VARCHAR', 'population': 'BIGINT', 'imd_rank': 'INTEGER'})`);
    await this.conn.run(
      `CREATE TABLE area_parent AS SELECT * FROM read_csv(${lit(ds.parentFile)}, header = true, columns = {'child': 'VARCHAR', 'parent': 'VARCHAR'})`,
    );
    // the transitive closure of the parent links (depth 0 = self), as the places module keeps it
    await this.conn.run(`CREATE TABLE area_closure AS
      WITH RECURSIVE c(ancestor_code, descendant_code, depth) AS (
        SELECT code, code, 0 FROM area
        UNION ALL
        SELECT p.parent, c.descendant_code, c.depth + 1 FROM c JOIN area_parent p ON p.child = c.ancestor_code)
      SELECT ancestor_code, descendant_code, min(depth) AS depth FROM c GROUP BY ALL`);
    await this.conn.run(`CREATE TABLE indicator AS SELECT * FROM read_csv(${lit(ds.indicatorMetaFile)}, header = true,
      columns = {'code': 'VARCHAR', 'kind': 'VARCHAR', 'polarity': 'VARCHAR', 'scale': 'DOUBLE', 'decimal_places': 'INTEGER', 'area_aggregation': 'VARCHAR'})`);
    const t1 = performance.now();
    const files = ds.observationFiles.map((f) => lit(f.path)).join(', ');
    await this.conn.run(`CREATE TABLE observation AS
      SELECT indicator, area AS area_code, 'FY' || left(period, 4) AS period, value, numerator, denominator, sample_size, ci_lower, ci_upper, status
      FROM read_csv([${files}], header = true, auto_detect = false, columns = {
        'indicator': 'VARCHAR', 'area': 'VARCHAR', 'period': 'VARCHAR', 'value': 'DOUBLE', 'numerator': 'DOUBLE', 'denominator': 'DOUBLE',
        'sample_size': 'INTEGER', 'ci_lower': 'DOUBLE', 'ci_upper': 'DOUBLE', 'status': 'VARCHAR'})`);
    const t2 = performance.now();
    const count = await this.conn.runAndReadAll('SELECT count(*)::DOUBLE AS n FROM observation');
    return { rows: Number(count.getRowsJS()[0]![0]), seconds: (t2 - t1) / 1000, setupSeconds: (t1 - t0) / 1000 };
  }

  private async query<T>(key: string, sql: string, params: DuckDBValue[]): Promise<T[]> {
    let stmt = this.statements.get(key);
    if (!stmt) {
      stmt = await this.conn.prepare(sql);
      this.statements.set(key, stmt);
    }
    stmt.bind(params);
    const reader = await stmt.runAndReadAll();
    return reader.getRowObjectsJS() as T[];
  }

  /**
   * Every area of the target types: the published figure when there is one (a suppressed one stays
   * empty); otherwise derived from the finest level of its descendants where every part has a figure
   * (else the level with the best share, finer on a tie) — by the rule: ratio Σnum ÷ Σden × scale,
   * sum Σvalue, population-weighted mean.
   */
  rollUp(indicator: string, period: string, targetTypes: readonly string[]): Promise<FigureRow[]> {
    const sql = `
      WITH obs AS (SELECT area_code, value, numerator, denominator, status FROM observation WHERE indicator = $1 AND period = $2),
      ind AS (SELECT * FROM indicator WHERE code = $1),
      targets AS (SELECT code FROM area WHERE type IN (${sqlList(targetTypes)})),
      levels(level_no, t) AS (VALUES (0, 'lsoa'), (1, 'neighbourhood'), (2, 'ward'),
        ${LOWER_TIER.map((t) => `(3, ${lit(t)})`).join(', ')},
        (4, 'county'), (4, 'metropolitan_district'), (4, 'london_borough'), (4, 'unitary'), (5, 'region')),
      parts AS (
        SELECT c.ancestor_code AS code, l.level_no, count(*) AS expected,
          count(o.area_code) FILTER (WHERE o.value IS NOT NULL OR (o.numerator IS NOT NULL AND o.denominator IS NOT NULL)) AS with_data,
          sum(o.numerator) AS num, sum(o.denominator) AS den, sum(o.value) AS total,
          sum(o.value * d.population) AS weighted, sum(d.population) FILTER (WHERE o.value IS NOT NULL) AS pop
        FROM targets t
        JOIN area_closure c ON c.ancestor_code = t.code AND c.depth > 0
        JOIN area d ON d.code = c.descendant_code
        JOIN levels l ON l.t = d.type
        LEFT JOIN obs o ON o.area_code = d.code
        GROUP BY ALL),
      chosen AS (
        SELECT * FROM parts WHERE with_data > 0
        QUALIFY row_number() OVER (PARTITION BY code ORDER BY (with_data = expected) DESC, with_data / expected DESC, level_no) = 1)
      SELECT t.code AS "areaCode",
        CASE WHEN p.status = 'suppressed' THEN 'published' WHEN p.value IS NOT NULL THEN 'published' WHEN ch.code IS NULL THEN 'none'
             WHEN ind.area_aggregation = 'none' THEN 'none' ELSE 'derived' END AS source,
        CASE WHEN p.status = 'suppressed' THEN NULL WHEN p.value IS NOT NULL THEN p.value
             WHEN ind.area_aggregation = 'ratio' THEN ch.num / ch.den * ind.scale
             WHEN ind.area_aggregation = 'sum' THEN ch.total
             WHEN ind.area_aggregation = 'population_weighted_mean' THEN ch.weighted / ch.pop END AS value
      FROM targets t CROSS JOIN ind
      LEFT JOIN obs p ON p.area_code = t.code
      LEFT JOIN chosen ch ON ch.code = t.code
      ORDER BY t.code`;
    return this.query<FigureRow>(`rollup:${targetTypes.join(',')}`, sql, [indicator, period]);
  }

  /**
   * The published values of every area of a type, ranked by polarity on values rounded to the
   * indicator's decimal places (standard competition ranking, ties share a rank; code breaks ties in
   * the listing), quartile of rank = min(4, ⌊4(rank−1)/n⌋ + 1); with the group median.
   */
  compare(indicator: string, period: string, areaType: string): Promise<CompareRow[]> {
    const sql = `
      WITH ind AS (SELECT * FROM indicator WHERE code = $1),
      v AS (
        SELECT o.area_code AS code, o.value,
          CASE WHEN ind.polarity = 'lower_is_better' THEN round(o.value, ind.decimal_places) ELSE -round(o.value, ind.decimal_places) END AS badness
        FROM observation o JOIN area a ON a.code = o.area_code CROSS JOIN ind
        WHERE o.indicator = $1 AND o.period = $2 AND a.type = $3 AND o.value IS NOT NULL),
      r AS (SELECT code, value, rank() OVER (ORDER BY badness) AS rank, count(*) OVER () AS n, median(value) OVER () AS median FROM v)
      SELECT code, value, rank::INTEGER AS rank, least(4, floor(4 * (rank - 1) / n) + 1)::INTEGER AS quartile, median
      FROM r ORDER BY rank, code`;
    return this.query<CompareRow>('compare', sql, [indicator, period, areaType]);
  }

  /**
   * One area, every indicator it has figures for: the latest period with a value, that value, the
   * previous period's value, and its rank among the areas of its type in that period.
   */
  profile(area: string): Promise<ProfileRow[]> {
    const sql = `
      WITH me AS (SELECT type FROM area WHERE code = $1),
      mine AS (SELECT indicator, period, value FROM observation WHERE area_code = $1 AND value IS NOT NULL),
      latest AS (SELECT indicator, max(period) AS period FROM mine GROUP BY indicator),
      peers AS (
        SELECT o.indicator, o.area_code, o.value,
          rank() OVER (PARTITION BY o.indicator ORDER BY CASE WHEN i.polarity = 'lower_is_better' THEN round(o.value, i.decimal_places)
                                                              ELSE -round(o.value, i.decimal_places) END) AS rank,
          count(*) OVER (PARTITION BY o.indicator) AS n
        FROM observation o
        JOIN latest l ON l.indicator = o.indicator AND l.period = o.period
        JOIN area a ON a.code = o.area_code
        JOIN indicator i ON i.code = o.indicator
        WHERE a.type = (SELECT type FROM me) AND o.value IS NOT NULL)
      SELECT l.indicator, l.period, p.value, prev.value AS previous, p.rank::INTEGER AS rank, p.n::INTEGER AS n
      FROM latest l
      JOIN peers p ON p.indicator = l.indicator AND p.area_code = $1
      LEFT JOIN mine prev ON prev.indicator = l.indicator AND prev.period = 'FY' || (CAST(substr(l.period, 3) AS INTEGER) - 1)
      ORDER BY l.indicator`;
    return this.query<ProfileRow>('profile', sql, [area]);
  }

  series(indicator: string, area: string): Promise<SeriesRow[]> {
    const sql = `SELECT period, value FROM observation WHERE indicator = $1 AND area_code = $2 ORDER BY period`;
    return this.query<SeriesRow>('series', sql, [indicator, area]);
  }
}
