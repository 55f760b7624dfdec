/** Reader for the indicator CSV format (see ../README.md). */
import type { ProblemDetail } from '../../../platform/errors.ts';
import { readCsv, type CsvRecord, type SubmittedFile } from '../../../platform/files.ts';
import {
  ALIAS_SEPARATOR,
  columnForField,
  INDICATOR_CSV_COLUMNS,
  LIST_SEPARATOR,
  REQUIRED_CSV_COLUMNS,
  type IndicatorCsvColumn,
} from '../csv-columns.ts';
import { restoreFormulaGuarded } from '../formula-guard.ts';
import { normalisePolarity } from '../polarity.ts';
import type { Locate } from '../versioning.service.ts';

export interface RawEntry {
  /** null when the entry is not even an object (already reported) */
  raw: Record<string, unknown> | null;
  locate: Locate;
}

export function readIndicatorCsv(file: SubmittedFile): { entries: RawEntry[]; problems: ProblemDetail[] } {
  const table = readCsv(file, REQUIRED_CSV_COLUMNS);
  const problems: ProblemDetail[] = [];
  const unknown = table.columns.filter((c) => c !== '' && !(INDICATOR_CSV_COLUMNS as readonly string[]).includes(c));
  for (const c of unknown)
    problems.push({ line: 1, field: c, reason: `unknown column; the columns are ${INDICATOR_CSV_COLUMNS.join(', ')}` });
  const entries = table.records.map((record) => toRawEntry(record, problems));
  return { entries, problems };
}

function toRawEntry(record: CsvRecord, problems: ProblemDetail[]): RawEntry {
  const cell = (c: IndicatorCsvColumn): string => restoreFormulaGuarded(record.values[c] ?? '').trim();
  const bad = (field: IndicatorCsvColumn, reason: string) =>
    problems.push({ line: record.line, field, value: record.values[field], reason });
  const number = (c: IndicatorCsvColumn): number | null | string => {
    const text = cell(c);
    if (text === '') return null;
    const n = Number(text);
    if (!Number.isFinite(n)) {
      bad(c, 'is not a number');
      return text;
    }
    return n;
  };
  const polarity = normalisePolarity(cell('polarity'));
  if (!polarity.ok) bad('polarity', polarity.reason);
  const low = number('target_range_low');
  const high = number('target_range_high');
  const raw: Record<string, unknown> = {
    code: cell('code'),
    title: cell('title'),
    description: cell('description'),
    rationale: cell('rationale'),
    numeratorDefinition: cell('numerator_definition'),
    denominatorDefinition: cell('denominator_definition'),
    unit: cell('unit'),
    unitMultiplier: number('unit_multiplier'),
    decimalPlaces: cell('decimal_places') === '' ? undefined : number('decimal_places'),
    polarity: polarity.ok ? polarity.polarity : cell('polarity'),
    targetRange: low === null && high === null ? null : { low, high },
    areaAggregation: cell('area_aggregation'),
    timeAggregation: cell('time_aggregation'),
    frequency: cell('frequency'),
    periodType: cell('period_type'),
    areaTypes: splitList(cell('area_types')),
    theme: cell('theme'),
    source: cell('source'),
    ownerBodyId: cell('owner_body_id'),
    collectionMethod: cell('collection_method') || undefined,
    comparabilityNote: cell('comparability_note'),
    aliases: parseAliases(cell('aliases'), (reason) => bad('aliases', reason)),
  };
  const locate: Locate = (path) => {
    const column = columnForField(path);
    return { line: record.line, field: column, value: record.values[column] };
  };
  return { raw, locate };
}

function splitList(text: string): string[] {
  return text
    .split(LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** "NI:192;BVPI:82a" → [{scheme:'NI', alias:'192'}, ...]; the scheme ends at the first colon. */
export function parseAliases(text: string, bad: (reason: string) => void): { scheme: string; alias: string }[] {
  const out: { scheme: string; alias: string }[] = [];
  for (const item of splitList(text)) {
    const at = item.indexOf(ALIAS_SEPARATOR);
    if (at <= 0 || at === item.length - 1) {
      bad(`alias "${item}" should be written scheme${ALIAS_SEPARATOR}alias, e.g. NI${ALIAS_SEPARATOR}192`);
      continue;
    }
    out.push({ scheme: item.slice(0, at).trim(), alias: item.slice(at + 1).trim() });
  }
  return out;
}
