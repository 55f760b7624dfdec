/** The rows an import's writer reads and writes, and their column order. */
import type { Period } from '../periods/index.ts';
import type { ObservationFigures } from './observation.types.ts';

export interface CurrentFigures {
  id: number;
  areaCode: string;
  revision: number;
  figures: ObservationFigures;
}

export interface NewRevision {
  indicatorCode: string;
  indicatorVersion: number;
  areaCode: string;
  period: Period;
  figures: ObservationFigures;
  revision: number;
}

export interface ObservationWriter {
  /** whether any current figure exists for the indicator and period */
  hasCurrent(indicator: string, period: string): Promise<boolean>;
  /** the current figures for these areas */
  findCurrent(indicator: string, period: string, areas: readonly string[]): Promise<CurrentFigures[]>;
  /** mark revisions superseded at `at` (never deleted) */
  supersede(ids: readonly number[], at: string): Promise<void>;
  insert(
    rows: readonly NewRevision[],
    common: { publishedAt: string; importId: number; sourceBodyId: string | null },
  ): Promise<void>;
  /** called once all rows are written, before commit */
  finish(): Promise<void>;
  /** called last, whatever happened (restores connection settings) */
  close(): Promise<void>;
}

export const OBSERVATION_COLUMNS = [
  'indicator_code',
  'indicator_version',
  'area_code',
  'period',
  'period_type',
  'period_start',
  'period_end',
  'value',
  'numerator',
  'denominator',
  'sample_size',
  'ci_lower',
  'ci_upper',
  'status',
  'source_body_id',
  'import_id',
  'revision',
  'published_at',
] as const;

/** One row's values in OBSERVATION_COLUMNS order, appended to `out`. */
export function pushRowValues(
  out: unknown[],
  r: NewRevision,
  c: { publishedAt: string; importId: number; sourceBodyId: string | null },
): void {
  const f = r.figures;
  out.push(
    r.indicatorCode,
    r.indicatorVersion,
    r.areaCode,
    r.period.key,
    r.period.type,
    r.period.start,
    r.period.end,
    f.value,
    f.numerator,
    f.denominator,
    f.sampleSize,
    f.ciLower,
    f.ciUpper,
    f.status,
    c.sourceBodyId,
    c.importId,
    r.revision,
    c.publishedAt,
  );
}

export const CURRENT_COLUMNS = 'id, area_code, revision, value, numerator, denominator, sample_size, ci_lower, ci_upper, status';

export interface CurrentRow {
  id: number | string;
  area_code: string;
  revision: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sample_size: number | null;
  ci_lower: number | null;
  ci_upper: number | null;
  status: string;
}

export function toCurrentFigures(r: CurrentRow): CurrentFigures {
  return {
    id: Number(r.id),
    areaCode: r.area_code,
    revision: r.revision,
    figures: {
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      sampleSize: r.sample_size,
      ciLower: r.ci_lower,
      ciUpper: r.ci_upper,
      status: r.status as ObservationFigures['status'],
    },
  };
}

/** Whether two new revisions share indicator, version and period (a run written with shared values). */
export function samePair(a: NewRevision, b: NewRevision): boolean {
  return a.indicatorCode === b.indicatorCode && a.indicatorVersion === b.indicatorVersion && a.period.key === b.period.key;
}

/** Calls `run(start, end)` for each run of consecutive rows sharing indicator, version and period. */
export function forEachRun(rows: readonly NewRevision[], run: (start: number, end: number) => void): void {
  for (let start = 0; start < rows.length;) {
    let end = start + 1;
    while (end < rows.length && samePair(rows[start]!, rows[end]!)) end++;
    run(start, end);
    start = end;
  }
}
