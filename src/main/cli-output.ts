import cliProgress from 'cli-progress';
import { askHidden, readAllStdin } from './cli-prompt.ts';
import { describeProblem, DomainError } from '../platform/errors.ts';
import type { ImportSummary, ProgressListener } from '../platform/import-summary.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** show a progress bar (an interactive terminal) */
  interactive: boolean;
  /** everything on standard input (a password given with --password-stdin) */
  readStdin?: () => Promise<string>;
  /** asks for a secret without showing what is typed; undefined when standard input is not a terminal */
  askSecret?: (prompt: string) => Promise<string>;
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  interactive: Boolean(process.stderr.isTTY),
  readStdin: readAllStdin,
  ...(process.stdin.isTTY ? { askSecret: askHidden } : {}),
};

/** A progress bar on an interactive terminal; otherwise a line every 10%. */
export function progressFor(io: CliIo, label: string): { listener: ProgressListener; stop: () => void } {
  if (io.interactive) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {eta_formatted} left`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      listener: (done, total) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.setTotal(total);
        bar.update(done);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let lastTenth = -1;
  return {
    listener: (done, total) => {
      const tenth = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (tenth > lastTenth && total >= 10_000) {
        lastTenth = tenth;
        io.err(`${label}: ${done}/${total} rows (${tenth * 10}%)`);
      }
    },
    stop: () => undefined,
  };
}

export function formatSummary(file: string, s: ImportSummary): string {
  const skipped = (s.skipped ?? []).map((k) => `\n  skipped ${k.count}: ${k.reason}`).join('');
  return `${file} (${s.reader}): rows read ${s.rowsRead}, written ${s.rowsWritten}, unchanged ${s.rowsUnchanged}, rejected ${s.rowsRejected}${skipped}`;
}

/** Print a domain error with every row problem; returns the exit code. */
export function reportError(io: CliIo, error: unknown): number {
  if (error instanceof DomainError) {
    io.err(`Error: ${error.message}`);
    for (const p of error.details) io.err(`  ${describeProblem(p)}`);
    if (error.details.length > 0) io.err('Nothing was changed.');
    return 1;
  }
  io.err(`Error: ${error instanceof Error ? error.message : String(error)}`);
  return 2;
}
