/**
 * tsx scripts/perf/time-reads.ts [sqlite path] [--runs 15] [--save answers.json] [--check answers.json]
 *
 * Times the benchmark's read questions (roll-up to every council, region and England; compare all
 * districts; area profile; time series) on a database built by build-db.ts: median after a warm-up.
 * --save writes the full answers; --check compares with a saved file, so a faster path can be shown
 * to give the same answers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { openDatabase } from '../../src/platform/db/database.ts';
import { areaProfile, compareAll, rollUp, timeSeries } from '../../src/modules/analysis/index.ts';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '15' }, save: { type: 'string' }, check: { type: 'string' } },
});
const path = positionals[0] ?? '/tmp/lv-perf/s0.1.sqlite';
const runs = Number(args.runs);
const { db, close } = openDatabase({ dialect: 'sqlite', path });

const targets = (
  await db
    .selectFrom('area')
    .select('code')
    .where('type', 'in', ['country', 'region', 'county', 'district', 'unitary', 'metropolitan_district', 'london_borough'])
    .orderBy('code')
    .execute()
).map((r) => r.code);
const asOf = new Date(Date.now() + 86_400_000).toISOString();

const questions: Record<string, () => Promise<unknown>> = {
  rollUp: () => rollUp(db, { indicator: 'BEN001', period: 'FY2024', to: targets }),
  rollUpDefault: () => rollUp(db, { indicator: 'BEN001', period: 'FY2024' }),
  compareAll: () => compareAll(db, { indicator: 'BEN002', period: 'FY2024', areaType: 'district' }),
  profile: () => areaProfile(db, { area: 'E07000001' }),
  profileAsOf: () => areaProfile(db, { area: 'E07000001', asOf }),
  profileDerived: () => areaProfile(db, { area: 'E10000001', includeDerived: true }),
  timeSeries: () => timeSeries(db, { indicator: 'BEN001', area: 'E07000001' }),
};

const answers: Record<string, unknown> = {};
for (const [name, run] of Object.entries(questions)) {
  answers[name] = JSON.parse(JSON.stringify(await run()));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`${name.padEnd(16)} median ${median.toFixed(2).padStart(8)} ms  min ${times[0]!.toFixed(2).padStart(8)} ms`);
}
if (args.save) writeFileSync(args.save, JSON.stringify(answers));
if (args.check) {
  const saved = JSON.parse(readFileSync(args.check, 'utf8')) as Record<string, unknown>;
  for (const name of Object.keys(questions)) {
    // asOf is "tomorrow" at each run: compare without it
    const strip = (v: unknown) => ({ ...(v as object), asOf: null });
    const same = isDeepStrictEqual(strip(saved[name]), strip(answers[name]));
    console.log(`${name}: ${same ? 'same answers' : 'DIFFERENT ANSWERS'}`);
    if (!same) process.exitCode = 1;
  }
}
await close();
