/** What every reader hands the importer: rows in batches, and how to read them. */
import type { Clock } from '../../../platform/clock.ts';
import type { ProblemDetail } from '../../../platform/errors.ts';
import type { Actor } from '../../accounts/index.ts';
import type { IndicatorDefinition } from '../../indicators/index.ts';
import type { Executor, SourceRow } from '../observation.types.ts';

export interface SourceBatch {
  rows: SourceRow[];
  /** records the reader could not read at all (a stray quote, a wrong number of cells) */
  problems: ProblemDetail[];
}

export interface ObservationSource {
  /** which reader understood the file, e.g. "tidy-csv", "oflog-asc" */
  reader: string;
  /** resolve the indicator column only through this alias scheme (e.g. 'label', 'oflog') */
  indicatorScheme?: string;
  batches: Iterable<SourceBatch> | AsyncIterable<SourceBatch>;
  /** rows expected, for progress (an upper bound is fine); 0 when unknown */
  expectedRows: number;
  /** work before the rows, inside the import's transaction, done as the import's actor; returns the number of definitions changed */
  prepare?: (db: Executor, clock: Clock, actor: Actor) => Promise<number>;
  /** a reader's own check of a row against its indicator's definition */
  checkRow?: (row: SourceRow, definition: IndicatorDefinition) => ProblemDetail | undefined;
  /** said after "unknown indicator" when the reader knows how the indicator comes to exist */
  unknownIndicatorHint?: string;
  /** rows deliberately left out (never bad rows) */
  skipped?: { count: number; reason: string }[];
}

/** The tidy format's columns, as named in files (docs: ../README.md). */
export const TIDY_COLUMNS = [
  'indicator',
  'area',
  'period',
  'value',
  'numerator',
  'denominator',
  'sample_size',
  'ci_lower',
  'ci_upper',
  'status',
] as const;
export type TidyColumn = (typeof TIDY_COLUMNS)[number];

/** Columns a tidy file may carry for people, which the importer ignores. */
export const IGNORED_TIDY_COLUMNS: readonly string[] = ['area_name', 'indicator_name', 'unit', 'note'];

/** The SourceRow field each tidy column fills. */
export const TIDY_FIELD: Record<TidyColumn, keyof SourceRow> = {
  indicator: 'indicator',
  area: 'area',
  period: 'period',
  value: 'value',
  numerator: 'numerator',
  denominator: 'denominator',
  sample_size: 'sampleSize',
  ci_lower: 'ciLower',
  ci_upper: 'ciUpper',
  status: 'status',
};
