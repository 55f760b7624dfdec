/** Collection rounds: what a body is asked to supply and where each item stands; and who is overdue. */
import type { ErrorSummaryItem, FormErrors } from '../../../../platform/web/index.ts';
import { NO_FORM_ERRORS } from '../../../../platform/web/index.ts';
import type { CollectionItem, OverdueBody } from '../../collection.service.ts';
import { COLLECTION_STATUSES } from '../../collection-status.ts';
import { type DoneNotice, dataUrls } from '../urls.ts';
import { collectionTag, dateInWords, instantInWords, plural, type Tag } from '../words.ts';

export interface CollectionItemView {
  indicator: string;
  indicatorTitle: string;
  period: string;
  periodKey: string;
  due: string;
  tag: Tag;
  late: string;
  received: string;
  published: string;
  /** the form that removes the deadline, for those who may */
  removeAction: string | undefined;
}

export interface DeadlineForm {
  action: string;
  indicator: string;
  period: string;
  day: string;
  month: string;
  year: string;
}

export interface CollectionPageView {
  pageTitle: string;
  bodyName: string;
  doneText: string | undefined;
  countsText: string;
  items: CollectionItemView[];
  /** the form asking the body for figures, for those who may set deadlines */
  deadlineForm: DeadlineForm | undefined;
  csrfToken: string | undefined;
  overdueHref: string;
  /** to the body's sharing of unpublished figures, for those who may change it */
  sharingHref: string | undefined;
  /** to the body's rule for approving submissions, for those who may see it */
  rulesHref: string | undefined;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
}

const DONE: Partial<Record<DoneNotice, string>> = {
  'deadline-set': 'The deadline has been set.',
  'deadline-removed': 'The deadline has been removed.',
};

const lateText = (days: number | null) => (days === null ? '' : `${plural(days, 'day')} late`);

export function collectionItemView(item: CollectionItem, removeAction?: string): CollectionItemView {
  return {
    indicator: item.indicatorCode,
    indicatorTitle: item.indicatorTitle,
    period: item.period.label,
    periodKey: item.period.key,
    due: dateInWords(item.dueDate),
    tag: collectionTag(item.status),
    late: lateText(item.daysLate),
    received: instantInWords(item.receivedAt),
    published: instantInWords(item.publishedAt),
    removeAction,
  };
}

function countsText(items: readonly CollectionItem[]): string {
  if (items.length === 0) return 'No figures have been asked of this body.';
  const counts = COLLECTION_STATUSES.map((s) => [s, items.filter((i) => i.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return `${plural(items.length, 'item')}: ${counts.join(', ')}.`;
}

export function collectionPageView(opts: {
  bodyId: string;
  bodyName: string;
  items: CollectionItem[];
  /** indicators whose deadlines the person may remove */
  removable: ReadonlySet<string>;
  mayAsk: boolean;
  mayShare: boolean;
  maySeeRules: boolean;
  csrfToken: string | undefined;
  done?: unknown;
  sent?: Partial<Omit<DeadlineForm, 'action'>>;
  errors?: FormErrors;
}): CollectionPageView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const remove = dataUrls.removeDeadline(opts.bodyId);
  return {
    pageTitle: `Collection rounds: ${opts.bodyName}`,
    bodyName: opts.bodyName,
    doneText: typeof opts.done === 'string' ? DONE[opts.done as DoneNotice] : undefined,
    countsText: countsText(opts.items),
    items: opts.items.map((i) => collectionItemView(i, opts.removable.has(i.indicatorCode) ? remove : undefined)),
    deadlineForm: opts.mayAsk
      ? { action: dataUrls.collection(opts.bodyId), indicator: '', period: '', day: '', month: '', year: '', ...opts.sent }
      : undefined,
    csrfToken: opts.csrfToken,
    overdueHref: dataUrls.overdue(),
    sharingHref: opts.mayShare ? dataUrls.sharing(opts.bodyId) : undefined,
    rulesHref: opts.maySeeRules ? dataUrls.submissionRules(opts.bodyId) : undefined,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
  };
}

export interface OverduePageView {
  pageTitle: string;
  bodies: { name: string; href: string; caption: string; items: CollectionItemView[] }[];
}

export function overduePageView(bodies: readonly OverdueBody[]): OverduePageView {
  return {
    pageTitle: 'Overdue figures',
    bodies: bodies.map((b) => ({
      name: b.bodyName,
      href: dataUrls.collection(b.bodyId),
      caption: `Figures ${b.bodyName} has not supplied by the date asked`,
      items: b.items.map((i) => collectionItemView(i)),
    })),
  };
}
