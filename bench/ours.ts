/**
 * Our side: a fresh database (SQLite file or a new PostgreSQL database), the real importers (the
 * functions the CLI calls) and the real analysis functions, with their answers brought to the shapes
 * in results.ts.
 */
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { parseDatabaseUrl } from '../src/config.ts';
import { systemClock } from '../src/platform/clock.ts';
import { openDatabase, type DatabaseHandle } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { ImportSummary } from '../src/platform/import-summary.ts';
import { importAreaFile } from '../src/modules/places/index.ts';
import { importIndicatorFile } from '../src/modules/indicators/index.ts';
import { importObservationRows, importObservations, type TidyRow } from '../src/modules/data/index.ts';
import { areaProfile, compareAll, rollUp, timeSeries } from '../src/modules/analysis/index.ts';
import type { Dataset } from './generate.ts';
import { tidyRowsOf } from './tidy-rows.ts';
import type { CompareRow, FigureRow, ProfileRow, SeriesRow } from './results.ts';

export interface FreshDatabase {
  label: 'SQLite' | 'PostgreSQL';
  handle: DatabaseHandle;
  /** close, and remove the file / drop the database unless kept */
  /** close; remove the database unless `keep`; a SQLite file may instead be kept under another name (`keepAs`) */
  dispose(keep: boolean, keepAs?: string): Promise<void>;
}

export async function freshSqlite(workDir: string): Promise<FreshDatabase> {
  const path = join(workDir, `ours-${process.pid}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const handle = openDatabase({ dialect: 'sqlite', path });
  await migrateToLatest(handle.db);
  return {
    label: 'SQLite',
    handle,
    async dispose(keep, keepAs) {
      await handle.close(); // closing the last connection folds the WAL into the file
      if (keepAs !== undefined && !keep) {
        for (const suffix of ['', '-wal', '-shm']) rmSync(keepAs + suffix, { force: true });
        renameSync(path, keepAs);
      }
      if (!keep) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    },
  };
}

/** A new database on the server the URL names (dropped afterwards), so nothing there is touched. */
export async function freshPostgres(url: string): Promise<FreshDatabase> {
  const name = `lv_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const target = parseDatabaseUrl(u.toString());
  const handle = openDatabase(target);
  await migrateToLatest(handle.db);
  return {
    label: 'PostgreSQL',
    handle,
    async dispose(keep) {
      await handle.close();
      if (keep) return;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface ObservationImport {
  rows: number;
  seconds: number;
  files: { name: string; rows: number; seconds: number }[];
}

const fileOf = (path: string) => ({ name: basename(path), content: readFileSync(path) });

export class OurSide {
  constructor(readonly fresh: FreshDatabase) {}

  get db() {
    return this.fresh.handle.db;
  }

  async importReference(ds: Dataset): Promise<{ areas: ImportSummary; indicators: ImportSummary; seconds: number }> {
    const t = performance.now();
    const areas = await importAreaFile(this.db, fileOf(ds.areaFile), { clock: systemClock });
    const indicators = await importIndicatorFile(this.db, fileOf(ds.indicatorFile), { clock: systemClock });
    return { areas, indicators, seconds: (performance.now() - t) / 1000 };
  }

  /** Every observation file through importObservations, as `localvision import observations FILE` does. */
  async importObservations(ds: Dataset, log: (s: string) => void): Promise<ObservationImport> {
    const files: ObservationImport['files'] = [];
    const started = performance.now();
    let rows = 0;
    for (const f of ds.observationFiles) {
      const t = performance.now();
      const summary = await importObservations(this.db, fileOf(f.path), { clock: systemClock });
      const seconds = (performance.now() - t) / 1000;
      if (summary.rowsWritten !== f.rows)
        throw new Error(
          `${f.path}: ${f.rows} rows in the file but ${summary.rowsWritten} written (${JSON.stringify(summary).slice(0, 500)})`,
        );
      rows += summary.rowsWritten;
      files.push({ name: basename(f.path), rows: f.rows, seconds });
      const elapsed = (performance.now() - started) / 1000;
      log(
        `  ${this.fresh.label}: ${basename(f.path)} ${f.rows.toLocaleString('en-GB')} rows in ${seconds.toFixed(1)} s (${Math.round(f.rows / seconds).toLocaleString('en-GB')} rows/s); ${files.length}/${ds.observationFiles.length} files, ${Math.round(rows / elapsed).toLocaleString('en-GB')} rows/s overall`,
      );
    }
    return { rows, seconds: (performance.now() - started) / 1000, files };
  }

  /**
   * Every observation file as one stream of rows through importObservationRows (the streaming entry
   * for code): one import, one transaction. The CSV lines are split here (the files hold no quotes).
   */
  async importObservationStream(ds: Dataset, log: (s: string) => void): Promise<ObservationImport> {
    const started = performance.now();
    const files: ObservationImport['files'] = [];
    const label = this.fresh.label;
    function* rows(): Generator<TidyRow> {
      for (const f of ds.observationFiles) {
        const t = performance.now();
        yield* tidyRowsOf(f.path);
        const seconds = (performance.now() - t) / 1000;
        files.push({ name: basename(f.path), rows: f.rows, seconds });
        const done = files.reduce((s, x) => s + x.rows, 0);
        log(
          `  ${label}: ${basename(f.path)} streamed in ${seconds.toFixed(1)} s; ${files.length}/${ds.observationFiles.length} files, ${Math.round(done / ((performance.now() - started) / 1000)).toLocaleString('en-GB')} rows/s so far`,
        );
      }
    }
    const summary = await importObservationRows(this.db, rows(), {
      clock: systemClock,
      name: 'benchmark',
      expectedRows: ds.totalRows,
    });
    if (summary.rowsWritten !== ds.totalRows)
      throw new Error(`${ds.totalRows} rows generated but ${summary.rowsWritten} written`);
    return { rows: summary.rowsWritten, seconds: (performance.now() - started) / 1000, files };
  }

  /** PostgreSQL: gather planner statistics, as autovacuum would soon after a bulk load. */
  async analyse(): Promise<void> {
    if (this.fresh.handle.dialect === 'postgres') await sql`ANALYZE`.execute(this.db);
  }

  async rollUp(indicator: string, period: string, codes: readonly string[]): Promise<FigureRow[]> {
    const r = await rollUp(this.db, { indicator, period, to: codes });
    return r.figures.map((f) => ({ areaCode: f.areaCode, source: f.source, value: f.value }));
  }

  async compare(indicator: string, period: string, areaType: string): Promise<CompareRow[]> {
    const r = await compareAll(this.db, {
      indicator,
      period,
      areaType: areaType as Parameters<typeof compareAll>[1]['areaType'],
    });
    return r.rows
      .filter((row) => row.rank !== null && row.quartile !== null && row.figure.value !== null)
      .map((row) => ({
        code: row.figure.areaCode,
        value: row.figure.value!,
        rank: row.rank!,
        quartile: row.quartile!,
        median: r.summary.median,
      }));
  }

  async profile(area: string): Promise<ProfileRow[]> {
    const p = await areaProfile(this.db, { area });
    return p.items
      .map((i) => ({
        indicator: i.indicator.code,
        period: i.latest?.period.key ?? '',
        value: i.latest?.value ?? null,
        previous: i.previous?.value ?? null,
        rank: i.comparison?.rank ?? null,
        n: i.comparison?.of ?? null,
      }))
      .sort((a, b) => a.indicator.localeCompare(b.indicator));
  }

  async series(indicator: string, area: string): Promise<SeriesRow[]> {
    const s = await timeSeries(this.db, { indicator, area });
    return s.points.map((p) => ({ period: p.period.key, value: p.figure.value }));
  }
}
