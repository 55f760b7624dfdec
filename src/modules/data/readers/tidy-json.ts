/**
 * The tidy format as JSON: `{ "observations": [ { "indicator": …, "area": …, … } ] }` or a bare array,
 * with the same field names as the CSV columns. Problems name the line each observation starts on.
 */
import { ValidationError, type ProblemDetail } from '../../../platform/errors.ts';
import { decodeUtf8, readJson, type SubmittedFile } from '../../../platform/files.ts';
import type { RawCell, SourceRow } from '../observation.types.ts';
import { IGNORED_TIDY_COLUMNS, TIDY_COLUMNS, TIDY_FIELD, type ObservationSource, type TidyColumn } from './source.ts';

export function tidyJsonSource(file: SubmittedFile, opts: { indicator?: string }): ObservationSource {
  const parsed = readJson(file);
  const list = Array.isArray(parsed) ? parsed : (parsed as { observations?: unknown } | null)?.observations;
  if (!Array.isArray(list)) {
    throw new ValidationError(`${file.name} is not a list of observations`, [
      { line: 1, reason: 'expected { "observations": [ … ] } or a list of observations' },
    ]);
  }
  const lines = elementLines(decodeUtf8(file), Array.isArray(parsed));
  const rows: SourceRow[] = [];
  const problems: ProblemDetail[] = [];
  list.forEach((item, i) => {
    const row = jsonRow(item, lines[i] ?? i + 1, opts.indicator, problems);
    if (row) rows.push(row);
  });
  return { reader: 'tidy-json', batches: [{ rows, problems }], expectedRows: list.length };
}

const KNOWN = new Set<string>([...TIDY_COLUMNS, ...IGNORED_TIDY_COLUMNS]);

function jsonRow(item: unknown, line: number, indicator: string | undefined, problems: ProblemDetail[]): SourceRow | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    problems.push({
      line,
      reason:
        'each observation must be an object such as { "indicator": "NI192", "area": "E08000009", "period": "2015/16", "value": 60.4 }',
    });
    return undefined;
  }
  const row: SourceRow = { line, indicator, area: undefined, period: undefined };
  let ok = true;
  for (const [key, value] of Object.entries(item)) {
    if (!KNOWN.has(key)) {
      problems.push({ line, field: key, reason: `unknown field: an observation has ${TIDY_COLUMNS.join(', ')}` });
      ok = false;
    } else if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
      problems.push({ line, field: key, value: JSON.stringify(value), reason: 'must be text, a number or null' });
      ok = false;
    } else if ((TIDY_COLUMNS as readonly string[]).includes(key)) {
      (row as unknown as Record<string, RawCell>)[TIDY_FIELD[key as TidyColumn]] = value as RawCell;
    }
  }
  return ok ? row : undefined;
}

/**
 * The line each element of the observations list starts on: a small scan of the JSON text for the
 * list (the root array, or the root object's "observations") and the first character of each element.
 */
export function elementLines(text: string, rootIsArray: boolean): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let listDepth = -1; // depth inside the observations list once found
  let expectElement = false;
  let lastRootKey = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ':') continue;
    if (expectElement && depth === listDepth && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') {
      const end = stringEnd(text, i);
      if (depth === 1 && !rootIsArray) lastRootKey = text.slice(i + 1, end);
      i = end;
    } else if (c === '{' || c === '[') {
      if (c === '[' && listDepth < 0 && (rootIsArray ? depth === 0 : depth === 1 && lastRootKey === 'observations')) {
        listDepth = depth + 1;
        expectElement = true;
      }
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === listDepth - 1 && c === ']') listDepth = -2; // the list is over
    } else if (c === ',' && depth === listDepth) {
      expectElement = true;
    }
  }
  return lines;
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}
