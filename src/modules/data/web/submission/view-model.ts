/** One submission: where it stands, what happened to it, its figures, and the steps the person may take now. */
import type { ErrorSummaryItem, FormErrors, PaginationView } from '../../../../platform/web/index.ts';
import { NO_FORM_ERRORS, pageCountOf, paginationFor } from '../../../../platform/web/index.ts';
import { tryPeriodFromKey } from '../../../periods/index.ts';
import type { SubmissionDetail, SubmissionEventRecord, SubmissionRowRecord } from '../../submission.types.ts';
import type { SubmissionEvent, SubmissionState } from '../../submission-workflow.ts';
import { type DoneNotice, dataUrls } from '../urls.ts';
import { EVENT_WORDS, instantInWords, plural, STEP_WORDS, stateTag, type Tag } from '../words.ts';

export const ROWS_PER_PAGE = 50;

type SummaryRow = { key: { text: string }; value: { text: string } };

export interface StepView {
  step: SubmissionEvent;
  action: string;
  button: string;
  /** reject and withdraw ask why */
  reason: { id: string; label: string; value: string } | undefined;
  warning: boolean;
}

export interface EventView {
  when: string;
  what: string;
  who: string;
  from: string;
  to: string;
  reason: string;
}

export interface FigureView {
  line: string;
  indicator: string;
  area: string;
  period: string;
  value: string;
  numerator: string;
  denominator: string;
  interval: string;
  status: string;
}

export interface SubmissionPageView {
  pageTitle: string;
  bodyName: string;
  tag: Tag;
  doneText: string | undefined;
  details: SummaryRow[];
  atUpload: SummaryRow[];
  steps: StepView[];
  /** before approval: who may approve, and where the body's rule for it is set */
  approval: { text: string; href: string; linkText: string } | undefined;
  csrfToken: string;
  events: EventView[];
  figures: FigureView[];
  figuresText: string;
  pagination: PaginationView | undefined;
  csvHref: string;
  listHref: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
}

const DONE: Record<DoneNotice, string> = {
  create: 'Your draft submission has been created. Submit it for approval when it is ready.',
  submit: STEP_WORDS.submit.done,
  approve: STEP_WORDS.approve.done,
  publish: STEP_WORDS.publish.done,
  reject: STEP_WORDS.reject.done,
  withdraw: STEP_WORDS.withdraw.done,
  'deadline-set': '',
  'deadline-removed': '',
  shared: '',
  unshared: '',
  'rules-set': '',
  'rules-unchanged': '',
};

export const doneText = (done: unknown): string | undefined =>
  typeof done === 'string' && Object.hasOwn(DONE, done) ? DONE[done as DoneNotice] || undefined : undefined;

const row = (key: string, value: string): SummaryRow => ({ key: { text: key }, value: { text: value } });
const stateName = (s: SubmissionState | null) => (s === null ? '' : stateTag(s).text);
const number = (n: number | null) => (n === null ? '' : String(n));
const periodLabel = (key: string) => tryPeriodFromKey(key)?.label ?? key;

function details(s: SubmissionDetail, bodyName: string): SummaryRow[] {
  const by = (label: string, at: string | null) => (at === null ? '' : `${label ? `${label}, ` : ''}${instantInWords(at)}`);
  const submittedBy = s.events.find((e) => e.event === 'submit')?.actorLabel ?? '';
  const rows = [
    row('State', stateTag(s.state).text),
    row('Body', bodyName),
    row('File', `${s.fileName} (${s.format.toUpperCase()})`),
    row('File SHA-256', s.fileSha256),
    row('Indicators', s.indicatorCodes.join(', ')),
    row('Figures', s.rowCount.toLocaleString('en-GB')),
    row('Uploaded', by(s.createdBy.label, s.createdAt)),
  ];
  if (s.submittedAt) rows.push(row('Submitted', by(submittedBy, s.submittedAt)));
  if (s.approvedAt) rows.push(row('Approved', by(s.approvedBy?.label ?? '', s.approvedAt)));
  if (s.publishedAt) rows.push(row('Published', by('', s.publishedAt)));
  if (s.closedAt)
    rows.push(row(s.state === 'rejected' ? 'Rejected' : 'Withdrawn', by('', s.closedAt)), row('Reason', s.reason ?? ''));
  return rows;
}

function atUpload(s: SubmissionDetail): SummaryRow[] {
  const u = s.summaryAtUpload;
  return [
    row('Periods', u.periods.map(periodLabel).join(', ')),
    row('Areas', u.areas.toLocaleString('en-GB')),
    row('New figures', u.new.toLocaleString('en-GB')),
    row('Revised figures', u.revised.toLocaleString('en-GB')),
    row('Unchanged figures', u.unchanged.toLocaleString('en-GB')),
  ];
}

export function stepView(id: string, step: SubmissionEvent, sentReason = ''): StepView {
  const needsReason = step === 'reject' || step === 'withdraw';
  return {
    step,
    action: dataUrls.submissionStep(id, step),
    button: STEP_WORDS[step].button,
    reason: needsReason
      ? {
          id: `${step}-reason`,
          label: step === 'reject' ? 'Why are you rejecting it?' : 'Why are you withdrawing it?',
          value: sentReason,
        }
      : undefined,
    warning: needsReason,
  };
}

export function eventView(e: SubmissionEventRecord): EventView {
  return {
    when: instantInWords(e.occurredAt),
    what: EVENT_WORDS[e.event],
    who: e.actorLabel,
    from: stateName(e.fromState),
    to: stateName(e.toState),
    reason: e.reason ?? '',
  };
}

export function figureView(r: SubmissionRowRecord): FigureView {
  return {
    line: String(r.line),
    indicator: r.indicatorCode,
    area: r.areaCode,
    period: r.periodLabel,
    value: number(r.value),
    numerator: number(r.numerator),
    denominator: number(r.denominator),
    interval: r.ciLower === null || r.ciUpper === null ? '' : `${r.ciLower} to ${r.ciUpper}`,
    status: r.status.replace(/_/g, ' '),
  };
}

/** Who may approve a submission not yet approved, by the body's rule. */
export function approvalNote(
  s: SubmissionDetail,
  bodyName: string,
  selfApprovalAllowed: boolean,
): SubmissionPageView['approval'] {
  if (s.state !== 'draft' && s.state !== 'submitted') return undefined;
  return {
    text: selfApprovalAllowed
      ? `${bodyName} allows the person who uploaded or submitted figures to approve them too.`
      : `Another officer of ${bodyName} must approve it: not the person who uploaded or submitted it.`,
    href: dataUrls.submissionRules(s.bodyId),
    linkText: `Who may approve ${bodyName}’s submissions`,
  };
}

export function submissionPageView(opts: {
  submission: SubmissionDetail;
  bodyName: string;
  /** the body's rule: may the uploader or submitter approve? */
  selfApprovalAllowed: boolean;
  steps: SubmissionEvent[];
  rows: { items: SubmissionRowRecord[]; total: number };
  page: number;
  csrfToken: string;
  done?: unknown;
  errors?: FormErrors;
  /** the reason typed into a refused step, to show it again */
  sent?: { step: SubmissionEvent; reason: string };
}): SubmissionPageView {
  const s = opts.submission;
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const pageCount = pageCountOf(opts.rows.total, ROWS_PER_PAGE);
  return {
    pageTitle: s.fileName,
    bodyName: opts.bodyName,
    tag: stateTag(s.state),
    doneText: doneText(opts.done),
    details: details(s, opts.bodyName),
    atUpload: atUpload(s),
    steps: opts.steps.map((step) => stepView(s.id, step, opts.sent?.step === step ? opts.sent.reason : '')),
    approval: approvalNote(s, opts.bodyName, opts.selfApprovalAllowed),
    csrfToken: opts.csrfToken,
    events: s.events.map(eventView),
    figures: opts.rows.items.map(figureView),
    figuresText: plural(opts.rows.total, 'figure'),
    pagination: paginationFor(Math.min(opts.page, pageCount), pageCount, (page) => dataUrls.submission(s.id, { page })),
    csvHref: dataUrls.submissionRowsCsv(s.id),
    listHref: dataUrls.submissions({ body: s.bodyId }),
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
  };
}
