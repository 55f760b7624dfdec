/**
 * The localvision command. Every command opens the configured database (migrating it first).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { readConfig } from '../config.ts';
import type { SubmittedFile } from '../platform/files.ts';
import type { ImportSummary, ProgressListener } from '../platform/import-summary.ts';
import { importAreaFile, importBoundaryFile, exportAreas } from '../modules/places/index.ts';
import { importBodyFile, exportBodies } from '../modules/bodies/index.ts';
import { importIndicatorFile, exportIndicators } from '../modules/indicators/index.ts';
import { importObservations, exportObservations } from '../modules/data/index.ts';
import { importComparatorGroups } from '../modules/analysis/index.ts';
import { createLogger } from '../platform/logging.ts';
import { createContext, packageVersion, type AppContext } from './context.ts';
import { formatSummary, processIo, progressFor, reportError, type CliIo } from './cli-output.ts';
import { assuranceCommands } from './cli-assurance.ts';
import { auditCommands } from './cli-audit.ts';
import { bodyCommands } from './cli-bodies.ts';
import { improvementCommands } from './cli-improvement.ts';
import { planCommands } from './cli-plans.ts';
import { userCommands } from './cli-users.ts';
import { loadDemo } from './demo.ts';
import { startServer } from './server.ts';

type Format = 'csv' | 'json';

function readSubmitted(path: string): SubmittedFile {
  try {
    return { name: basename(path), content: readFileSync(path) };
  } catch (e) {
    throw new Error(
      `Cannot read ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      { cause: e },
    );
  }
}

function parseFormat(value: string): Format {
  if (value !== 'csv' && value !== 'json') throw new InvalidArgumentError('format must be csv or json');
  return value;
}

type Importer = (
  ctx: AppContext,
  file: SubmittedFile,
  onProgress: ProgressListener,
  options: Record<string, string | boolean | undefined>,
) => Promise<ImportSummary>;

const importers: Record<string, { describe: string; run: Importer }> = {
  areas: {
    describe: 'areas and their parents (ONS/mySociety lookups, GM ward GeoJSON, the generic area format)',
    run: (c, f, p) => importAreaFile(c.database.db, f, { clock: c.clock, onProgress: p }),
  },
  boundaries: {
    describe: 'boundary files (TopoJSON/GeoJSON) kept for maps',
    run: (c, f) => importBoundaryFile(c.database.db, f, { clock: c.clock }),
  },
  bodies: {
    describe: 'councils (mySociety local authorities file), partners and Local Strategic Partnerships',
    run: (c, f, p) => importBodyFile(c.database.db, f, { clock: c.clock, onProgress: p }),
  },
  indicators: {
    describe: 'indicator definitions (CSV or JSON)',
    run: (c, f, p) => importIndicatorFile(c.database.db, f, { clock: c.clock, onProgress: p }),
  },
  observations: {
    describe: 'observations: the tidy format, Trafford Data Lab, Oflog and Trafford ward files',
    run: (c, f, p, o) =>
      importObservations(c.database.db, f, {
        clock: c.clock,
        onProgress: p,
        ...(o.meta ? { meta: readSubmitted(String(o.meta)) } : {}),
      }),
  },
  groups: {
    describe: 'comparator groups (Oflog nearest neighbours JSON, CIPFA CSV, generic CSV)',
    run: (c, f, _p, o) =>
      importComparatorGroups(c.database.db, f, {
        clock: c.clock,
        ...(o.anchor ? { anchor: String(o.anchor) } : {}),
        ...(o.skipUnknownAreas ? { unknownAreas: 'skip' as const } : {}),
      }),
  },
};

export function buildProgram(io: CliIo, env: NodeJS.ProcessEnv = process.env): { program: Command; exitCode: () => number } {
  let exitCode = 0;
  const program = new Command('localvision')
    .description('Local Vision: performance information for local public services')
    .version(packageVersion())
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride();

  const withContext = async (fn: (ctx: AppContext) => Promise<number | void>): Promise<void> => {
    const config = readConfig(env);
    // The command's own output goes to stdout; the log (warnings only unless LOG_LEVEL says otherwise) to stderr.
    const logger = createLogger(config.logLevelGiven ? config.logLevel : 'warn', process.stderr);
    const ctx = await createContext(config, { logger });
    try {
      const code = await fn(ctx);
      if (code) exitCode = code;
    } finally {
      await ctx.database.close();
    }
  };

  program
    .command('db')
    .description('database maintenance')
    .command('migrate')
    .description('create or upgrade the database schema')
    .action(() => withContext(async (ctx) => io.out(`${ctx.database.describe}: schema is up to date`)));

  const imp = program
    .command('import')
    .description('import a file; a file with any bad row is refused whole and changes nothing');
  for (const [kind, importer] of Object.entries(importers)) {
    const cmd = imp.command(`${kind} <file>`).description(importer.describe);
    if (kind === 'observations') cmd.option('--meta <file>', 'metadata file for the Trafford ward indicators');
    if (kind === 'groups') {
      cmd.option('--anchor <code>', 'the area a CIPFA neighbours file belongs to');
      cmd.option('--skip-unknown-areas', 'leave out (and report) members that are not known areas instead of refusing the file');
    }
    cmd.action((path: string, options: Record<string, string | boolean | undefined>) =>
      withContext(async (ctx) => {
        const progress = progressFor(io, `Importing ${basename(path)}`);
        try {
          const summary = await importer.run(ctx, readSubmitted(path), progress.listener, options);
          progress.stop();
          io.out(formatSummary(basename(path), summary));
        } catch (e) {
          progress.stop();
          return reportError(io, e);
        }
      }),
    );
  }

  program
    .command('export <what>')
    .description('export areas, bodies, indicators or observations')
    .option('--format <format>', 'csv or json', parseFormat, 'csv' as Format)
    .option('--indicator <code>', 'observations: one indicator')
    .option('--area <code>', 'observations: one area')
    .option('--as-of <date>', 'observations: as published on this date (YYYY-MM-DD or an ISO instant)')
    .option('--type <areaType>', 'areas: one area type')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(
      (what: string, o: { format: Format; indicator?: string; area?: string; asOf?: string; type?: string; output?: string }) =>
        withContext(async (ctx) => {
          const db = ctx.database.db;
          let text: string;
          if (what === 'areas') text = await exportAreas(db, { format: o.format, ...(o.type ? { type: o.type } : {}) });
          else if (what === 'bodies') text = await exportBodies(db, { format: o.format });
          else if (what === 'indicators') text = await exportIndicators(db, o.format);
          else if (what === 'observations')
            text = await exportObservations(db, { format: o.format, indicator: o.indicator, area: o.area, asOf: o.asOf });
          else {
            io.err(`Error: cannot export "${what}"; choose areas, bodies, indicators or observations`);
            return 1;
          }
          if (o.output) writeFileSync(o.output, text);
          else io.out(text);
        }).catch((e: unknown) => {
          exitCode = reportError(io, e);
        }),
    );

  program
    .command('demo')
    .description(
      'load the real demo data set (all UK councils, wards, LSOAs, recycling, adult social care, Trafford ward indicators)',
    )
    .action(() =>
      withContext(async (ctx) => {
        try {
          await loadDemo(ctx, { io });
        } catch (e) {
          return reportError(io, e);
        }
      }),
    );

  userCommands(program, io, withContext);
  auditCommands(program, io, withContext);
  bodyCommands(program, io, withContext);
  planCommands(program, io, withContext);
  improvementCommands(program, io, withContext);
  assuranceCommands(program, io, withContext);

  program
    .command('serve')
    .description('serve the site and the API (PORT, default 3000)')
    .action(async () => {
      await startServer(readConfig(env));
    });

  return { program, exitCode: () => exitCode };
}

export async function runCli(argv: string[], io: CliIo = processIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { program, exitCode } = buildProgram(io, env);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode;
    if (code !== undefined) return code;
    return reportError(io, e);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const code = await runCli(process.argv.slice(2));
  process.exitCode = code;
}
