// Starts a throw-away PostgreSQL cluster on a loopback port, for tests and benchmarks.
// Uses Debian's packaged server (apt-get install postgresql). Fails loudly when it is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function findBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function asPostgres(cmd, args, isRoot) {
  if (!isRoot) return execFileSync(cmd, args, { stdio: 'pipe' });
  const line = [cmd, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', line], { stdio: 'pipe' });
}

export async function startCluster() {
  const bin = findBin();
  if (!bin) {
    throw new Error('PostgreSQL server not found under /usr/lib/postgresql. Install it: apt-get install -y postgresql');
  }
  const isRoot = process.getuid?.() === 0;
  const parent = mkdtempSync(join(tmpdir(), 'lv-pg-'));
  chmodSync(parent, 0o755);
  const dataDir = join(parent, 'data');
  if (isRoot) {
    execFileSync('mkdir', ['-p', dataDir]);
    execFileSync('chown', ['postgres:postgres', dataDir]);
  }
  asPostgres(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C'], isRoot);
  const port = await freePort();
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dataDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  asPostgres(join(bin, 'pg_ctl'), ['-D', dataDir, '-o', opts, '-l', join(dataDir, 'server.log'), '-w', 'start'], isRoot);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    stop() {
      spawnSync(
        isRoot ? 'su' : join(bin, 'pg_ctl'),
        isRoot
          ? ['postgres', '-s', '/bin/sh', '-c', `${join(bin, 'pg_ctl')} -D ${dataDir} -m fast -w stop`]
          : ['-D', dataDir, '-m', 'fast', '-w', 'stop'],
        { stdio: 'ignore' },
      );
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
