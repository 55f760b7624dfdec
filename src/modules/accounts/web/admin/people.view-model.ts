/** The administrators' list of people (with search and pages) and the invitation form. */
import { pageCountOf, paginationFor, type PaginationView } from '../../../../platform/web/index.ts';
import type { Body } from '../../../bodies/index.ts';
import type { Person } from '../../accounts.types.ts';
import type { PersonWithRoles } from '../../people-directory.service.ts';
import { auditUrls } from '../audit/urls.ts';
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS } from '../forms.ts';
import { instantInWords, roleInWords, whereHeld } from '../words.ts';
import { bodyItems, roleItems, type SelectItem } from './grant-fields.ts';
import { adminUrls } from './urls.ts';

export const PEOPLE_PER_PAGE = 50;

/** "Active", "Invited: has not chosen a password yet", "Disabled on …", "Locked until …". */
export function personStatus(p: Person, now: Date): string {
  if (p.disabledAt) return `Disabled on ${instantInWords(p.disabledAt)}`;
  if (!p.hasPassword) return 'Invited: has not chosen a password yet';
  if (p.lockedUntil && p.lockedUntil > now.toISOString()) return `Locked until ${instantInWords(p.lockedUntil)}`;
  return 'Active';
}

export interface PersonRowView {
  name: string;
  href: string;
  email: string;
  status: string;
  roles: string[];
}

export interface PeoplePageView {
  pageTitle: string;
  q: string;
  searchAction: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  /** "Showing 51 to 100 of 120 people", or how many match */
  countText: string;
  people: PersonRowView[];
  pagination: PaginationView | undefined;
  inviteUrl: string;
  tokensUrl: string;
  auditUrl: string;
}

export function peoplePageView(opts: {
  q: string;
  page: number;
  result: { items: PersonWithRoles[]; total: number };
  bodyNames: ReadonlyMap<string, string>;
  now: Date;
  errors?: FormErrors;
}): PeoplePageView {
  const { q, page, result } = opts;
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const first = (page - 1) * PEOPLE_PER_PAGE + 1;
  const noun = result.total === 1 ? 'person' : 'people';
  const countText =
    result.total === 0
      ? q
        ? `Nobody matches ‘${q}’`
        : 'Nobody has been added yet'
      : result.total > PEOPLE_PER_PAGE
        ? `Showing ${first} to ${Math.min(first + PEOPLE_PER_PAGE - 1, result.total)} of ${result.total} ${noun}`
        : `${result.total} ${noun}${q ? ` match ‘${q}’` : ''}`;
  return {
    pageTitle: 'People',
    q,
    searchAction: adminUrls.people(),
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    countText,
    people: result.items.map(({ person, grants }) => ({
      name: person.displayName,
      href: adminUrls.person(person.id),
      email: person.email,
      status: personStatus(person, opts.now),
      roles: grants.map((g) => `${roleInWords(g.role)}, ${whereHeld(g, opts.bodyNames)}`),
    })),
    pagination: paginationFor(page, pageCountOf(result.total, PEOPLE_PER_PAGE), (n) =>
      adminUrls.people({ ...(q ? { q } : {}), page: n }),
    ),
    inviteUrl: adminUrls.invite(),
    tokensUrl: adminUrls.chooseTokensBody(),
    auditUrl: auditUrls.log(),
  };
}

export interface InviteForm {
  email: string;
  displayName: string;
  role: string;
  bodyId: string;
  areaCode: string;
}

export const EMPTY_INVITE: InviteForm = { email: '', displayName: '', role: '', bodyId: '', areaCode: '' };

export interface InvitePageView {
  pageTitle: string;
  action: string;
  form: InviteForm;
  roleItems: SelectItem[];
  bodyItems: SelectItem[];
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  csrfToken: string;
  backUrl: string;
}

export function invitePageView(opts: {
  form: InviteForm;
  bodies: readonly Body[];
  csrfToken: string;
  errors?: FormErrors;
}): InvitePageView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  return {
    pageTitle: 'Invite someone',
    action: adminUrls.invite(),
    form: opts.form,
    roleItems: roleItems(opts.form.role, 'No role yet'),
    bodyItems: bodyItems(opts.bodies, opts.form.bodyId, 'None (for a role held everywhere)'),
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    csrfToken: opts.csrfToken,
    backUrl: adminUrls.people(),
  };
}
