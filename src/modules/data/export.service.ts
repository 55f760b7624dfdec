/**
 * Exporting observations in the tidy format (README.md), so an export imports again unchanged:
 * periods written as labels (2015/16), values exactly as stored (56.89999999999999), CSV cells that a
 * spreadsheet would run as a formula (= + - @) prefixed with an apostrophe — numbers never are.
 */
import { toCsv, type CsvCell } from '../../platform/http/csv.ts';
import { findObservations } from './observation.repository.ts';
import { asOfInstant, toObservation } from './observation.service.ts';
import type { Executor, Observation } from './observation.types.ts';
import { TIDY_COLUMNS } from './readers/source.ts';

export interface ObservationExportQuery {
  indicator?: string;
  area?: string;
  asOf?: string;
  format: 'csv' | 'json';
}

const PAGE = 5000;

export async function exportObservations(db: Executor, q: ObservationExportQuery): Promise<string> {
  const rows: Observation[] = [];
  const filter = { indicator: q.indicator, area: q.area, asOf: asOfInstant(q.asOf) };
  for (let offset = 0; ; offset += PAGE) {
    const page = await findObservations(db, filter, { limit: PAGE, offset });
    rows.push(...page.rows.map(toObservation));
    if (page.rows.length < PAGE) break;
  }
  if (q.format === 'json') return `${JSON.stringify({ observations: rows.map(tidyRecord) }, null, 1)}\n`;
  return toCsv(TIDY_COLUMNS, rows.map(tidyCells));
}

function tidyCells(o: Observation): CsvCell[] {
  return [
    o.indicatorCode,
    o.areaCode,
    o.periodLabel,
    o.value,
    o.numerator,
    o.denominator,
    o.sampleSize,
    o.ciLower,
    o.ciUpper,
    o.status,
  ];
}

function tidyRecord(o: Observation): Record<(typeof TIDY_COLUMNS)[number], string | number | null> {
  return {
    indicator: o.indicatorCode,
    area: o.areaCode,
    period: o.periodLabel,
    value: o.value,
    numerator: o.numerator,
    denominator: o.denominator,
    sample_size: o.sampleSize,
    ci_lower: o.ciLower,
    ci_upper: o.ciUpper,
    status: o.status,
  };
}
