/**
 * npx tsx bench/pages/run.ts [--seconds 10] [--connections 50] [--database sqlite:PATH]
 *                            [--area E08000009] [--indicator NI192] [--group nearest] [--out bench/results/pages-latest.md]
 *
 * Page-load benchmark (issue 3, "Speed"): starts the real server as a child process on 127.0.0.1 (a fresh
 * temporary SQLite database with the demo data, or --database, e.g. a national-scale file kept by
 * `npm run bench -- --keep`), warms each route up, loads each in turn with autocannon for a bounded time
 * and prints requests/s, p50/p99 latency and each page's throughput as a share of the trivial /health
 * route's, with the aims marked. Each page is loaded twice: as visitors get it (from the server's page
 * cache while the data stays the same) and rendered afresh for every request (`Cache-Control: no-cache`,
 * which the page cache honours), so that the cost of rendering stays in view.
 * A benchmark, not a test: nothing here fails on time.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { machineFacts, renderText, writeMarkdown, type Aim, type RouteLine } from './report.ts';
import { startServer, type RunningServer } from './server.ts';

const REPO = resolve(import.meta.dirname, '..', '..');
const RATIO_AIM = 0.25;
const P99_AIM_MS = 100;
const AIM_CONNECTIONS = 50;
const AIM_CORES = 2;
const WARM_REQUESTS = 20;
const WARM_MAX_MS = 15_000;
const DRAIN_MAX_MS = 180_000;
const FIRST_MAX_MS = 180_000;
const RENDER_LOAD_MAX_MS = 2_000;

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: String(AIM_CONNECTIONS) },
    database: { type: 'string' },
    area: { type: 'string', default: 'E08000009' },
    indicator: { type: 'string', default: 'NI192' },
    group: { type: 'string', default: 'nearest' },
    out: { type: 'string', default: join(REPO, 'bench', 'results', 'pages-latest.md') },
    'startup-seconds': { type: 'string', default: '180' },
  },
});
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const startupSeconds = Number(args['startup-seconds']);
if (!(seconds > 0 && seconds <= 600)) throw new Error('--seconds must be more than 0 and at most 600');
if (!(Number.isInteger(connections) && connections >= 1 && connections <= 10_000))
  throw new Error('--connections must be a whole number from 1 to 10,000');
if (!(startupSeconds > 0)) throw new Error('--startup-seconds must be more than 0');
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Route {
  name: string;
  path: string;
  /** judged against the aims (the trivial route is the base, not judged) */
  page: boolean;
  /** rendered for every request (the page cache bypassed) */
  rendered: boolean;
}

/** What a browser sends: every request accepts compressed answers. */
const BROWSER = { 'accept-encoding': 'gzip, deflate, br' };
const NO_CACHE = { ...BROWSER, 'cache-control': 'no-cache' };
const headersFor = (route: Route) => (route.rendered ? NO_CACHE : BROWSER);
const enc = encodeURIComponent;
const pages = [
  { name: 'area profile', path: `/areas/${enc(args.area)}` },
  { name: 'indicator', path: `/indicators/${enc(args.indicator)}` },
  { name: 'compare', path: `/compare?area=${enc(args.area)}&indicator=${enc(args.indicator)}&group=${enc(args.group)}` },
];
const routes: Route[] = [
  { name: 'trivial', path: '/health', page: false, rendered: false },
  ...pages.map((p) => ({ ...p, page: true, rendered: false })),
  ...pages.map((p) => ({ ...p, name: `${p.name} (rendered)`, page: true, rendered: true })),
];

/** The database: --database (sqlite:PATH, a bare path, or postgres://…) or a fresh temporary SQLite file. */
function chooseDatabase(): { url: string; describe: string; loadDemo: 'auto' | 'never'; tempDir: string | null } {
  if (args.database === undefined) {
    const tempDir = mkdtempSync(join(tmpdir(), 'lv-bench-pages-'));
    const file = join(tempDir, 'demo.sqlite');
    return { url: `sqlite:${file}`, describe: `fresh SQLite ${file} with the demo data`, loadDemo: 'auto', tempDir };
  }
  const given = args.database;
  const url = /^(sqlite:|postgres(ql)?:\/\/)/.test(given) ? given : `sqlite:${given}`;
  if (url.startsWith('sqlite:')) {
    const file = resolve(url.slice('sqlite:'.length).replace(/^\/\//, ''));
    if (!existsSync(file)) throw new Error(`--database: no such SQLite file ${file}`);
    // never load the demo into a given database: it is measured as it is
    return { url: `sqlite:${file}`, describe: `SQLite ${file} (as given)`, loadDemo: 'never', tempDir: null };
  }
  return { url, describe: 'PostgreSQL (as given)', loadDemo: 'never', tempDir: null };
}

/** Up to WARM_REQUESTS sequential GETs (at most WARM_MAX_MS): the last status and size, the median time. */
async function warmUp(
  origin: string,
  route: Route,
): Promise<{ status: number; bytes: number; firstMs: number; medianMs: number }> {
  let status = 0;
  let bytes = 0;
  const times: number[] = [];
  let began = performance.now();
  while (times.length < WARM_REQUESTS && performance.now() - began < WARM_MAX_MS) {
    const t = performance.now();
    // the first request may render a slow page (and fill the cache): give it as long as the server had to start
    const timeout = times.length === 0 ? FIRST_MAX_MS : WARM_MAX_MS;
    const res = await fetch(origin + route.path, { headers: headersFor(route), signal: AbortSignal.timeout(timeout) });
    bytes = (await res.arrayBuffer()).byteLength;
    status = res.status;
    times.push(performance.now() - t);
    if (times.length === 1) began = performance.now(); // the warm-up's time limit counts after the first request
    if (status !== 200) break;
  }
  const firstMs = times[0] ?? 0;
  times.sort((a, b) => a - b);
  return { status, bytes, firstMs, medianMs: times[Math.floor(times.length / 2)] ?? 0 };
}

/**
 * After a load, the server may still be working through requests whose clients have gone: wait (at most
 * DRAIN_MAX_MS) until /health answers quickly three times in a row, so the next route starts on an idle server.
 */
async function drain(origin: string): Promise<number> {
  const began = performance.now();
  let quick = 0;
  while (quick < 3 && performance.now() - began < DRAIN_MAX_MS) {
    const t = performance.now();
    try {
      const res = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(DRAIN_MAX_MS) });
      await res.arrayBuffer();
      quick = performance.now() - t < 50 ? quick + 1 : 0;
    } catch {
      quick = 0;
    }
  }
  return performance.now() - began;
}

function aimsFor(route: Route, ratio: number | null, p99: number, clean: boolean): Aim[] {
  if (!route.page) return [];
  const aims: Aim[] = [];
  if (route.name === 'area profile')
    aims.push({ text: `≥ ${RATIO_AIM * 100}% of trivial`, met: ratio === null ? null : ratio >= RATIO_AIM });
  const p99Met = connections !== AIM_CONNECTIONS ? null : clean && p99 < P99_AIM_MS;
  aims.push({ text: `p99 < ${P99_AIM_MS} ms`, met: p99Met });
  return aims;
}

async function measure(server: RunningServer, route: Route, base: number | null): Promise<RouteLine> {
  const warm = await warmUp(server.origin, route);
  const shown = route.rendered ? `${route.path} (no-cache)` : route.path;
  const line = { name: route.name, path: shown, bytes: warm.bytes, firstMs: warm.firstMs, unloadedMs: warm.medianMs };
  // A page that takes seconds to render cannot be loaded by 50 connections: each request would queue
  // behind the others for minutes after the clients gave up. Say so rather than measure a queue.
  const tooSlow = route.rendered && warm.medianMs > RENDER_LOAD_MAX_MS;
  if (warm.status !== 200 || tooSlow) {
    const hint = route.page ? ' (not in this database? choose codes with --area / --indicator)' : '';
    const skipped = tooSlow
      ? `not loaded: one rendering takes ${(warm.medianMs / 1000).toFixed(1)} s (over ${RENDER_LOAD_MAX_MS / 1000} s), so ${connections} connections would only queue`
      : `warm-up answered ${warm.status}${hint}`;
    return {
      ...line,
      skipped,
      reqPerSec: 0,
      p50Ms: 0,
      p99Ms: 0,
      requests: 0,
      errors: 0,
      timeouts: 0,
      non2xx: 0,
      ratio: null,
      aims: [],
    };
  }
  log(`  ${shown}: warm (median ${warm.medianMs.toFixed(1)} ms, ${warm.bytes} bytes); loading for ${seconds} s…`);
  const result = await autocannon({
    url: server.origin + route.path,
    connections,
    duration: seconds,
    timeout: 10,
    headers: headersFor(route),
  });
  const drained = await drain(server.origin);
  if (drained > 1_000) log(`  ${shown}: the server took ${(drained / 1000).toFixed(1)} s to finish the abandoned requests`);
  const reqPerSec = result.requests.average;
  const ratio = route.page && base !== null && base > 0 ? reqPerSec / base : null;
  const requests = result.requests.total;
  // a timed-out, failed or non-2xx request has no (or a meaningless) latency: the measured p99 would flatter
  const clean = requests > 0 && result.errors === 0 && result.non2xx === 0;
  return {
    ...line,
    reqPerSec,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    ratio,
    aims: aimsFor(route, ratio, result.latency.p99, clean),
  };
}

function notes(lines: RouteLine[], database: string, demo: boolean): string[] {
  const out = [
    `aims (issue 3): the area profile at ≥ ${RATIO_AIM * 100}% of the trivial route's requests/s; p99 < ${P99_AIM_MS} ms at ${AIM_CONNECTIONS} connections on ${AIM_CORES} cores (p99 judged for every page).`,
    'req/s is the mean of autocannon\'s per-second samples; latency percentiles are over all responses; "÷ trivial" is req/s ÷ /health\'s req/s in the same run.',
    'autocannon runs in the benchmark process on the same machine, so the load generator and the server share the cores.',
    'every request says Accept-Encoding: gzip, deflate, br, as browsers do; KB/resp is the page as decoded (fetch), not the bytes sent.',
    'each page twice: as visitors get it (the server keeps rendered public pages in memory until the data changes; the first request renders) and "(rendered)": every request sent with Cache-Control: no-cache, so the page is read from the database and rendered each time. The aims are judged on both; the ratio aim on the first.',
  ];
  out.push(
    '"first ms" is the first request of the warm-up (for a cached page, the one that renders it); "unloaded ms" is the median of the sequential warm-up requests. Timed-out (10 s) and failed requests have no latency in p50/p99, so a page with any errors or non-2xx responses is marked not met on p99.',
  );
  const load1 = loadavg()[0] ?? 0;
  if (load1 > 0.5)
    out.push(`the machine was not idle at the start (1-minute load average ${load1.toFixed(2)}): other work shared the cores.`);
  if (connections !== AIM_CONNECTIONS)
    out.push(`p99 not judged: this run used ${connections} connections, the aim is stated at ${AIM_CONNECTIONS}.`);
  if (availableParallelism() !== AIM_CORES)
    out.push(`this machine has ${availableParallelism()} cores; the aim is stated for ${AIM_CORES}.`);
  if (demo)
    out.push(
      'database: the demo data, not the national-scale set; for that, `--database sqlite:PATH` (see bench/README.md, --keep).',
    );
  else out.push(`database: ${database}.`);
  for (const l of lines)
    if (l.errors > 0 || l.non2xx > 0)
      out.push(
        `${l.path}: ${l.errors} connection errors (${l.timeouts} timeouts) and ${l.non2xx} non-2xx responses — its figures include failures.`,
      );
  return out;
}

async function main(): Promise<void> {
  const db = chooseDatabase();
  log(`Starting the server (${db.describe})…`);
  let server: RunningServer | null = null;
  const removeTemp = () => {
    if (db.tempDir !== null) rmSync(db.tempDir, { recursive: true, force: true });
  };
  const interrupted = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the server`);
    void (server?.stop() ?? Promise.resolve()).finally(() => {
      removeTemp();
      process.exit(130);
    });
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    server = await startServer({
      repo: REPO,
      databaseUrl: db.url,
      loadDemo: db.loadDemo,
      startupMs: startupSeconds * 1000,
      log,
    });
    log(`Server up at ${server.origin} after ${(server.startedInMs / 1000).toFixed(1)} s`);
    const lines: RouteLine[] = [];
    let base: number | null = null;
    for (const route of routes) {
      const line = await measure(server, route, base);
      if (!route.page && line.skipped === undefined) base = line.reqPerSec;
      lines.push(line);
    }
    const report = {
      title: 'Local Vision page-load benchmark (autocannon, loopback)',
      setup: [
        `${db.describe}; server started in ${(server.startedInMs / 1000).toFixed(1)} s`,
        `${seconds} s per route, ${connections} connections, after ${WARM_REQUESTS} sequential warm-up requests per route`,
        ...machineFacts(),
      ],
      lines,
      notes: notes(lines, db.describe, db.tempDir !== null),
    };
    const warnings = server.outputTail().trim();
    if (warnings !== '') log(`server output (tail):\n${warnings}`);
    process.stdout.write(renderText(report));
    writeMarkdown(args.out, report);
    log(`written to ${args.out}`);
  } finally {
    await server?.stop();
    removeTemp();
  }
}

await main();
