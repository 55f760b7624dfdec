/**
 * The real server as a child process (`npx tsx src/main/server.ts`) on 127.0.0.1 and a free port, in its
 * own process group so that stopping it ends tsx's node and the server's node together.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface ServerOptions {
  repo: string;
  /** DATABASE_URL for the child */
  databaseUrl: string;
  loadDemo: 'auto' | 'never';
  /** how long to wait for /health before giving up */
  startupMs: number;
  log: (s: string) => void;
}

export interface RunningServer {
  origin: string;
  /** milliseconds from spawn to the first 200 from /health */
  startedInMs: number;
  /** the child's recent output (warnings and errors at LOG_LEVEL=warn) */
  outputTail(): string;
  stop(): Promise<void>;
}

const TAIL_CHARS = 8_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group has already gone
  }
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function healthy(origin: string): Promise<boolean> {
  try {
    const res = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const began = performance.now();
  const child = spawn('npx', ['tsx', 'src/main/server.ts'], {
    cwd: opts.repo,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: opts.databaseUrl,
      LOAD_DEMO: opts.loadDemo,
    },
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // last resort: never leave the server behind if this process ends without stop()
  const onExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', onExit);

  const stop = async () => {
    signalGroup(child, 'SIGTERM');
    if (!(await exited(child, 10_000))) {
      opts.log('server did not stop within 10 s of SIGTERM: SIGKILL');
      signalGroup(child, 'SIGKILL');
      await exited(child, 5_000);
    }
    process.removeListener('exit', onExit);
  };

  const deadline = began + opts.startupMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before /health answered:\n${tail}`);
    if (await healthy(origin)) {
      return { origin, startedInMs: performance.now() - began, outputTail: () => tail, stop };
    }
    await sleep(250);
  }
  await stop();
  throw new Error(`/health did not answer within ${Math.round(opts.startupMs / 1000)} s:\n${tail}`);
}
