/**
 * npm run bench [-- <options of bench/run.ts>]
 *
 * Both benchmarks in turn: the national-scale import and analysis (bench/run.ts, given every option
 * passed here), keeping its SQLite database; then the page load (bench/pages/run.ts) served from that
 * national-scale database — or from the demo data when no SQLite side ran (`--only duckdb,postgres`).
 * The kept file (one per scale and seed, several GB at scale 1) is replaced by the next run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const REPO = resolve(import.meta.dirname, '..');
/** Codes the generated national data set always has (bench/gen-areas.ts, bench/gen-indicators.ts). */
const NATIONAL_PAGES = ['--area', 'E07000001', '--indicator', 'BEN001', '--group', 'region'];

const given = process.argv.slice(2);
const { values } = parseArgs({
  args: given,
  strict: false,
  options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '42' }, work: { type: 'string' } },
});
const work = typeof values.work === 'string' ? values.work : join(REPO, '.bench');
const kept = join(work, `national-s${String(values.scale)}-seed${String(values.seed)}.sqlite`);

function run(script: string, args: string[]): number {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'bench', script), ...args], {
    stdio: 'inherit',
    cwd: REPO,
  });
  return result.status ?? 1;
}

const data = run('run.ts', [...given, '--pages-database', kept]);
const pages = existsSync(kept)
  ? run(join('pages', 'run.ts'), ['--database', kept, ...NATIONAL_PAGES])
  : run(join('pages', 'run.ts'), []);
process.exitCode = data !== 0 ? data : pages;
