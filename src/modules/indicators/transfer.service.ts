/** Import and export of indicator definitions as files (CSV or JSON; formats in README.md). */
import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/schema.ts';
import { ValidationError, type ProblemDetail } from '../../platform/errors.ts';
import { isJsonFile, type SubmittedFile } from '../../platform/files.ts';
import type { ImportSummary, ProgressListener } from '../../platform/import-summary.ts';
import type { Actor } from '../accounts/index.ts';
import { allIndicators } from './catalogue.service.ts';
import { INDICATOR_CSV_COLUMNS, NUMERIC_CSV_COLUMNS, toCsvCells } from './csv-columns.ts';
import { neutraliseFormula } from './formula-guard.ts';
import type { IndicatorDefinition, IndicatorInput } from './indicator.types.ts';
import { readIndicatorCsv } from './readers/indicator-csv.ts';
import { readIndicatorJson } from './readers/indicator-json.ts';
import { saveLocated, validateEntries } from './versioning.service.ts';

type Db = Kysely<Database>;

export async function importIndicatorFile(
  db: Db,
  file: SubmittedFile,
  /** `actor`: who imports, for the audit log (default: the command line) */
  opts: { clock: Clock; onProgress?: ProgressListener; actor?: Actor },
): Promise<ImportSummary> {
  const json = isJsonFile(file);
  const reader = json ? 'indicator-json' : 'indicator-csv';
  const read = json ? readIndicatorJson(file) : readIndicatorCsv(file);
  const total = read.entries.length;
  opts.onProgress?.(0, total);
  const { entries, problems } = validateEntries(
    read.entries.flatMap((e) => (e.raw === null ? [] : [{ raw: e.raw, locate: e.locate }])),
  );
  // a cell the reader already refused (a bad number, an unknown polarity word) is reported once
  const seen = new Set(read.problems.map(where));
  const all = [...read.problems, ...problems.filter((p) => !seen.has(where(p)))].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (all.length > 0) throw new ValidationError(`${file.name} has problems; nothing was imported`, all);
  if (total === 0)
    throw new ValidationError(`${file.name} has no indicator definitions`, [{ line: 2, reason: 'the file holds no indicators' }]);
  const result = await saveLocated(db, entries, opts.clock, opts.actor);
  opts.onProgress?.(total, total);
  return {
    reader,
    rowsRead: total,
    // an alias-only change is a write too
    rowsWritten: result.created + result.versioned + result.aliasesUpdated,
    rowsUnchanged: result.unchanged,
    rowsRejected: 0,
    problems: [],
  };
}

function where(p: ProblemDetail): string {
  return `${p.line ?? ''}\u0000${p.field ?? ''}`;
}

/** The current definitions, in exactly the import format. */
export async function exportIndicators(db: Db, format: 'csv' | 'json'): Promise<string> {
  const inputs = (await allIndicators(db)).map(toInput);
  if (format === 'json') return `${JSON.stringify({ indicators: inputs }, null, 2)}\n`;
  const rows = inputs.map((def) => {
    const cells = toCsvCells(def);
    return INDICATOR_CSV_COLUMNS.map((c) => (NUMERIC_CSV_COLUMNS.has(c) ? cells[c] : neutraliseFormula(cells[c])));
  });
  // A carriage return inside a cell is quoted: a spreadsheet would end the row at a bare one.
  return stringify([[...INDICATOR_CSV_COLUMNS], ...rows], { record_delimiter: '\n', quoted_match: /\r/ });
}

export function toInput(def: IndicatorDefinition): IndicatorInput {
  const { version: _version, createdAt: _createdAt, ...input } = def;
  return input;
}
