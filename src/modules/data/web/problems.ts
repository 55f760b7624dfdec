/** A refusal from a service (a ValidationError, ConflictError, NotFoundError) shown on the form that caused it. */
import type { DomainError } from '../../../platform/errors.ts';
import { type FormErrors, formErrors } from '../../../platform/web/index.ts';

/**
 * The error summary and field messages for a service's refusal: each problem against the form field
 * it names (`fieldIds` maps the service's field names to the form's ids), or else `fallbackField`.
 */
export function refusalErrors(error: DomainError, fieldIds: Record<string, string>, fallbackField: string): FormErrors {
  const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
  if (error.details.length <= 1) {
    const field = error.details[0]?.field;
    return formErrors([{ field: (field && fieldIds[field]) || fallbackField, text: sentence(error.message) }]);
  }
  return formErrors(
    error.details.map((d) => ({
      field: (d.field && fieldIds[d.field]) || fallbackField,
      text: sentence(`${error.message}: ${d.reason}`),
    })),
  );
}
