/** The page-load table: plain text for the terminal, Markdown for bench/results/pages-latest.md. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';

export interface Aim {
  /** "≥ 25% of /health", "p99 < 100 ms" */
  text: string;
  /** null: not judged in this run (say why in the notes) */
  met: boolean | null;
}

export interface RouteLine {
  name: string;
  path: string;
  /** the route was not loaded, and why */
  skipped?: string;
  /** mean of autocannon's per-second samples */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** responses received */
  requests: number;
  /** connection errors, timeouts included */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** bytes of one response (from the warm-up) */
  bytes: number;
  /** the first request's time (for a cached page: rendering it and filling the cache) */
  firstMs: number;
  /** median time of the sequential warm-up requests */
  unloadedMs: number;
  /** this route's requests/s ÷ the trivial route's; null for the trivial route itself */
  ratio: number | null;
  aims: Aim[];
}

export interface PagesReport {
  title: string;
  setup: string[];
  lines: RouteLine[];
  notes: string[];
}

export function machineFacts(): string[] {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return [
    `machine: nproc ${availableParallelism()} (${cpu}), memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    `node ${process.version} on ${process.platform}/${process.arch}; date ${new Date().toISOString()}`,
  ];
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v).toString());
const rate = (v: number) => (v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString('en-GB'));
const whole = (v: number) => Math.round(v).toLocaleString('en-GB');
const metWord = (m: boolean | null) => (m === null ? '—' : m ? 'met' : 'NOT MET');
const aimsCell = (aims: Aim[]) => (aims.length === 0 ? '—' : aims.map((a) => `${a.text}: ${metWord(a.met)}`).join('; '));

const HEADER = [
  'route',
  'req/s',
  'p50 ms',
  'p99 ms',
  'first ms',
  'unloaded ms',
  'responses',
  'errors (timeouts)',
  'non-2xx',
  'KB/resp',
  '÷ trivial',
  'aims',
];

function rows(report: PagesReport): string[][] {
  return report.lines.map((l) =>
    l.skipped !== undefined
      ? [l.path, ...HEADER.slice(2).map(() => '—'), `skipped: ${l.skipped}`]
      : [
          l.path,
          rate(l.reqPerSec),
          l.requests === 0 ? '—' : ms(l.p50Ms),
          l.requests === 0 ? '—' : ms(l.p99Ms),
          ms(l.firstMs),
          ms(l.unloadedMs),
          whole(l.requests),
          `${l.errors} (${l.timeouts})`,
          String(l.non2xx),
          (l.bytes / 1024).toFixed(1),
          l.ratio === null ? '1 (base)' : `${(l.ratio * 100).toFixed(1)}%`,
          aimsCell(l.aims),
        ],
  );
}

export function renderText(report: PagesReport): string {
  const table = [HEADER, ...rows(report)];
  const widths = HEADER.map((_, i) => Math.max(...table.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 || i === HEADER.length - 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    report.title,
    ...report.setup.map((s) => `  ${s}`),
    '',
    line(table[0] ?? []),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...table.slice(1).map(line),
    '',
    ...report.notes.map((n) => `  - ${n}`),
    '',
  ].join('\n');
}

export function renderMarkdown(report: PagesReport): string {
  const mdRow = (r: string[]) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [
    `# ${report.title}`,
    '',
    ...report.setup.map((s) => `- ${s}`),
    '',
    mdRow(HEADER),
    mdRow(HEADER.map((_, i) => (i === 0 || i === HEADER.length - 1 ? '---' : '---:'))),
    ...rows(report).map(mdRow),
    '',
    ...report.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}

export function writeMarkdown(path: string, report: PagesReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderMarkdown(report));
}
