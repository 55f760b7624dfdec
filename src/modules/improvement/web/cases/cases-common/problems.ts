/**
 * What is wrong with a case form, field by field: the problems a service reports (each with its field,
 * the value given and the reason) put against the form's own fields, in words that name them.
 */
import type { DomainError, ProblemDetail } from '../../../../../platform/errors.ts';
import { type FormErrors, formErrors } from '../../../../../platform/web/index.ts';

/** A form field: its id (the error summary links to it) and the words a person knows it by. */
export interface FieldName {
  id: string;
  label: string;
}

const valueText = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

export const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** "Periods off track: “0” must be a whole number from 1 to 12." */
export function problemText(detail: ProblemDetail, name: FieldName | undefined): string {
  const label = name?.label ?? detail.field ?? 'The form';
  const value = valueText(detail.value);
  return sentence(value === '' ? `${label} ${detail.reason}` : `${label}: “${value}” ${detail.reason}`);
}

/** The summary and field messages for a service's refusal; a problem without a known field, or the refusal's own message, goes against `fallback`. */
export function serviceErrors(
  error: DomainError,
  fieldOf: (field: string | undefined) => FieldName | undefined,
  fallback: string,
): FormErrors {
  if (error.details.length === 0) return formErrors([{ field: fallback, text: sentence(error.message) }]);
  return formErrors(
    error.details.map((d) => {
      const name = fieldOf(d.field);
      return { field: name?.id ?? fallback, text: problemText(d, name) };
    }),
  );
}
