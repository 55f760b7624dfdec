/**
 * The documented tidy format as CSV (../README.md): indicator, area, period, value, numerator,
 * denominator, sample_size, ci_lower, ci_upper, status. Streams: a file of millions of rows is read
 * in batches, never held as one string.
 */
import { ValidationError, type ProblemDetail } from '../../../platform/errors.ts';
import type { SubmittedFile } from '../../../platform/files.ts';
import type { SourceRow } from '../observation.types.ts';
import { countLines, csvBatches, readCsvHeader } from './csv-stream.ts';
import { IGNORED_TIDY_COLUMNS, TIDY_COLUMNS, type ObservationSource, type SourceBatch, type TidyColumn } from './source.ts';

export function isTidyHeader(columns: readonly string[]): boolean {
  return ['area', 'period', 'value'].every((c) => columns.includes(c));
}

export function tidyCsvSource(file: SubmittedFile, opts: { indicator?: string }): ObservationSource {
  const header = readCsvHeader(file) ?? [];
  const at = checkTidyHeader(file.name, header, opts.indicator !== undefined);
  return {
    reader: 'tidy-csv',
    batches: tidyBatches(file, header.length, at, opts.indicator),
    expectedRows: Math.max(0, countLines(file) - 1),
  };
}

type ColumnIndex = Record<TidyColumn, number>;

/** Where each tidy column is (-1 when absent); refuses a header with missing, unknown or repeated columns. */
export function checkTidyHeader(name: string, header: readonly string[], indicatorGiven: boolean): ColumnIndex {
  const problems: ProblemDetail[] = [];
  const required: TidyColumn[] = indicatorGiven ? ['area', 'period', 'value'] : ['indicator', 'area', 'period', 'value'];
  for (const c of required)
    if (!header.includes(c)) problems.push({ line: 1, field: c, reason: 'required column is missing from the header' });
  header.forEach((c, i) => {
    if (header.indexOf(c) !== i) problems.push({ line: 1, field: c, reason: 'the column appears more than once' });
    else if (!(TIDY_COLUMNS as readonly string[]).includes(c) && !IGNORED_TIDY_COLUMNS.includes(c)) {
      problems.push({ line: 1, field: c, reason: `unknown column: the tidy format has ${TIDY_COLUMNS.join(', ')}` });
    }
  });
  if (problems.length > 0) throw new ValidationError(`${name} does not have the tidy format's header`, problems);
  return Object.fromEntries(TIDY_COLUMNS.map((c) => [c, header.indexOf(c)])) as ColumnIndex;
}

function* tidyBatches(file: SubmittedFile, width: number, at: ColumnIndex, indicator?: string): Generator<SourceBatch> {
  let first = true;
  for (const batch of csvBatches(file)) {
    const problems: ProblemDetail[] = batch.bad.map((b) => ({ line: b.line, reason: b.reason }));
    const rows: SourceRow[] = [];
    for (const { line, cells } of batch.rows) {
      if (first) {
        first = false; // the header
        continue;
      }
      if (cells.length !== width) {
        problems.push({ line, reason: `the row has ${cells.length} cells but the header has ${width}` });
        continue;
      }
      rows.push(tidyRow(line, cells, at, indicator));
    }
    yield { rows, problems };
  }
}

const cell = (cells: string[], i: number): string | undefined => (i < 0 ? undefined : cells[i]);

function tidyRow(line: number, cells: string[], at: ColumnIndex, indicator?: string): SourceRow {
  return {
    line,
    indicator: at.indicator < 0 ? indicator : cells[at.indicator],
    area: cells[at.area],
    period: cells[at.period],
    value: cells[at.value],
    numerator: cell(cells, at.numerator),
    denominator: cell(cells, at.denominator),
    sampleSize: cell(cells, at.sample_size),
    ciLower: cell(cells, at.ci_lower),
    ciUpper: cell(cells, at.ci_upper),
    status: cell(cells, at.status),
  };
}
