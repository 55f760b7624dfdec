// npm run test:all — every suite: unit and SQLite database tests, the database tests
// again on a throw-away PostgreSQL cluster, and the browser suite when present.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startCluster } from './pg-cluster.mjs';

function run(label, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n${label} failed (exit ${r.status}).`);
    return false;
  }
  return true;
}

let ok = run('Unit and SQLite suites', ['vitest', 'run']);

console.log('\n=== Starting a throw-away PostgreSQL cluster ===');
const cluster = await startCluster();
console.log(`PostgreSQL ready at ${cluster.url}`);
try {
  ok = run('PostgreSQL suite', ['vitest', 'run', '--config', 'vitest.pg.config.ts'], { TEST_DATABASE_URL: cluster.url }) && ok;
} finally {
  cluster.stop();
}

if (existsSync('vitest.browser.config.ts')) {
  ok = run('Browser suite', ['vitest', 'run', '--config', 'vitest.browser.config.ts']) && ok;
}

process.exit(ok ? 0 : 1);
