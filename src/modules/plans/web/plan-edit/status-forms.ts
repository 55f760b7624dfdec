/**
 * Two forms that change how a target or action stands without revising the plan: a target's
 * tolerance (a new version of its status rule, in force from a date; statuses already recorded keep
 * the rule they were judged by) and a progress report on an action.
 */
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS, sentText } from '../../../../platform/web/index.ts';
import { ACTION_STATES, type ActionDetail, type TargetDetail } from '../../index.ts';
import { toleranceInWords } from '../plan-common/figures.ts';
import { planUrls } from '../urls.ts';
import { actionStateInWords, dateInWords } from '../words.ts';
import { boxesOf, dateBoxes, type DateBoxes, type FieldMap } from './form-problems.ts';

export const TOLERANCE_FIELDS: FieldMap = {
  tolerance: { id: 'tolerance', label: 'Tolerance' },
  toleranceKind: { id: 'toleranceKind', label: 'Kind of tolerance' },
  inForceFrom: { id: 'inForceFrom', label: 'In force from' },
  reason: { id: 'reason', label: 'Why' },
};

export const PROGRESS_FIELDS: FieldMap = {
  progress: { id: 'progress', label: 'Progress' },
  state: { id: 'state', label: 'State' },
  asOf: { id: 'asOf', label: 'As of' },
  note: { id: 'note', label: 'Note' },
};

type Option = { value: string; text: string; checked: boolean };

interface FormBase {
  pageTitle: string;
  itemTitle: string;
  action: string;
  backHref: string;
  csrfToken: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
}

export interface ToleranceSent {
  tolerance: string;
  toleranceKind: string;
  inForceFrom: DateBoxes;
  reason: string;
}

export const toleranceSent = (body: unknown): ToleranceSent => ({
  tolerance: sentText(body, 'tolerance').trim(),
  toleranceKind: sentText(body, 'toleranceKind'),
  inForceFrom: dateBoxes(body, 'inForceFrom'),
  reason: sentText(body, 'reason'),
});

export interface ToleranceFormView extends FormBase {
  currentText: string;
  sent: ToleranceSent;
  kinds: Option[];
}

export function toleranceFormView(opts: {
  detail: TargetDetail;
  csrfToken: string;
  sent?: ToleranceSent;
  errors?: FormErrors;
}): ToleranceFormView {
  const { detail } = opts;
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const rule = detail.rule;
  const sent = opts.sent ?? {
    tolerance: '',
    toleranceKind: rule?.toleranceKind ?? 'absolute',
    inForceFrom: boxesOf(null),
    reason: '',
  };
  const planId = detail.plan.id;
  return {
    pageTitle: 'Change the tolerance',
    itemTitle: detail.target.title,
    action: planUrls.tolerance(planId, detail.target.key),
    backHref: planUrls.item(planId, detail.target.key),
    csrfToken: opts.csrfToken,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    currentText: rule
      ? `Rule version ${rule.version}, in force since ${dateInWords(rule.inForceFrom)}: at risk within ${toleranceInWords(rule, detail.indicator)} of the trajectory.`
      : 'The target has no rule yet.',
    sent,
    kinds: [
      {
        value: 'absolute',
        text: 'In the indicator’s units (percentage points for a percentage)',
        checked: sent.toleranceKind !== 'percent',
      },
      { value: 'percent', text: 'Per cent of the expected value', checked: sent.toleranceKind === 'percent' },
    ],
  };
}

export interface ProgressSent {
  progress: string;
  state: string;
  asOf: DateBoxes;
  note: string;
}

export const progressSent = (body: unknown): ProgressSent => ({
  progress: sentText(body, 'progress').trim(),
  state: sentText(body, 'state'),
  asOf: dateBoxes(body, 'asOf'),
  note: sentText(body, 'note'),
});

export interface ProgressFormView extends FormBase {
  latestText: string;
  sent: ProgressSent;
  states: Option[];
}

export function progressFormView(opts: {
  detail: ActionDetail;
  today: string;
  csrfToken: string;
  sent?: ProgressSent;
  errors?: FormErrors;
}): ProgressFormView {
  const { detail } = opts;
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const latest = detail.updates[0];
  const sent = opts.sent ?? {
    progress: latest ? String(latest.progress) : '',
    state: latest?.state ?? '',
    asOf: boxesOf(opts.today),
    note: '',
  };
  const planId = detail.plan.id;
  return {
    pageTitle: 'Report progress',
    itemTitle: detail.action.title,
    action: planUrls.progress(planId, detail.action.key),
    backHref: planUrls.item(planId, detail.action.key),
    csrfToken: opts.csrfToken,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    latestText: latest
      ? `The latest report: ${latest.progress}% done (${actionStateInWords(latest.state).toLowerCase()}) as of ${dateInWords(latest.asOf)}. It is due by ${dateInWords(detail.action.due)}.`
      : `No progress has been reported yet. It is due by ${dateInWords(detail.action.due)}.`,
    sent,
    states: ACTION_STATES.map((s) => ({ value: s, text: actionStateInWords(s), checked: s === sent.state })),
  };
}
