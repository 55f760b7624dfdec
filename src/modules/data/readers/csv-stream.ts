/**
 * A fast CSV scanner for files too big to hold as one string (25 million rows): decodes strict UTF-8
 * in slices and yields records in batches, each with the line it starts on. RFC 4180 quoting; a bad
 * record (a stray quote) is reported with its line and the scan goes on; an unclosed quote at the
 * end of the file is reported. Blank lines are skipped.
 */
import { decodeUtf8, type SubmittedFile } from '../../../platform/files.ts';

export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvBadRow {
  line: number;
  reason: string;
}

export interface CsvBatch {
  rows: CsvRow[];
  bad: CsvBadRow[];
}

const SLICE_BYTES = 8 << 20;
const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** The file as text, in slices (a string is one slice; a Buffer is decoded strictly). */
function* textSlices(file: SubmittedFile): Generator<string> {
  if (typeof file.content === 'string') {
    yield file.content.replace(/^\uFEFF/, '');
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const buf = file.content;
  for (let at = 0; at < buf.length; at += SLICE_BYTES) {
    const end = Math.min(buf.length, at + SLICE_BYTES);
    try {
      yield decoder.decode(buf.subarray(at, end), { stream: end < buf.length });
    } catch {
      decodeUtf8(file); // throws the ValidationError naming the line of the bad byte
      throw new Error('unreachable: the decoder refused a slice the whole-file decode accepted');
    }
  }
}

type Parsed = { cells: string[]; next: number; lines: number } | { reason: string; next: number; lines: number } | undefined;

/** Parses one quoted record from `start`; undefined when the text ends before the record does. */
function parseQuotedRecord(text: string, start: number, atEnd: boolean): Parsed {
  const cells: string[] = [];
  let i = start;
  let lines = 0;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0)
          return atEnd
            ? { reason: 'a quoted cell is not closed before the end of the file', next: text.length, lines }
            : undefined;
        if (q + 1 >= text.length && !atEnd) return undefined; // an escaped quote may straddle two slices
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      lines += countNewlines(value);
      cells.push(value);
    } else {
      let j = i;
      while (j < text.length) {
        const c = text.charCodeAt(j);
        if (c === COMMA || c === LF || (c === CR && text.charCodeAt(j + 1) === LF)) break;
        if (c === QUOTE) return skipBadRecord(text, j, lines, 'a quote (") inside a cell must be in a quoted cell, doubled ("")');
        j++;
      }
      if (j >= text.length && !atEnd) return undefined;
      cells.push(text.slice(i, j));
      i = j;
    }
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i++;
      continue;
    }
    if (i >= text.length) return atEnd ? { cells, next: i, lines } : undefined;
    if (c === LF) return { cells, next: i + 1, lines: lines + 1 };
    if (c === CR && text.charCodeAt(i + 1) === LF) return { cells, next: i + 2, lines: lines + 1 };
    if (c === CR && i + 1 >= text.length && !atEnd) return undefined;
    return skipBadRecord(
      text,
      i,
      lines,
      'text follows a closing quote; a quoted cell must end at a comma or the end of the line',
    );
  }
}

function skipBadRecord(text: string, from: number, lines: number, reason: string): Parsed {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? { reason, next: text.length, lines } : { reason, next: nl + 1, lines: lines + 1 };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let at = s.indexOf('\n'); at >= 0; at = s.indexOf('\n', at + 1)) n++;
  return n;
}

/** Every record (the header too), in batches of up to `batchSize`. */
export function* csvBatches(file: SubmittedFile, batchSize = 10_000): Generator<CsvBatch> {
  let batch: CsvBatch = { rows: [], bad: [] };
  let carry = '';
  let line = 1;
  const slices = textSlices(file);
  for (let next = slices.next(); ;) {
    const atEnd = next.done === true;
    const text = atEnd ? carry : carry + next.value;
    let pos = 0;
    let quote = -1; // the next quote at or after pos (-1: look again; text.length: none left)
    while (pos < text.length) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0 && !atEnd) break;
      const stop = nl < 0 ? text.length : nl;
      const end = stop > pos && text.charCodeAt(stop - 1) === CR ? stop - 1 : stop;
      if (quote < pos) quote = text.indexOf('"', pos) < 0 ? text.length : text.indexOf('"', pos);
      if (quote >= end) {
        if (end > pos) batch.rows.push({ line, cells: text.slice(pos, end).split(',') });
        line++;
        pos = stop + 1;
      } else {
        const parsed = parseQuotedRecord(text, pos, atEnd);
        if (!parsed) break;
        if ('cells' in parsed) batch.rows.push({ line, cells: parsed.cells });
        else batch.bad.push({ line, reason: parsed.reason });
        line += parsed.lines;
        pos = parsed.next;
      }
      if (batch.rows.length + batch.bad.length >= batchSize) {
        yield batch;
        batch = { rows: [], bad: [] };
      }
    }
    carry = text.slice(pos);
    if (atEnd) break;
    next = slices.next();
  }
  if (batch.rows.length + batch.bad.length > 0) yield batch;
}

/** Lines in the file (a fast upper bound on its records, for progress). */
export function countLines(file: SubmittedFile): number {
  const content = file.content;
  let n = 0;
  if (typeof content === 'string') {
    for (let at = content.indexOf('\n'); at >= 0; at = content.indexOf('\n', at + 1)) n++;
  } else {
    for (let at = content.indexOf(LF); at >= 0; at = content.indexOf(LF, at + 1)) n++;
  }
  const last = typeof content === 'string' ? content.charCodeAt(content.length - 1) : content[content.length - 1];
  return content.length > 0 && last !== LF ? n + 1 : n;
}

/** The header record (trimmed names), or undefined for an empty file. */
export function readCsvHeader(file: SubmittedFile): string[] | undefined {
  const content = file.content;
  const lf = typeof content === 'string' ? content.indexOf('\n') : content.indexOf(LF);
  const stop = lf < 0 ? content.length : lf;
  const head = typeof content === 'string' ? content.slice(0, stop) : content.subarray(0, stop);
  const first = csvBatches({ name: file.name, content: head }, 1).next();
  if (first.done) return undefined;
  return first.value.rows[0]?.cells.map((c) => c.trim());
}
