/** The data module's vocabulary (docs/module-contracts.md, "data"). */
import type { Kysely } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { SubmittedFile } from '../../platform/files.ts';
import type { ProgressListener } from '../../platform/import-summary.ts';
import type { Actor } from '../accounts/index.ts';
import type { PeriodType } from '../periods/index.ts';

/** A Kysely instance or a Transaction (which is one). */
export type Executor = Kysely<Database>;

export type ObservationStatus = 'final' | 'provisional' | 'suppressed' | 'not_available';
export const OBSERVATION_STATUSES: readonly ObservationStatus[] = ['final', 'provisional', 'suppressed', 'not_available'];

export interface Observation {
  indicatorCode: string;
  indicatorVersion: number;
  areaCode: string;
  /** canonical period key, e.g. FY2015 */
  period: string;
  /** e.g. 2015/16 */
  periodLabel: string;
  periodType: PeriodType;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  status: ObservationStatus;
  sourceBodyId: string | null;
  revision: number;
  publishedAt: string;
}

/** What a revision compares: a new revision is recorded only when one of these differs. */
export interface ObservationFigures {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  ciLower: number | null;
  ciUpper: number | null;
  status: ObservationStatus;
}

/** An observation's figures with what they are for, without provenance: what analysis reads in bulk. */
export interface ObservedFigures extends ObservationFigures {
  indicatorCode: string;
  areaCode: string;
  /** canonical period key */
  period: string;
  revision: number;
}

/** A cell as a reader hands it over: text from CSV, a number or null from JSON, undefined when absent. */
export type RawCell = string | number | null | undefined;

/** One observation in the tidy format, before checking (docs: src/modules/data/README.md). */
export interface TidyRow {
  indicator: RawCell;
  area: RawCell;
  period: RawCell;
  value?: RawCell;
  numerator?: RawCell;
  denominator?: RawCell;
  sampleSize?: RawCell;
  ciLower?: RawCell;
  ciUpper?: RawCell;
  status?: RawCell;
}

/** A tidy row with where it came from: the 1-based line in the file (the header is line 1). */
export interface SourceRow extends TidyRow {
  line: number;
}

export interface ObservationQuery {
  indicator?: string;
  area?: string;
  /** a period key (FY2015) or any spelling parsePeriod reads (2015/16) */
  period?: string;
  /** an instant or a date (YYYY-MM-DD: as published at the end of that day) */
  asOf?: string;
  limit: number;
  offset: number;
}

export interface ImportOptions {
  clock: Clock;
  onProgress?: ProgressListener;
  /** the metadata file some shapes come with (the Trafford ward indicators' meta file) */
  meta?: SubmittedFile;
  /**
   * The indicator the file is for (a code or alias): a tidy file may then leave out the indicator
   * column; a row naming another indicator is refused.
   */
  indicator?: string;
  /** the body that submitted the figures (a partner's own upload) */
  sourceBodyId?: string;
  /** who imported: recorded on the import batch and in the audit log (default: the command line) */
  actor?: Actor;
}
