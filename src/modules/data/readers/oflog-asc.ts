/**
 * Oflog's adult social care data (data/indicators/oflog_asc_data.csv): Financial year, Local authority
 * code, Local authority name, Grouping, Entity_Name, Region, Measure, Code, Value, MEDIAN,
 * MADs_from_median, rank_order.
 *
 * - Code → indicator through alias scheme 'oflog' (ASC1 …); Local authority code → area;
 *   Financial year (2016-17) → period; Value → value, blank → status not_available;
 * - MEDIAN and MADs_from_median are derived figures (analysis recomputes them) and not stored;
 * - rank_order is Oflog's ranking direction, spelt desc, DESC, None or left blank. desc/asc must agree
 *   with the definition's polarity (desc = higher is better, asc = lower is better); a disagreement is
 *   a bad row. None, none and blank are one thing — the file states no direction — and never conflict
 *   (the blank ones are the rows without a value, whose rank Oflog left empty).
 */
import type { ProblemDetail } from '../../../platform/errors.ts';
import { readCsv, type SubmittedFile } from '../../../platform/files.ts';
import { normalisePolarity, type IndicatorDefinition } from '../../indicators/index.ts';
import type { SourceRow } from '../observation.types.ts';
import type { ObservationSource } from './source.ts';

const COLUMNS = ['Financial year', 'Local authority code', 'Code', 'Value'] as const;

export function isOflogHeader(columns: readonly string[]): boolean {
  return COLUMNS.every((c) => columns.includes(c));
}

export interface OflogRow extends SourceRow {
  rankOrder: string;
}

export function oflogAscSource(file: SubmittedFile): ObservationSource {
  const { records } = readCsv(file, COLUMNS);
  const rows: OflogRow[] = records.map(({ line, values }) => {
    const blank = (values.Value ?? '').trim() === '';
    return {
      line,
      indicator: values.Code,
      area: values['Local authority code'],
      period: values['Financial year'],
      value: values.Value,
      status: blank ? 'not_available' : 'final',
      rankOrder: values.rank_order ?? '',
    };
  });
  return {
    reader: 'oflog-asc',
    indicatorScheme: 'oflog',
    batches: [{ rows, problems: [] }],
    expectedRows: rows.length,
    checkRow: (row, definition) => checkRankOrder(row as OflogRow, definition),
  };
}

/** rank_order against the definition's polarity (see the file comment). */
export function checkRankOrder(row: OflogRow, definition: IndicatorDefinition): ProblemDetail | undefined {
  const word = row.rankOrder.trim();
  const parsed = normalisePolarity(word);
  if (!parsed.ok) {
    return {
      line: row.line,
      field: 'rank_order',
      value: word,
      reason: `'${word}' is not a ranking direction: use desc, asc, None or leave it empty`,
    };
  }
  if (parsed.polarity === 'none' || parsed.polarity === definition.polarity) return undefined;
  return {
    line: row.line,
    field: 'rank_order',
    value: word,
    reason: `rank_order ${word} means ${parsed.polarity.replace(/_/g, ' ')}, but ${definition.code} is defined as ${definition.polarity.replace(/_/g, ' ')}: correct the file or the definition`,
  };
}
