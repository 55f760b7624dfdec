/**
 * The role, body and area fields of the invitation and grant forms, the choices they offer, and a
 * service's refusal (ValidationError or ConflictError) as the form's error summary.
 */
import { z } from 'zod';
import type { ConflictError, ValidationError } from '../../../../platform/errors.ts';
import type { Body } from '../../../bodies/index.ts';
import { ROLE_SCOPES, ROLES, type Role } from '../../roles.ts';
import { type FormErrors, formErrors } from '../forms.ts';
import { capitalised, roleInWords } from '../words.ts';

export const CHOOSE_ROLE = 'Choose a role from the list';

/** The fields as sent; the service checks that the role may be held where it is asked for (checkGrantScope). */
export const grantFields = {
  role: z.string({ error: CHOOSE_ROLE }).max(64, CHOOSE_ROLE).default(''),
  bodyId: z.string({ error: 'Choose a body from the list' }).max(200, 'Choose a body from the list').default(''),
  areaCode: z.string({ error: 'Enter one area code' }).trim().max(32, 'Area code must be 32 characters or fewer').default(''),
};

export interface SelectItem {
  value: string;
  text: string;
  selected?: boolean;
}

/** Where a role is held, for the role's choice in the list. */
function scopeInWords(role: Role): string {
  const { body, area } = ROLE_SCOPES[role];
  if (body === 'council') return area === 'optional' ? 'of a council, for a ward if given' : 'of a council';
  if (body === 'not_council') return 'of a partner body';
  return area === 'optional' ? 'for an area if given' : 'everywhere';
}

/** The roles, the first choice being `none` ("No role yet", "Choose a role"). */
export function roleItems(selected: string, none: string): SelectItem[] {
  return [
    { value: '', text: none, selected: selected === '' },
    ...ROLES.map((r) => ({ value: r, text: `${roleInWords(r)} (${scopeInWords(r)})`, selected: r === selected })),
  ];
}

const KIND_WORDS: Record<string, string> = {
  council: 'council',
  partner: 'partner',
  lsp: 'Local Strategic Partnership',
  neighbourhood_body: 'neighbourhood body',
  parish: 'parish',
};

/** Bodies, councils first then by kind and name, each saying its kind; the first choice is none. */
export function bodyItems(bodies: readonly Body[], selected: string, none: string): SelectItem[] {
  const order = (b: Body) => (b.kind === 'council' ? 0 : 1);
  const sorted = [...bodies].sort((a, b) => order(a) - order(b) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
  return [
    { value: '', text: none, selected: selected === '' },
    ...sorted.map((b) => ({ value: b.id, text: `${b.name} (${KIND_WORDS[b.kind] ?? b.kind})`, selected: b.id === selected })),
  ];
}

const FIELD_LABELS: Record<string, string> = {
  email: 'Email address',
  displayName: 'Name',
  name: 'Name',
  role: 'Role',
  bodyId: 'Body',
  areaCode: 'Area code',
};

/** A problem's reason as a sentence: "Email address is already used…", "A performance officer is held for a body…". */
export function problemText(field: string, reason: string): string {
  if (/^(a|an|enter|choose) /i.test(reason)) return capitalised(reason);
  return `${FIELD_LABELS[field] ?? 'This'} ${reason}`;
}

/**
 * A service's refusal as form errors on `fields` (a grant's fields come back as `grants[0].role`);
 * a problem with no field of the form goes on `fallback`. A conflict says it in its own message.
 */
export function refusalErrors(error: ValidationError | ConflictError, fields: readonly string[], fallback: string): FormErrors {
  const fieldOf = (name: string | undefined) => {
    const field = (name ?? '').replace(/^grants\[\d+\]\./, '');
    return fields.includes(field) ? field : fallback;
  };
  if (error.code === 'conflict' || error.details.length === 0)
    return formErrors([{ field: fieldOf(error.details[0]?.field), text: error.message }]);
  return formErrors(error.details.map((d) => ({ field: fieldOf(d.field), text: problemText(fieldOf(d.field), d.reason) })));
}
