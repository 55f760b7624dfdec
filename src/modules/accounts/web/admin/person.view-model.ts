/** One person for administrators: details, roles held and revoked, the grant form, and the confirmation pages. */
import type { Body } from '../../../bodies/index.ts';
import type { RoleGrant } from '../../accounts.types.ts';
import type { PersonRecord } from '../../people-directory.service.ts';
import { roleWithArticle } from '../../roles.ts';
import { auditUrls } from '../audit/urls.ts';
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS } from '../forms.ts';
import { instantInWords, roleInWords, whereHeld } from '../words.ts';
import { bodyItems, roleItems, type SelectItem } from './grant-fields.ts';
import { personStatus } from './people.view-model.ts';
import { adminUrls, type PersonNotice } from './urls.ts';

export interface GrantForm {
  role: string;
  bodyId: string;
  areaCode: string;
}

export const EMPTY_GRANT: GrantForm = { role: '', bodyId: '', areaCode: '' };

export interface GrantRowView {
  role: string;
  where: string;
  /** "1 June 2025 at 09:00 UTC, by Ada Admin" */
  granted: string;
  revoked: string | undefined;
  revokeUrl: string | undefined;
}

export interface PersonPageView {
  pageTitle: string;
  notice: string | undefined;
  details: { key: { text: string }; value: { text: string } }[];
  held: GrantRowView[];
  revoked: GrantRowView[];
  grantAction: string;
  form: GrantForm;
  roleItems: SelectItem[];
  bodyItems: SelectItem[];
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  csrfToken: string;
  /** absent once the person is disabled */
  disableUrl: string | undefined;
  auditUrl: string;
  backUrl: string;
}

const NOTICES: Record<PersonNotice, (name: string, email: string) => string> = {
  invited: (_name, email) => `Invitation sent to ${email}. Its link works once, for 7 days.`,
  granted: (name) => `${name} has a new role.`,
  revoked: (name) => `The role has been revoked: ${name} no longer holds it.`,
  disabled: (name) => `${name} has been disabled. They can no longer sign in, and their open sessions have ended.`,
};

export function isPersonNotice(value: unknown): value is PersonNotice {
  return typeof value === 'string' && Object.hasOwn(NOTICES, value);
}

function when(at: string, byId: string | null, names: Record<string, string>): string {
  const by = byId === null ? 'from the command line' : `by ${names[byId] ?? 'someone no longer recorded'}`;
  return `${instantInWords(at)}, ${by}`;
}

function grantRow(personId: string, g: RoleGrant, record: PersonRecord, bodyNames: ReadonlyMap<string, string>): GrantRowView {
  return {
    role: roleInWords(g.role),
    where: whereHeld(g, bodyNames),
    granted: when(g.grantedAt, g.grantedBy, record.names),
    revoked: g.revokedAt === null ? undefined : when(g.revokedAt, g.revokedBy, record.names),
    revokeUrl: g.revokedAt === null ? adminUrls.revokeGrant(personId, g.id) : undefined,
  };
}

export function personPageView(opts: {
  record: PersonRecord;
  bodies: readonly Body[];
  bodyNames: ReadonlyMap<string, string>;
  now: Date;
  csrfToken: string;
  notice?: PersonNotice | undefined;
  form?: GrantForm;
  errors?: FormErrors;
}): PersonPageView {
  const { record } = opts;
  const { person } = record;
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const form = opts.form ?? EMPTY_GRANT;
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  return {
    pageTitle: person.displayName,
    notice: opts.notice ? NOTICES[opts.notice](person.displayName, person.email) : undefined,
    details: [
      row('Email address', person.email),
      row('Status', personStatus(person, opts.now)),
      row('Added', instantInWords(person.createdAt)),
    ],
    held: record.grants.filter((g) => g.revokedAt === null).map((g) => grantRow(person.id, g, record, opts.bodyNames)),
    revoked: record.grants.filter((g) => g.revokedAt !== null).map((g) => grantRow(person.id, g, record, opts.bodyNames)),
    grantAction: adminUrls.grant(person.id),
    form,
    roleItems: roleItems(form.role, 'Choose a role'),
    bodyItems: bodyItems(opts.bodies, form.bodyId, 'None (for a role held everywhere)'),
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    csrfToken: opts.csrfToken,
    disableUrl: person.disabledAt === null ? adminUrls.disable(person.id) : undefined,
    auditUrl: auditUrls.log({ person: person.email }),
    backUrl: adminUrls.people(),
  };
}

/** A page asking to confirm a change that cannot be undone from here. */
export interface ConfirmPageView {
  pageTitle: string;
  lines: string[];
  action: string;
  buttonText: string;
  cancelUrl: string;
  csrfToken: string;
  errorSummary: ErrorSummaryItem[];
}

export function revokeGrantPageView(opts: {
  name: string;
  personId: string;
  grant: RoleGrant;
  bodyNames: ReadonlyMap<string, string>;
  csrfToken: string;
  errors?: FormErrors;
}): ConfirmPageView {
  const { grant } = opts;
  const where = grant.bodyId === null && grant.areaCode === null ? '' : ` (${whereHeld(grant, opts.bodyNames)})`;
  return {
    pageTitle: `Revoke ${opts.name}’s role?`,
    lines: [
      `${opts.name} will no longer be ${roleWithArticle(grant.role)}${where}.`,
      'The grant is kept in their history and in the audit log. You can give the role again later.',
    ],
    action: adminUrls.revokeGrant(opts.personId, grant.id),
    buttonText: 'Revoke role',
    cancelUrl: adminUrls.person(opts.personId),
    csrfToken: opts.csrfToken,
    errorSummary: (opts.errors ?? NO_FORM_ERRORS).summary,
  };
}

export function disablePageView(opts: {
  name: string;
  personId: string;
  csrfToken: string;
  errors?: FormErrors;
}): ConfirmPageView {
  return {
    pageTitle: `Disable ${opts.name}?`,
    lines: [
      `${opts.name} will no longer be able to sign in, and every session they have open ends now.`,
      'Their roles and their history stay, for the record.',
    ],
    action: adminUrls.disable(opts.personId),
    buttonText: 'Disable',
    cancelUrl: adminUrls.person(opts.personId),
    csrfToken: opts.csrfToken,
    errorSummary: (opts.errors ?? NO_FORM_ERRORS).summary,
  };
}
