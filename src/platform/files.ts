/**
 * Reading submitted files: strict UTF-8, CSV with line numbers, JSON with a clear error.
 * Every problem is a ValidationError naming the line (and column where known).
 */
import { parse } from 'csv-parse/sync';
import { ValidationError } from './errors.ts';
import { jsonErrorOffset } from './json-error.ts';

export interface SubmittedFile {
  /** the file name as given (shown in messages only; never used as a path) */
  name: string;
  content: Buffer | string;
}

export interface CsvRecord {
  /** 1-based line number of the record in the file (the header is line 1) */
  line: number;
  values: Record<string, string>;
}

export interface CsvTable {
  columns: string[];
  records: CsvRecord[];
}

/** Decode as UTF-8, refusing malformed bytes; strips a byte-order mark. */
export function decodeUtf8(file: SubmittedFile): string {
  if (typeof file.content === 'string') return file.content.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file.content).replace(/^\uFEFF/, '');
  } catch {
    const offset = firstInvalidUtf8Offset(file.content);
    const line = file.content.subarray(0, offset).toString('latin1').split('\n').length;
    const utf16 = isUtf16ByteOrderMark(file.content);
    throw new ValidationError(`${file.name} is not valid UTF-8 text`, [
      {
        line,
        reason: utf16
          ? 'the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 and try again'
          : `invalid UTF-8 byte sequence at byte ${offset}; save the file as UTF-8 and try again`,
      },
    ]);
  }
}

function isUtf16ByteOrderMark(buf: Buffer): boolean {
  return (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff);
}

/** How many bytes a sequence starting with this lead byte has (1 for anything that cannot lead one). */
function sequenceLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

const isContinuation = (byte: number) => (byte & 0xc0) === 0x80;

/**
 * The offset of the first byte of the first ill-formed sequence: the lead byte of a sequence cut
 * short or continued wrongly (`é` saved as Latin-1), or a continuation byte with no lead.
 */
function firstInvalidUtf8Offset(buf: Buffer): number {
  const fails = (n: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, n), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  // The shortest failing prefix (failing is monotonic in the prefix length); a sequence cut short by
  // the end of the file fails no prefix, so the whole file stands for it.
  let lo = 0;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fails(mid)) hi = mid;
    else lo = mid + 1;
  }
  const last = Math.max(0, lo - 1);
  // The byte that made the prefix fail may be the one after an unfinished sequence: report its lead.
  let lead = last - 1;
  while (lead >= 0 && lead > last - 4 && isContinuation(buf[lead]!)) lead--;
  if (lead >= 0 && lead > last - 4 && buf[lead]! >= 0xc0 && lead + sequenceLength(buf[lead]!) > last) return lead;
  return last;
}

export function readCsv(file: SubmittedFile, requiredColumns: readonly string[] = []): CsvTable {
  const text = decodeUtf8(file);
  if (text.trim() === '') throw new ValidationError(`${file.name} is empty`, [{ line: 1, reason: 'the file has no header row' }]);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { info: true, relax_quotes: false, skip_empty_lines: true, trim: false }) as unknown as typeof rows;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new ValidationError(`${file.name} is not well-formed CSV`, [
      { line: err.lines, reason: err.message.replace(/^Invalid .*?: /, '') },
    ]);
  }
  const header = rows[0];
  if (!header) throw new ValidationError(`${file.name} is empty`, [{ line: 1, reason: 'the file has no header row' }]);
  const columns = header.record.map((c) => c.trim());
  const missing = requiredColumns.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new ValidationError(
      `${file.name} is missing required columns`,
      missing.map((c) => ({ line: 1, field: c, reason: 'required column is missing from the header' })),
    );
  }
  const records: CsvRecord[] = [];
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const values: Record<string, string> = {};
    columns.forEach((c, j) => {
      values[c] = row.record[j] ?? '';
    });
    records.push({ line: row.info.lines, values });
  }
  return { columns, records };
}

export function readJson(file: SubmittedFile): unknown {
  const text = decodeUtf8(file);
  try {
    return JSON.parse(text);
  } catch (e) {
    const offset = jsonErrorOffset(text);
    const before = text.slice(0, Math.max(0, offset));
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const reason = `${(e as Error).message.split('\n')[0]!.replace(/, ".*$/, '')} at line ${line}, character ${column}`;
    throw new ValidationError(`${file.name} is not valid JSON`, [{ line, reason }], { cause: e });
  }
}

/** Looks like JSON (by name or first character) rather than CSV. */
export function isJsonFile(file: SubmittedFile): boolean {
  if (/\.json$|\.geojson$/i.test(file.name)) return true;
  if (/\.csv$/i.test(file.name)) return false;
  const head = (typeof file.content === 'string' ? file.content : file.content.subarray(0, 64).toString('utf8')).trimStart();
  return head.startsWith('{') || head.startsWith('[');
}
