/** "Your submissions": each body the person acts for, with its submissions, newest first. */
import type { ErrorSummaryItem, FormErrors, Link, PaginationView } from '../../../../platform/web/index.ts';
import { NO_FORM_ERRORS, pageCountOf, paginationFor } from '../../../../platform/web/index.ts';
import type { Submission } from '../../submission.types.ts';
import { SUBMISSION_STATES, type SubmissionState } from '../../submission-workflow.ts';
import { dataUrls } from '../urls.ts';
import { instantInWords, plural, stateTag, type Tag } from '../words.ts';

export const OVERVIEW_SIZE = 10;
export const PAGE_SIZE = 25;

export interface SubmissionListItem {
  href: string;
  fileName: string;
  tag: Tag;
  indicators: string;
  figures: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface BodySection {
  bodyId: string;
  heading: string;
  /** why the person sees this body, when it is not their own */
  note: string | undefined;
  caption: string;
  items: SubmissionListItem[];
  countText: string;
  /** to the body's own list, when the overview shows only its newest */
  seeAllHref: string | undefined;
  pagination: PaginationView | undefined;
  links: Link[];
}

export interface SelectItem {
  value: string;
  text: string;
  selected?: boolean;
}

export interface SubmissionsPageView {
  pageTitle: string;
  state: SubmissionState | '';
  body: string | undefined;
  stateItems: SelectItem[];
  /** assessors choose any body */
  bodyItems: SelectItem[] | undefined;
  sections: BodySection[];
  uploadHref: string | undefined;
  overviewHref: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
}

export interface BodySubmissions {
  bodyId: string;
  bodyName: string;
  /** the body shares its unpublished figures with one of the person's bodies */
  sharedWithYou: boolean;
  mayUpload: boolean;
  maySeeSharing: boolean;
  items: Submission[];
  total: number;
}

export function submissionListItem(s: Submission): SubmissionListItem {
  return {
    href: dataUrls.submission(s.id),
    fileName: s.fileName,
    tag: stateTag(s.state),
    indicators: s.indicatorCodes.join(', '),
    figures: s.rowCount.toLocaleString('en-GB'),
    uploadedBy: s.createdBy.label,
    uploadedAt: instantInWords(s.createdAt),
  };
}

function section(b: BodySubmissions, opts: { state: SubmissionState | ''; page: number; chosen: boolean }): BodySection {
  const stateWords = opts.state === '' ? '' : ` ${stateTag(opts.state).text.toLowerCase()}`;
  const links: Link[] = [];
  if (b.mayUpload) links.push({ href: dataUrls.upload({ body: b.bodyId }), text: `Upload figures for ${b.bodyName}` });
  links.push({ href: dataUrls.collection(b.bodyId), text: `Collection rounds of ${b.bodyName}` });
  if (b.maySeeSharing)
    links.push({ href: dataUrls.sharing(b.bodyId), text: `Who ${b.bodyName} shares unpublished figures with` });
  if (!b.sharedWithYou)
    links.push({ href: dataUrls.submissionRules(b.bodyId), text: `Who may approve ${b.bodyName}’s submissions` });
  const pageCount = pageCountOf(b.total, PAGE_SIZE);
  return {
    bodyId: b.bodyId,
    heading: b.bodyName,
    note: b.sharedWithYou ? `${b.bodyName} shares its unpublished figures with your organisation.` : undefined,
    caption: `Submissions of ${b.bodyName}`,
    items: b.items.map(submissionListItem),
    countText:
      b.total === 0 ? `No${stateWords} submissions yet.` : `${plural(b.total, `${stateWords.trim()} submission`.trim())}.`,
    seeAllHref:
      !opts.chosen && b.total > b.items.length
        ? dataUrls.submissions({ body: b.bodyId, ...(opts.state ? { state: opts.state } : {}) })
        : undefined,
    pagination: opts.chosen
      ? paginationFor(Math.min(opts.page, pageCount), pageCount, (page) =>
          dataUrls.submissions({ body: b.bodyId, page, ...(opts.state ? { state: opts.state } : {}) }),
        )
      : undefined,
    links,
  };
}

export function submissionsPageView(opts: {
  bodies: BodySubmissions[];
  state: SubmissionState | '';
  /** the body chosen in the address, if any */
  body: string | undefined;
  page: number;
  /** every body an assessor may choose from */
  choosable: { id: string; name: string }[] | undefined;
  mayUpload: boolean;
  errors?: FormErrors;
}): SubmissionsPageView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  return {
    pageTitle: 'Submissions',
    state: opts.state,
    body: opts.body,
    stateItems: [
      { value: '', text: 'Any state', selected: opts.state === '' },
      ...SUBMISSION_STATES.map((s) => ({ value: s, text: stateTag(s).text, selected: s === opts.state })),
    ],
    bodyItems: opts.choosable
      ? [
          { value: '', text: 'Your own bodies', selected: opts.body === undefined },
          ...opts.choosable.map((b) => ({ value: b.id, text: b.name, selected: b.id === opts.body })),
        ]
      : undefined,
    sections: opts.bodies.map((b) => section(b, { state: opts.state, page: opts.page, chosen: opts.body !== undefined })),
    uploadHref: opts.mayUpload ? dataUrls.upload() : undefined,
    overviewHref: dataUrls.submissions(),
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
  };
}
