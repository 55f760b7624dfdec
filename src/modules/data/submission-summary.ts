/** What a submission's file holds and would do to the published figures: pure counting over its checked rows. */
import type { RowOutcome } from './import-pipeline.ts';

export interface SubmissionSummary {
  /** rows read from the file, good and bad */
  rows: number;
  /** rows that passed every check */
  goodRows: number;
  /** the indicator codes of the good rows, sorted */
  indicators: string[];
  /** the period keys of the good rows, sorted */
  periods: string[];
  /** how many distinct areas the good rows are for */
  areas: number;
  /** good rows with no published figure yet */
  new: number;
  /** good rows whose published figure they would revise */
  revised: number;
  /** good rows the same as the published figure */
  unchanged: number;
}

export interface CountedRow {
  indicatorCode: string;
  areaCode: string;
  /** canonical period key */
  period: string;
  outcome: RowOutcome;
}

export function summariseRows(rowsRead: number, rows: readonly CountedRow[]): SubmissionSummary {
  const indicators = new Set<string>();
  const periods = new Set<string>();
  const areas = new Set<string>();
  const outcomes: Record<RowOutcome, number> = { new: 0, revised: 0, unchanged: 0 };
  for (const r of rows) {
    indicators.add(r.indicatorCode);
    periods.add(r.period);
    areas.add(r.areaCode);
    outcomes[r.outcome]++;
  }
  return {
    rows: rowsRead,
    goodRows: rows.length,
    indicators: [...indicators].sort(),
    periods: [...periods].sort(),
    areas: areas.size,
    ...outcomes,
  };
}
