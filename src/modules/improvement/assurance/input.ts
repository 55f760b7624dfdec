/**
 * Reading the fields of one input object (a form, an API body, an entry of an import file): each
 * problem is recorded with its place (a JSON path such as `partnerships[0].members[2]`), the value given
 * and why it is wrong, so that a refusal lists them all and changes nothing.
 */
import { ValidationError, type ProblemDetail } from '../../../platform/errors.ts';

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Limits on free text, in characters. */
export const MAX_TEXT = { name: 200, short: 2000, long: 10000 } as const;

/** A YYYY-MM-DD date that is a day of the calendar. */
export function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export class InputReader {
  constructor(
    readonly input: Record<string, unknown>,
    readonly problems: ProblemDetail[] = [],
    readonly path = '',
  ) {}

  /** The place of a field: `path.field`, or the field alone at the top. */
  at(field: string): string {
    return this.path ? (field.startsWith('[') ? `${this.path}${field}` : `${this.path}.${field}`) : field;
  }

  report(field: string, value: unknown, reason: string): void {
    this.problems.push({ field: this.at(field), ...(value !== undefined ? { value } : {}), reason });
  }

  text(field: string, opts: { required?: boolean; max: number }): string | null {
    const v = this.input[field];
    if (blank(v)) {
      if (opts.required) this.report(field, v ?? '', 'is required');
      return null;
    }
    if (typeof v !== 'string') {
      this.report(field, v, 'must be text');
      return null;
    }
    const text = v.trim();
    if (text.length > opts.max) {
      this.report(field, `${text.slice(0, 40)}…`, `must be at most ${opts.max} characters`);
      return null;
    }
    return text;
  }

  oneOf<T extends string>(field: string, values: readonly T[]): T | null {
    const v = this.input[field];
    if (blank(v)) {
      this.report(field, v ?? '', `is required: one of ${values.join(', ')}`);
      return null;
    }
    const text = typeof v === 'string' ? v.trim() : v;
    if ((values as readonly unknown[]).includes(text)) return text as T;
    this.report(field, v, `must be one of ${values.join(', ')}`);
    return null;
  }

  date(field: string, opts: { required?: boolean } = {}): string | null {
    const v = this.input[field];
    if (blank(v)) {
      if (opts.required) this.report(field, v ?? '', 'is required: a date written YYYY-MM-DD');
      return null;
    }
    const text = typeof v === 'string' ? v.trim() : '';
    if (!isDate(text)) {
      this.report(field, v, 'is not a date written YYYY-MM-DD');
      return null;
    }
    return text;
  }

  /** A list of texts: an array, or text split at commas, semicolons or new lines (a form). */
  texts(field: string): string[] {
    const v = this.input[field];
    if (blank(v)) return [];
    const items = Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[,;\n]/) : null;
    if (!items) {
      this.report(field, v, 'must be a list');
      return [];
    }
    const out: string[] = [];
    items.forEach((item, i) => {
      if (typeof item !== 'string') this.report(`${field}[${i}]`, item, 'must be text');
      else if (item.trim() !== '') out.push(item.trim());
    });
    return out;
  }

  /** Fields the input may not have, each a problem, so that a misspelt field is not silently ignored. */
  refuseOthers(allowed: readonly string[]): void {
    for (const field of Object.keys(this.input))
      if (!allowed.includes(field) && this.input[field] !== undefined)
        this.report(field, this.input[field], 'is not a field here');
  }
}

/** A refusal listing every problem; nothing was changed. */
export function refusal(what: string, problems: ProblemDetail[]): ValidationError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new ValidationError(`${what}: ${count} found; nothing was changed`, problems);
}

/** The input as an object (a form body or parsed JSON), or a refusal. */
export function objectOf(input: unknown, what: string): Record<string, unknown> {
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) return input as Record<string, unknown>;
  throw refusal(what, [{ value: input, reason: 'must be an object of fields' }]);
}

/** A whole number that can be a row's id (both databases' integer range), so a lookup never fails on it. */
export const isRowId = (n: number): boolean => Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647;
