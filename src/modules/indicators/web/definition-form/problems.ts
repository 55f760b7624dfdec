/**
 * A definition the services refused (a code that clashes with another, an alias another indicator
 * uses, a rule the form did not know of) shown on the form: each problem beside its field.
 */
import type { ProblemDetail } from '../../../../platform/errors.ts';
import { type FormErrors, formErrors } from '../../../../platform/web/index.ts';
import { type DefinitionField, FIELD_NAMES, isDefinitionField } from '../words.ts';

/** The form field a service's problem is about: "aliases[1].scheme" → aliases; the target range → its low end. */
export function formFieldOf(path: string | undefined, fallback: DefinitionField): DefinitionField {
  const root = (path ?? '').split(/[.[]/)[0] ?? '';
  if (root === 'targetRange') return 'targetRangeLow';
  return isDefinitionField(root) ? root : fallback;
}

function problemText(field: DefinitionField, p: ProblemDetail): string {
  if (field === 'aliases' && typeof p.value === 'string') return `Other code “${p.value}”: ${p.reason}`;
  return `${FIELD_NAMES[field]}: ${p.reason}`;
}

/** `fallback`: the field a problem naming none of the form's fields is shown beside. */
export function serviceProblems(details: readonly ProblemDetail[], fallback: DefinitionField): FormErrors {
  const order = Object.keys(FIELD_NAMES);
  const problems = details.map((p) => {
    const field = formFieldOf(p.field, fallback);
    return { field, text: problemText(field, p) };
  });
  return formErrors(problems.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field)));
}
