/**
 * The partnership forms: forming one (id, name, description, the date it was formed, its member
 * councils) and changing its members (councils joining, councils leaving, and why).
 */
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS, sentText } from '../../../../../platform/web/index.ts';
import type { CouncilName } from '../assurance-common/councils.ts';
import { boxesOf, dateBoxes, type DateBoxes } from '../assurance-common/dates.ts';
import { sentList } from '../assurance-common/fields.ts';
import type { FieldMap } from '../assurance-common/form-problems.ts';
import { assuranceUrls } from '../urls.ts';

export const PARTNERSHIP_FIELDS: FieldMap = {
  id: { id: 'id', label: 'Partnership id' },
  name: { id: 'name', label: 'Name' },
  description: { id: 'description', label: 'Description' },
  formedOn: { id: 'formedOn', label: 'Formed on' },
  memberBodyIds: { id: 'memberBodyIds', label: 'Member councils' },
};

export const MEMBERS_FIELDS: FieldMap = {
  add: { id: 'add', label: 'Councils joining' },
  remove: { id: 'remove', label: 'Councils leaving' },
  reason: { id: 'reason', label: 'Why' },
};

export interface PartnershipSent {
  id: string;
  name: string;
  description: string;
  formedOn: DateBoxes;
  memberBodyIds: string;
}

export const partnershipSent = (body: unknown): PartnershipSent => ({
  id: sentText(body, 'id').trim(),
  name: sentText(body, 'name'),
  description: sentText(body, 'description'),
  formedOn: dateBoxes(body, 'formedOn'),
  memberBodyIds: sentText(body, 'memberBodyIds'),
});

export const NO_PARTNERSHIP_SENT: PartnershipSent = {
  id: '',
  name: '',
  description: '',
  formedOn: boxesOf(null),
  memberBodyIds: '',
};

interface FormBase {
  pageTitle: string;
  action: string;
  backHref: string;
  csrfToken: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  /** every council's name and id, for the text box of ids */
  councils: CouncilName[];
}

export interface PartnershipFormView extends FormBase {
  sent: PartnershipSent;
}

export function partnershipFormView(opts: {
  councils: readonly CouncilName[];
  csrfToken: string;
  sent: PartnershipSent;
  errors?: FormErrors;
}): PartnershipFormView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  return {
    pageTitle: 'Form an improvement partnership',
    action: assuranceUrls.newPartnership(),
    backHref: assuranceUrls.partnerships(),
    csrfToken: opts.csrfToken,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    councils: [...opts.councils],
    sent: opts.sent,
  };
}

export interface MembersSent {
  add: string;
  remove: string[];
  reason: string;
}

export const membersSent = (body: unknown): MembersSent => ({
  add: sentText(body, 'add'),
  remove: sentList(body, 'remove'),
  reason: sentText(body, 'reason'),
});

export interface MembersFormView extends FormBase {
  partnershipName: string;
  members: { value: string; text: string; checked: boolean }[];
  sent: MembersSent;
}

export function membersFormView(opts: {
  partnership: { id: string; name: string; members: { bodyId: string; name: string; leftAt: string | null }[] };
  councils: readonly CouncilName[];
  csrfToken: string;
  sent?: MembersSent;
  errors?: FormErrors;
}): MembersFormView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const sent = opts.sent ?? { add: '', remove: [], reason: '' };
  const { partnership } = opts;
  const current = new Set(partnership.members.filter((m) => m.leftAt === null).map((m) => m.bodyId));
  return {
    pageTitle: 'Change the members',
    partnershipName: partnership.name,
    action: assuranceUrls.partnershipMembers(partnership.id),
    backHref: assuranceUrls.partnership(partnership.id),
    csrfToken: opts.csrfToken,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    councils: opts.councils.filter((c) => !current.has(c.id)),
    members: partnership.members
      .filter((m) => m.leftAt === null)
      .map((m) => ({ value: m.bodyId, text: m.name, checked: sent.remove.includes(m.bodyId) })),
    sent,
  };
}
