/**
 * What is wrong with a form, field by field: the problems a service reports (each with its field, the
 * value given and the reason) put against the form's own fields, in words that name them; and the
 * dates forms take as a day, a month and a year.
 */
import type { DomainError, ProblemDetail } from '../errors.ts';
import { type FormErrors, formErrors, sentText } from './forms.ts';

/** A form field: its id (the error summary links to it) and the words a person knows it by. */
export interface FieldName {
  id: string;
  label: string;
}

/** The service's field names (`baseline.period`, `milestones[2]`, `weights.off_target`) put against the form's fields. */
export type FieldMap = Record<string, FieldName>;

/** The form field a service's field belongs to: itself, without its list positions, or its first part. */
export function fieldIn(fields: FieldMap): (field: string | undefined) => FieldName | undefined {
  return (field) => {
    if (!field) return undefined;
    const plain = field.replace(/\[\d+\]/g, '');
    return fields[field] ?? fields[plain] ?? fields[plain.split('.')[0] ?? ''];
  };
}

const valueText = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

/** The text ending as a sentence does. */
export const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** "Baseline period: “May 2020” is not a financial year.", or "Title is required." */
export function problemText(detail: ProblemDetail, name: FieldName | undefined): string {
  const label = name?.label ?? detail.field ?? 'The form';
  const value = valueText(detail.value);
  return sentence(value === '' ? `${label} ${detail.reason}` : `${label}: “${value}” ${detail.reason}`);
}

/**
 * The error summary and field messages for a service's refusal; a problem without a known field, or
 * the refusal's own message when it names none, goes against `fallback`.
 */
export function serviceErrors(
  error: DomainError,
  fields: FieldMap | ((field: string | undefined) => FieldName | undefined),
  fallback: string,
): FormErrors {
  if (error.details.length === 0) return formErrors([{ field: fallback, text: sentence(error.message) }]);
  const fieldOf = typeof fields === 'function' ? fields : fieldIn(fields);
  return formErrors(
    error.details.map((d) => {
      const name = fieldOf(d.field);
      return { field: name?.id ?? fallback, text: problemText(d, name) };
    }),
  );
}

export type DateBoxes = { day: string; month: string; year: string };

/** The three boxes of the date field `prefix` as sent. */
export function dateBoxes(body: unknown, prefix: string): DateBoxes {
  return {
    day: sentText(body, `${prefix}-day`).trim(),
    month: sentText(body, `${prefix}-month`).trim(),
    year: sentText(body, `${prefix}-year`).trim(),
  };
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The three boxes as YYYY-MM-DD, or what is wrong with them naming what was sent. All empty is blank
 * (''), or a problem when the date is required.
 */
export function readDate(
  boxes: DateBoxes,
  name: string,
  opts: { required?: boolean } = {},
): { ok: true; value: string } | { ok: false; text: string } {
  const { day, month, year } = boxes;
  if (day === '' && month === '' && year === '')
    return opts.required ? { ok: false, text: `Enter ${name}` } : { ok: true, value: '' };
  if (day === '' || month === '' || year === '') return { ok: false, text: `Enter ${name} as a day, a month and a year` };
  const iso = `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  const real = /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
  return real && year.length === 4
    ? { ok: true, value: iso }
    : { ok: false, text: `${capital(name)} must be a real date: “${day} ${month} ${year}” is not one` };
}

/** A date's boxes from YYYY-MM-DD, to fill a form with a recorded date. */
export function boxesOf(date: string | null): DateBoxes {
  if (!date) return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The error summary links a date to its first box. */
export function withDateLinks(errors: FormErrors, dateIds: readonly string[]): FormErrors {
  return {
    ...errors,
    summary: errors.summary.map((e) => (dateIds.includes(e.href.slice(1)) ? { ...e, href: `${e.href}-day` } : e)),
  };
}

/** Lines of a text box, trimmed, blanks left out. */
export const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** Codes or ids separated by commas, spaces or lines. */
export const listOf = (text: string): string[] => text.split(/[\s,;]+/).filter((c) => c !== '');
