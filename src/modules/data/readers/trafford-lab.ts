/**
 * Trafford Data Lab's tidy shape (data/indicators/trafford_lab_tidy_schema.md):
 * area_code, area_name, period, indicator, measure, unit, value.
 *
 * - indicator: the indicator's wording in the file, looked up through alias scheme 'label'
 *   ("Waste Reused/Recycled/Composted" → NI192, "Recycling" → the Scottish indicator);
 * - area_code → area; period read with the indicator's own period type (the recycling file mixes
 *   2015/16 for England and Wales with calendar 2015 for Scotland);
 * - value; "NA" or an empty cell → status not_available;
 * - area_name, measure and unit are descriptive and not stored (the definition says them).
 */
import { readCsv, type SubmittedFile } from '../../../platform/files.ts';
import type { SourceRow } from '../observation.types.ts';
import type { ObservationSource } from './source.ts';

export const TRAFFORD_LAB_COLUMNS = ['area_code', 'area_name', 'period', 'indicator', 'measure', 'unit', 'value'] as const;

export function isTraffordLabHeader(columns: readonly string[]): boolean {
  return TRAFFORD_LAB_COLUMNS.every((c) => columns.includes(c)) && !columns.includes('source_file');
}

/** Cells that mean "no figure" in Trafford Data Lab's files. */
export function isMissingMark(text: string): boolean {
  const t = text.trim().toUpperCase();
  return t === '' || t === 'NA' || t === 'N/A';
}

export function traffordLabSource(file: SubmittedFile): ObservationSource {
  const { records } = readCsv(file, TRAFFORD_LAB_COLUMNS);
  const rows: SourceRow[] = records.map(({ line, values }) => {
    const missing = isMissingMark(values.value ?? '');
    return {
      line,
      indicator: values.indicator,
      area: values.area_code,
      period: values.period,
      value: missing ? '' : values.value,
      status: missing ? 'not_available' : 'final',
    };
  });
  return { reader: 'trafford-lab', indicatorScheme: 'label', batches: [{ rows, problems: [] }], expectedRows: rows.length };
}
