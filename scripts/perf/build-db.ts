/**
 * tsx scripts/perf/build-db.ts [data dir] [sqlite path]
 *
 * Imports a data set the benchmark generated (bench/README.md) into a SQLite file through the real
 * importers, once, so read-path timings (scripts/perf/time-reads.ts) can be repeated on the same database.
 */
import { readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { systemClock } from '../../src/platform/clock.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { importAreaFile } from '../../src/modules/places/index.ts';
import { importIndicatorFile } from '../../src/modules/indicators/index.ts';
import { importObservationRows, type TidyRow } from '../../src/modules/data/index.ts';
import { tidyRowsOf } from '../../bench/tidy-rows.ts';

const dir = process.argv[2] ?? '.bench/data-s0.1-seed42';
const path = process.argv[3] ?? '/tmp/lv-perf/s0.1.sqlite';
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  areaFile: string;
  indicatorFile: string;
  observationFiles: { path: string; rows: number }[];
};
for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
const handle = openDatabase({ dialect: 'sqlite', path });
await migrateToLatest(handle.db);
const fileOf = (p: string) => ({ name: basename(p), content: readFileSync(p) });
await importAreaFile(handle.db, fileOf(manifest.areaFile), { clock: systemClock });
await importIndicatorFile(handle.db, fileOf(manifest.indicatorFile), { clock: systemClock });

function* rows(): Generator<TidyRow> {
  for (const f of manifest.observationFiles) yield* tidyRowsOf(f.path);
}
const t = performance.now();
const summary = await importObservationRows(handle.db, rows(), { clock: systemClock, name: 'perf' });
console.log(`${summary.rowsWritten} observations in ${((performance.now() - t) / 1000).toFixed(1)} s into ${path}`);
await handle.close();
