/**
 * npm run bench [-- --scale 0.01] [--only sqlite,postgres,duckdb] [--postgres] [--import stream|files]
 *                 [--runs 7] [--seed 42] [--keep] [--pages-database FILE] [--work .bench] [--out bench/results/latest.md]
 * (see bench/README.md)
 *
 * Generates a national-scale synthetic data set, imports it through our real importers, times our
 * analysis queries, does the same in DuckDB, checks both give the same answers and prints (and
 * writes to bench/results/latest.md) one table. A benchmark, not a test: nothing here fails on time.
 */
import { mkdirSync, statfsSync } from 'node:fs';
import { freemem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckSide } from './duckdb.ts';
import { generateDataset, type Dataset } from './generate.ts';
import { freshPostgres, freshSqlite, OurSide, type FreshDatabase } from './ours.ts';
import { machineLines, renderText, writeMarkdown, type BenchReport, type ResultLine, type SideReport } from './report.ts';
import { agree, type CompareRow, type FigureRow, type ProfileRow, type SeriesRow } from './results.ts';
import { timeIt, type Timed } from './timing.ts';

const REPO = resolve(import.meta.dirname, '..');
const IMPORT_AIM = 250_000;
const PROFILE_AIM_MS = 10;
const COUNCIL_TYPES = ['county', 'district', 'unitary', 'metropolitan_district', 'london_borough'];

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '42' },
    only: { type: 'string' },
    postgres: { type: 'boolean', default: false },
    runs: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
    'pages-database': { type: 'string' },
    import: { type: 'string', default: 'files' },
    work: { type: 'string', default: join(REPO, '.bench') },
    out: { type: 'string', default: join(REPO, 'bench', 'results', 'latest.md') },
  },
});
const scale = Number(args.scale);
const seed = Number(args.seed);
const runs = Math.max(1, Number(args.runs));
if (!(scale > 0) || !Number.isInteger(seed)) throw new Error('--scale must be a positive number and --seed a whole number');
if (args.import !== 'files' && args.import !== 'stream')
  throw new Error(
    '--import must be files (importObservations per file, as the CLI) or stream (importObservationRows, one import)',
  );
const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : null;
const wants = (side: string) => only === null || only.has(side);
const log = (s: string) => process.stderr.write(`${s}\n`);

/** What one side's queries answer, timed. */
interface QueryTimes {
  rollUp: Timed<FigureRow[]>;
  compare: Timed<CompareRow[]>;
  profile: Timed<ProfileRow[]>;
  series: Timed<SeriesRow[]>;
}

interface Queries {
  rollUp(): Promise<FigureRow[]>;
  compare(): Promise<CompareRow[]>;
  profile(): Promise<ProfileRow[]>;
  series(): Promise<SeriesRow[]>;
}

async function timeQueries(q: Queries): Promise<QueryTimes> {
  return {
    rollUp: await timeIt(() => q.rollUp(), runs),
    compare: await timeIt(() => q.compare(), runs),
    profile: await timeIt(() => q.profile(), runs),
    series: await timeIt(() => q.series(), runs),
  };
}

/** The questions, the same on both sides. */
function questions(ds: Dataset) {
  const latest = ds.periods[ds.periods.length - 1]!.key;
  return {
    rollUp: { indicator: 'BEN001', period: latest },
    compare: { indicator: 'BEN002', period: latest, areaType: 'district' },
    profile: { area: 'E07000001' },
    series: { indicator: 'BEN001', area: 'E07000001' },
  };
}

function checkResources(rows: number, dialects: number): void {
  const fs = statfsSync(args.work);
  const free = fs.bavail * fs.bsize;
  // measured: ~48 B/row of CSV; SQLite ~240 B/row with its indexes, twice that while the WAL holds a one-transaction import
  const need = 50 * rows + dialects * 500 * rows;
  const gib = (n: number) => `${(n / 2 ** 30).toFixed(1)} GiB`;
  log(
    `Disk: ${gib(free)} free in ${args.work}, about ${gib(need)} needed; memory: ${gib(freemem())} free (DuckDB holds ~${gib(80 * rows)})`,
  );
  if (need > free * 0.9)
    throw new Error(`Not enough free disk in ${args.work}: about ${gib(need)} needed, ${gib(free)} free. Try a smaller --scale.`);
}

function queryLines(ours: QueryTimes | null, duck: QueryTimes | null, q: ReturnType<typeof questions>): ResultLine[] {
  const line = (operation: string, key: keyof QueryTimes, absoluteMs?: number): ResultLine => {
    const o = ours?.[key].medianMs ?? null;
    const d = duck?.[key].medianMs ?? null;
    const within2x = o !== null && d !== null ? o <= 2 * d : null;
    const absolute = absoluteMs !== undefined && o !== null ? o < absoluteMs : null;
    const met = within2x === null && absolute === null ? null : (within2x ?? true) && (absolute ?? true);
    return {
      operation,
      ours: o === null ? null : { value: o, unit: 'ms' },
      duck: d === null ? null : { value: d, unit: 'ms' },
      aim: absoluteMs === undefined ? '≤ 2× DuckDB' : `< ${absoluteMs} ms and ≤ 2× DuckDB`,
      met,
    };
  };
  return [
    line(`roll-up ${q.rollUp.indicator} ${q.rollUp.period} to every council, region, England`, 'rollUp'),
    line(`compare all ${q.compare.areaType}s ${q.compare.indicator} ${q.compare.period} (rank, quartile)`, 'compare'),
    line(`area profile ${q.profile.area} (every indicator)`, 'profile', PROFILE_AIM_MS),
    line(`time series ${q.series.indicator} ${q.series.area}`, 'series'),
  ];
}

async function main(): Promise<void> {
  mkdirSync(args.work, { recursive: true });
  const dialects: ('sqlite' | 'postgres')[] = [];
  const envUrl = process.env.DATABASE_URL ?? '';
  if (wants('sqlite')) dialects.push('sqlite');
  if (wants('postgres') && (args.postgres || /^postgres(ql)?:\/\//.test(envUrl))) dialects.push('postgres');
  if (only?.has('postgres') && !dialects.includes('postgres'))
    throw new Error('--only postgres needs DATABASE_URL=postgres://… or --postgres');

  log(
    `Local Vision benchmark: scale ${scale}, seed ${seed}, ${runs} timed runs per query; sides: ${[...dialects, ...(wants('duckdb') ? ['duckdb'] : [])].join(', ')}`,
  );
  checkResources(Math.round(25_411_200 * scale), dialects.length);
  const ds = generateDataset(args.work, scale, seed, log);
  log(
    `Data set: ${ds.totalRows.toLocaleString('en-GB')} observations in ${ds.observationFiles.length} files (${(ds.totalBytes / 2 ** 20).toFixed(0)} MiB), ${ds.reused ? 'reused' : `generated in ${ds.seconds.toFixed(1)} s`}`,
  );
  const q = questions(ds);
  const rollUpTargets = ['country', 'region', ...COUNCIL_TYPES];

  let duck: { load: { rows: number; seconds: number }; times: QueryTimes } | null = null;
  if (wants('duckdb')) {
    log('DuckDB: loading the CSVs …');
    const side = await DuckSide.open();
    try {
      const load = await side.load(ds);
      log(`DuckDB: ${load.rows.toLocaleString('en-GB')} rows in ${load.seconds.toFixed(1)} s; timing queries …`);
      const times = await timeQueries({
        rollUp: () => side.rollUp(q.rollUp.indicator, q.rollUp.period, rollUpTargets),
        compare: () => side.compare(q.compare.indicator, q.compare.period, q.compare.areaType),
        profile: () => side.profile(q.profile.area),
        series: () => side.series(q.series.indicator, q.series.area),
      });
      duck = { load, times };
    } finally {
      side.close();
    }
  }

  const sides: SideReport[] = [];
  for (const dialect of dialects) sides.push(await runOurs(dialect, ds, q, rollUpTargets, duck));
  if (sides.length === 0 && duck) {
    sides.push({
      side: 'nothing (DuckDB only)',
      lines: [
        {
          operation: 'import observations',
          ours: null,
          duck: { value: duck.load.rows / duck.load.seconds, unit: 'rows/s' },
          aim: '',
          met: null,
        },
        ...queryLines(null, duck.times, q),
      ],
      agreements: [],
      notes: [],
    });
  }

  const report: BenchReport = {
    title: `Local Vision benchmark — scale ${scale} (${ds.totalRows.toLocaleString('en-GB')} observations)`,
    setup: [
      ...machineLines(),
      `data: ${Object.entries(ds.counts)
        .map(([t, n]) => `${n.toLocaleString('en-GB')} ${t}`)
        .join(
          ', ',
        )}; ${ds.indicators.length} indicators × ${ds.periods.length} financial years; ${ds.observationFiles.length} tidy CSV files, ${(ds.totalBytes / 2 ** 20).toFixed(0)} MiB; seed ${seed}`,
      `queries: median of ${runs} runs after one warm-up; DuckDB ${duck ? 'in memory, default settings, data loaded with read_csv in file order, prepared statements' : 'not run'}`,
      'command: npm run bench -- ' + process.argv.slice(2).join(' '),
    ],
    sides,
  };
  const text = renderText(report);
  process.stdout.write(`\n${text}\n`);
  writeMarkdown(args.out, report);
  log(`Written to ${args.out}`);
  if (sides.some((s) => s.agreements.some((a) => a.mismatches.length > 0))) {
    log('!!! Our answers and DuckDB\u2019s DISAGREE (see above): the timings compare different work.');
    process.exitCode = 2;
  }
}

function keptNote(dialect: 'sqlite' | 'postgres'): string {
  if (args.keep) return ' (kept)';
  const pages = args['pages-database'];
  if (dialect === 'sqlite' && pages !== undefined) return ` (kept as ${pages} for the page-load benchmark)`;
  return ' (removed afterwards; --keep keeps it)';
}

async function runOurs(
  dialect: 'sqlite' | 'postgres',
  ds: Dataset,
  q: ReturnType<typeof questions>,
  rollUpTargets: string[],
  duck: { load: { rows: number; seconds: number }; times: QueryTimes } | null,
): Promise<SideReport> {
  let cluster: { url: string; stop(): void } | null = null;
  let fresh: FreshDatabase;
  if (dialect === 'sqlite') fresh = await freshSqlite(args.work);
  else {
    let url = process.env.DATABASE_URL ?? '';
    if (args.postgres) {
      const modulePath: string = join(REPO, 'scripts', 'pg-cluster.mjs');
      const { startCluster } = (await import(modulePath)) as { startCluster(): Promise<{ url: string; stop(): void }> };
      log('Starting a throw-away PostgreSQL cluster …');
      cluster = await startCluster();
      url = cluster.url;
    }
    fresh = await freshPostgres(url);
  }
  const notes: string[] = [`database: ${fresh.handle.describe}${keptNote(dialect)}`];
  try {
    const ours = new OurSide(fresh);
    const ref = await ours.importReference(ds);
    log(
      `${fresh.label}: areas (${ref.areas.rowsWritten.toLocaleString('en-GB')}) and indicators (${ref.indicators.rowsWritten}) imported in ${ref.seconds.toFixed(1)} s; importing observations …`,
    );
    notes.push(`areas and indicators imported through importAreaFile and importIndicatorFile in ${ref.seconds.toFixed(1)} s`);
    const imp = args.import === 'stream' ? await ours.importObservationStream(ds, log) : await ours.importObservations(ds, log);
    const slowest = [...imp.files].sort((a, b) => b.seconds - a.seconds)[0];
    notes.push(
      args.import === 'stream'
        ? `observations: ${imp.rows.toLocaleString('en-GB')} rows in ${imp.seconds.toFixed(1)} s through importObservationRows, every file as one stream of rows (one import, one transaction)`
        : `observations: ${imp.rows.toLocaleString('en-GB')} rows in ${imp.seconds.toFixed(1)} s through importObservations, one file (one import, one transaction) at a time as the CLI does${slowest ? `; slowest file ${slowest.name} ${slowest.seconds.toFixed(1)} s, first ${imp.files[0]?.seconds.toFixed(1)} s` : ''}`,
    );
    await ours.analyse();
    if (fresh.handle.dialect === 'postgres') notes.push('ANALYZE run after the import (as autovacuum would)');
    const codes = (
      await fresh.handle.db.selectFrom('area').select('code').where('type', 'in', rollUpTargets).orderBy('code').execute()
    ).map((r) => r.code);
    log(`${fresh.label}: timing queries …`);
    const times = await timeQueries({
      rollUp: () => ours.rollUp(q.rollUp.indicator, q.rollUp.period, codes),
      compare: () => ours.compare(q.compare.indicator, q.compare.period, q.compare.areaType),
      profile: () => ours.profile(q.profile.area),
      series: () => ours.series(q.series.indicator, q.series.area),
    });
    const rate = imp.rows / imp.seconds;
    const lines: ResultLine[] = [
      {
        operation: `import ${imp.rows.toLocaleString('en-GB')} observations`,
        ours: { value: rate, unit: 'rows/s' },
        duck: duck ? { value: duck.load.rows / duck.load.seconds, unit: 'rows/s' } : null,
        aim: `≥ ${IMPORT_AIM.toLocaleString('en-GB')} rows/s`,
        met: rate >= IMPORT_AIM,
      },
      ...queryLines(times, duck?.times ?? null, q),
    ];
    const agreements = duck
      ? [
          agree('roll-up', times.rollUp.result, duck.times.rollUp.result, (r) => r.areaCode, ['source', 'value']),
          agree('comparison', times.compare.result, duck.times.compare.result, (r) => r.code, [
            'value',
            'rank',
            'quartile',
            'median',
          ]),
          agree('area profile', times.profile.result, duck.times.profile.result, (r) => r.indicator, [
            'period',
            'value',
            'previous',
            'rank',
            'n',
          ]),
          agree('time series', times.series.result, duck.times.series.result, (r) => r.period, ['value']),
        ]
      : [];
    notes.push(
      `roll-up: rollUp(db, { indicator, period, to: [every council, region and England] }); published figures win (every council has one), regions and England are derived from their ${(ds.counts.lsoa ?? 0).toLocaleString('en-GB')} LSOAs (the finest level where every part has a figure), Σnumerator ÷ Σdenominator × 100; the DuckDB SQL does the same over area_closure`,
      'comparison: compareAll (rank by polarity on values at the indicator\u2019s decimal places, ties share a rank, quartile of rank, median); profile: areaProfile (latest value, previous, rank among all areas of its type, per indicator); series: timeSeries',
      duck
        ? 'DuckDB import = read_csv of the same files into an in-memory table, no indexes, no checks; its queries therefore scan for one area (profile, series)'
        : 'DuckDB not run',
    );
    return { side: fresh.label, lines, agreements, notes };
  } finally {
    await fresh.dispose(args.keep, dialect === 'sqlite' ? args['pages-database'] : undefined);
    cluster?.stop();
  }
}

await main();
