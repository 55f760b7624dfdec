/** The results table (plain text for the terminal, Markdown for bench/results/latest.md). */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';
import type { Agreement } from './results.ts';

export interface Measure {
  /** ms for a query; rows/s for an import */
  value: number;
  unit: 'ms' | 'rows/s';
  note?: string;
}

export interface ResultLine {
  operation: string;
  ours: Measure | null;
  duck: Measure | null;
  /** the aim in words and the check of it */
  aim: string;
  met: boolean | null;
}

export interface SideReport {
  /** "SQLite", "PostgreSQL" */
  side: string;
  lines: ResultLine[];
  agreements: Agreement[];
  notes: string[];
}

export interface BenchReport {
  title: string;
  setup: string[];
  sides: SideReport[];
}

export const fmtMeasure = (m: Measure | null): string => {
  if (m === null) return '—';
  if (m.unit === 'rows/s') return `${Math.round(m.value).toLocaleString('en-GB')} rows/s`;
  return `${m.value < 10 ? m.value.toFixed(2) : m.value < 100 ? m.value.toFixed(1) : Math.round(m.value).toLocaleString('en-GB')} ms`;
};

/** ours ÷ DuckDB in time (for an import: DuckDB's rows/s ÷ ours). */
export function timeRatio(line: ResultLine): number | null {
  if (!line.ours || !line.duck || line.ours.value === 0 || line.duck.value === 0) return null;
  return line.ours.unit === 'rows/s' ? line.duck.value / line.ours.value : line.ours.value / line.duck.value;
}

const metWord = (m: boolean | null) => (m === null ? '—' : m ? 'met' : 'NOT MET');

function tableRows(side: SideReport): string[][] {
  return side.lines.map((l) => {
    const r = timeRatio(l);
    return [
      l.operation,
      fmtMeasure(l.ours),
      fmtMeasure(l.duck),
      r === null ? '—' : `${r.toFixed(r < 10 ? 2 : 1)}×`,
      l.aim,
      metWord(l.met),
    ];
  });
}

const HEADER = ['operation', 'ours', 'DuckDB', 'ours/DuckDB (time)', 'aim', 'met?'];

function agreementLines(side: SideReport): string[] {
  return side.agreements.map((a) =>
    a.mismatches.length === 0
      ? `results agree with DuckDB: ${a.what} (${a.rows} rows)`
      : `!!! MISMATCH with DuckDB: ${a.what}: ${a.mismatches.length} difference(s) — the comparison is meaningless until fixed:\n${a.mismatches
          .slice(0, 10)
          .map((m) => `      ${m}`)
          .join('\n')}`,
  );
}

export function renderText(report: BenchReport): string {
  const out: string[] = [report.title, ...report.setup.map((s) => `  ${s}`), ''];
  for (const side of report.sides) {
    const rows = [HEADER, ...tableRows(side)];
    const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    out.push(`== ours on ${side.side} vs DuckDB ==`);
    rows.forEach((r, j) => {
      out.push(
        r
          .map((c, i) => (i === 0 || i >= 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
          .join('  ')
          .trimEnd(),
      );
      if (j === 0) out.push(widths.map((w) => '-'.repeat(w)).join('  '));
    });
    out.push(...agreementLines(side).map((s) => `  ${s}`), ...side.notes.map((s) => `  ${s}`), '');
  }
  return out.join('\n');
}

export function renderMarkdown(report: BenchReport): string {
  const out: string[] = [`# ${report.title}`, '', ...report.setup.map((s) => `- ${s}`), ''];
  for (const side of report.sides) {
    out.push(
      `## Ours on ${side.side} vs DuckDB`,
      '',
      `| ${HEADER.join(' | ')} |`,
      `|${HEADER.map((_, i) => (i === 0 || i >= 4 ? '---' : '---:')).join('|')}|`,
    );
    for (const r of tableRows(side)) out.push(`| ${r.join(' | ')} |`);
    out.push('', ...agreementLines(side).map((s) => `- ${s.replace(/\n\s+/g, '; ')}`), ...side.notes.map((s) => `- ${s}`), '');
  }
  return out.join('\n');
}

export function machineLines(): string[] {
  const nproc = (() => {
    try {
      return execFileSync('nproc', { encoding: 'utf8' }).trim();
    } catch {
      return String(cpus().length);
    }
  })();
  return [
    `machine: ${nproc} cores (nproc), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${cpus()[0]?.model ?? 'unknown CPU'}`,
    `node ${process.version}, ${process.platform}/${process.arch}`,
    `date: ${new Date().toISOString()}; load average at the end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (other work on the machine skews timings)`,
  ];
}

export function writeMarkdown(path: string, report: BenchReport): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${renderMarkdown(report)}\n`);
}
