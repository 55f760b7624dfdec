import type { ProblemDetail } from './errors.ts';

/** What every importer reports, for the CLI, the API and the pages. */
export interface ImportSummary {
  /** which reader understood the file, e.g. "tidy-csv", "oflog-asc" */
  reader: string;
  rowsRead: number;
  rowsWritten: number;
  rowsUnchanged: number;
  rowsRejected: number;
  /** rows deliberately not imported, with why (e.g. a total row); never bad rows */
  skipped?: { count: number; reason: string }[];
  problems: ProblemDetail[];
}

export type ProgressListener = (done: number, total: number) => void;

export function emptySummary(reader: string): ImportSummary {
  return { reader, rowsRead: 0, rowsWritten: 0, rowsUnchanged: 0, rowsRejected: 0, problems: [] };
}
