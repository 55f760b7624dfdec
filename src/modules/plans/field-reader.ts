/** Reading the fields of one input object, each problem recorded with its place, field and value. */
import type { ProblemDetail } from '../../platform/errors.ts';
import { problemAt, type Place } from './plan-input.ts';
import { checkDate } from './versions.ts';

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export class FieldReader {
  constructor(
    readonly input: Record<string, unknown>,
    readonly place: Place,
    readonly problems: ProblemDetail[],
  ) {}

  report(field: string, value: unknown, reason: string): void {
    this.problems.push(problemAt(this.place, field, value, reason));
  }

  has(field: string): boolean {
    return !blank(this.input[field]);
  }

  /** Text, trimmed; null when absent or blank (a problem when required). */
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

  /** A finite number (a number, or text that is one). */
  number(field: string, opts: { required?: boolean; min?: number; max?: number; integer?: boolean } = {}): number | null {
    return this.numberFrom(field, this.input[field], opts);
  }

  numberFrom(
    field: string,
    v: unknown,
    opts: { required?: boolean; min?: number; max?: number; integer?: boolean } = {},
  ): number | null {
    if (blank(v)) {
      if (opts.required) this.report(field, v ?? '', 'is required');
      return null;
    }
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim().replace(/,/g, '')) : Number.NaN;
    if (!Number.isFinite(n)) {
      this.report(field, v, 'must be a number');
      return null;
    }
    if (opts.integer && !Number.isInteger(n)) this.report(field, v, 'must be a whole number');
    else if (opts.min !== undefined && n < opts.min) this.report(field, v, `must be at least ${opts.min}`);
    else if (opts.max !== undefined && n > opts.max) this.report(field, v, `must be at most ${opts.max}`);
    else return n;
    return null;
  }

  oneOf<T extends string>(field: string, values: readonly T[], fallback: T | null): T | null {
    const v = this.input[field];
    if (blank(v)) {
      if (fallback === null) this.report(field, v ?? '', `is required: one of ${values.join(', ')}`);
      return fallback;
    }
    const text = typeof v === 'string' ? v.trim() : v;
    if ((values as readonly unknown[]).includes(text)) return text as T;
    this.report(field, v, `must be one of ${values.join(', ')}`);
    return null;
  }

  bool(field: string): boolean | null {
    const v = this.input[field];
    if (blank(v)) return false;
    if (typeof v === 'boolean') return v;
    if (typeof v === 'string' && /^(true|yes|1)$/i.test(v.trim())) return true;
    if (typeof v === 'string' && /^(false|no|0)$/i.test(v.trim())) return false;
    this.report(field, v, 'must be true or false');
    return null;
  }

  date(field: string, opts: { required?: boolean } = {}): string | null {
    return this.dateFrom(field, this.input[field], opts);
  }

  dateFrom(field: string, v: unknown, opts: { required?: boolean } = {}): string | null {
    if (blank(v)) {
      if (opts.required) this.report(field, v ?? '', 'is required: a date written YYYY-MM-DD');
      return null;
    }
    try {
      return checkDate(String(v).trim(), field);
    } catch {
      this.report(field, v, 'is not a date written YYYY-MM-DD');
      return null;
    }
  }

  /** A list: an array as given, or text split at semicolons (CSV). */
  list(field: string): unknown[] {
    const v = this.input[field];
    if (blank(v)) return [];
    if (Array.isArray(v)) return v;
    if (typeof v === 'string')
      return v
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    this.report(field, v, 'must be a list');
    return [];
  }

  /** An object (a JSON object), or null when absent. */
  object(field: string): Record<string, unknown> | null {
    const v = this.input[field];
    if (v === undefined || v === null) return null;
    if (typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    this.report(field, v, 'must be an object');
    return null;
  }

  /** Fields the input may not have: each one a problem, so that a misspelt field is not silently ignored. */
  refuseOthers(allowed: readonly string[]): void {
    for (const field of Object.keys(this.input)) {
      if (!allowed.includes(field) && this.input[field] !== undefined)
        this.report(field, this.input[field], 'is not a field of this kind of item');
    }
  }
}
