/**
 * What is wrong with a form, field by field: the problems a service reports (each with its field, the
 * value given and the reason) put against the form's own fields, its message as is when it names none.
 */
import type { DomainError, ProblemDetail } from '../../../../../platform/errors.ts';
import { type FormErrors, formErrors } from '../../../../../platform/web/index.ts';

/** A form field: its id (the error summary links to it) and the words a person knows it by. */
export interface FieldName {
  id: string;
  label: string;
}

export type FieldMap = Record<string, FieldName>;

function fieldOf(field: string | undefined, fields: FieldMap): FieldName | undefined {
  if (!field) return undefined;
  const plain = field.replace(/\[\d+\]/g, '');
  return fields[field] ?? fields[plain] ?? fields[plain.split('.')[0] ?? ''];
}

const valueText = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

export const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** "Weight of targets off track: “-3” must be a number from 0 to 100", or "Reason is required". */
export function problemText(detail: ProblemDetail, name: FieldName | undefined): string {
  const label = name?.label ?? detail.field ?? 'The form';
  const value = valueText(detail.value);
  return sentence(value === '' ? `${label} ${detail.reason}` : `${label}: “${value}” ${detail.reason}`);
}

/** The error summary and field messages for a service's refusal; a problem without a known field goes against `fallback`. */
export function serviceErrors(error: DomainError, fields: FieldMap, fallback: string): FormErrors {
  if (error.details.length === 0) return formErrors([{ field: fallback, text: sentence(error.message) }]);
  return formErrors(
    error.details.map((d) => {
      const name = fieldOf(d.field, fields);
      return { field: name?.id ?? fallback, text: problemText(d, name) };
    }),
  );
}

/** Codes or ids separated by commas, spaces or lines. */
export const listOf = (text: string): string[] => text.split(/[\s,;]+/).filter((c) => c !== '');
