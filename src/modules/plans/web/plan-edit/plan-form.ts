/**
 * The forms of a plan itself: a new plan (its kind, id, owner and area, then the details a draft
 * has), a draft's details, and publishing a draft. Each shows again, filled in as sent, with what is
 * wrong field by field.
 */
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS, sentText } from '../../../../platform/web/index.ts';
import { PLAN_KIND_NAMES, PLAN_KINDS, type PlanView } from '../../index.ts';
import type { OwnerChoice } from '../plan-common/owners.ts';
import { periodLabel } from '../plan-common/figures.ts';
import { planUrls } from '../urls.ts';
import { dateInWords } from '../words.ts';
import { boxesOf, dateBoxes, type DateBoxes, type FieldMap, linesOf } from './form-problems.ts';

/** The service's names for a plan's fields, against the form's. */
export const PLAN_FIELDS: FieldMap = {
  kind: { id: 'kind', label: 'Kind of plan' },
  id: { id: 'id', label: 'Plan id' },
  owner: { id: 'owner', label: 'Owner' },
  area: { id: 'area', label: 'Area code' },
  title: { id: 'title', label: 'Title' },
  vision: { id: 'vision', label: 'Vision or purpose' },
  coversFrom: { id: 'coversFrom', label: 'First year covered' },
  coversTo: { id: 'coversTo', label: 'Last year covered' },
  partners: { id: 'partners', label: 'Partner bodies' },
  disclaimer: { id: 'disclaimer', label: 'Disclaimer' },
  inForceFrom: { id: 'inForceFrom', label: 'In force from' },
  changeNote: { id: 'changeNote', label: 'What changed' },
};

export interface DetailsSent {
  title: string;
  vision: string;
  coversFrom: string;
  coversTo: string;
  partners: string;
  disclaimer: string;
}

export interface NewPlanSent extends DetailsSent {
  kind: string;
  id: string;
  owner: string;
  area: string;
}

const DETAIL_FIELDS = ['title', 'vision', 'coversFrom', 'coversTo', 'partners', 'disclaimer'] as const;

export function detailsSent(body: unknown): DetailsSent {
  return Object.fromEntries(DETAIL_FIELDS.map((f) => [f, sentText(body, f)])) as unknown as DetailsSent;
}

export function newPlanSent(body: unknown): NewPlanSent {
  return {
    ...detailsSent(body),
    kind: sentText(body, 'kind'),
    id: sentText(body, 'id').trim(),
    owner: sentText(body, 'owner'),
    area: sentText(body, 'area').trim(),
  };
}

/** The details as the draft has them. */
export function detailsOf(view: PlanView): DetailsSent {
  const v = view.version;
  return {
    title: v.title,
    vision: v.vision ?? '',
    coversFrom: v.coversFrom ? periodLabel(v.coversFrom) : '',
    coversTo: v.coversTo ? periodLabel(v.coversTo) : '',
    partners: v.partnerBodyIds.join('\n'),
    disclaimer: v.disclaimer ?? '',
  };
}

/** The draft's changes as updateDraft takes them (partners only for an agreement). */
export function detailChanges(sent: DetailsSent, laa: boolean): Record<string, unknown> {
  return {
    title: sent.title,
    vision: sent.vision,
    coversFrom: sent.coversFrom.trim(),
    coversTo: sent.coversTo.trim(),
    disclaimer: sent.disclaimer,
    ...(laa ? { partners: linesOf(sent.partners) } : {}),
  };
}

/** A new plan as createPlan takes it: a draft with no items yet. */
export function newPlanInput(sent: NewPlanSent): Record<string, unknown> {
  return {
    id: sent.id,
    kind: sent.kind,
    owner: sent.owner,
    ...(sent.area !== '' ? { area: sent.area } : {}),
    ...detailChanges(sent, sent.kind === 'laa'),
    items: [],
  };
}

interface FormBase {
  pageTitle: string;
  action: string;
  csrfToken: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  backHref: string;
}

export interface PlanFormView extends FormBase {
  isNew: boolean;
  sent: NewPlanSent;
  kinds: { value: string; text: string; checked: boolean }[];
  owners: { value: string; text: string; selected: boolean }[];
  showPartners: boolean;
}

export function newPlanFormView(opts: {
  csrfToken: string;
  owners: readonly OwnerChoice[];
  sent?: NewPlanSent;
  errors?: FormErrors;
}): PlanFormView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const sent = opts.sent ?? {
    kind: '',
    id: '',
    owner: '',
    area: '',
    title: '',
    vision: '',
    coversFrom: '',
    coversTo: '',
    partners: '',
    disclaimer: '',
  };
  return {
    pageTitle: 'Start a new plan',
    action: planUrls.newPlan(),
    csrfToken: opts.csrfToken,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    backHref: planUrls.list(),
    isNew: true,
    sent,
    kinds: PLAN_KINDS.map((k) => ({ value: k, text: capital(PLAN_KIND_NAMES[k]), checked: sent.kind === k })),
    owners: [
      { value: '', text: 'Choose the owner', selected: sent.owner === '' },
      ...opts.owners.map((o) => ({ value: o.id, text: o.name, selected: o.id === sent.owner })),
    ],
    showPartners: true,
  };
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function detailsFormView(opts: {
  view: PlanView;
  csrfToken: string;
  sent?: DetailsSent;
  errors?: FormErrors;
}): PlanFormView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const { view } = opts;
  const sent = opts.sent ?? detailsOf(view);
  return {
    pageTitle: `Change the draft’s details: ${view.version.title}`,
    action: planUrls.editDetails(view.plan.id),
    csrfToken: opts.csrfToken,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    backHref: planUrls.plan(view.plan.id, { draft: true }),
    isNew: false,
    sent: { ...sent, kind: view.plan.kind, id: view.plan.id, owner: view.plan.ownerBodyId, area: view.plan.areaCode ?? '' },
    kinds: [],
    owners: [],
    showPartners: view.plan.kind === 'laa',
  };
}

export interface PublishFormView extends FormBase {
  first: boolean;
  sent: { inForceFrom: DateBoxes; changeNote: string };
  earliestText: string;
}

export function publishFormView(opts: {
  view: PlanView;
  csrfToken: string;
  today: string;
  sent?: { inForceFrom: DateBoxes; changeNote: string };
  errors?: FormErrors;
}): PublishFormView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const { view } = opts;
  const published = view.versions.filter((v) => v.state === 'published');
  const latest = published[published.length - 1];
  return {
    pageTitle: `Publish version ${view.version.number} of ${view.version.title}`,
    action: planUrls.publish(view.plan.id),
    csrfToken: opts.csrfToken,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    backHref: planUrls.plan(view.plan.id, { draft: true }),
    first: latest === undefined,
    sent: opts.sent ?? { inForceFrom: boxesOf(opts.today), changeNote: '' },
    earliestText: latest?.inForceFrom
      ? `It cannot come into force before ${dateInWords(latest.inForceFrom)}, when version ${latest.number} did.`
      : '',
  };
}

export function publishSent(body: unknown) {
  return { inForceFrom: dateBoxes(body, 'inForceFrom'), changeNote: sentText(body, 'changeNote') };
}
