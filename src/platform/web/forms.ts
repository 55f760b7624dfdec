/**
 * Forms on pages: reading a form body with zod, and the GOV.UK error summary and field messages a
 * form is shown again with (status 400) when something is wrong.
 */
import type { z } from 'zod';

export interface ErrorSummaryItem {
  text: string;
  /** the field's id, so the summary's link moves focus to it */
  href: string;
}

export interface FormErrors {
  summary: ErrorSummaryItem[];
  /** each field's message, for a govuk macro's errorMessage */
  fields: Record<string, { text: string }>;
}

export const NO_FORM_ERRORS: FormErrors = { summary: [], fields: {} };

/** Errors from (field, message) pairs, the first message per field, in the order given. */
export function formErrors(problems: readonly { field: string; text: string }[]): FormErrors {
  const errors: FormErrors = { summary: [], fields: {} };
  for (const { field, text } of problems) {
    if (errors.fields[field]) continue;
    errors.fields[field] = { text };
    errors.summary.push({ text, href: `#${field}` });
  }
  return errors;
}

/** The body of a form as named fields (an empty one for anything else). */
export function formFields(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

/** Checks a form body against its schema; each issue names its field by the first part of its path. */
export function readForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const parsed = schema.safeParse(formFields(body));
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: formErrors(parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), text: issue.message }))),
  };
}

/** A text field as it was sent, to show it again. */
export function sentText(body: unknown, field: string): string {
  const value = formFields(body)[field];
  return typeof value === 'string' ? value : '';
}
