/** The upload form, and the validation report of the file checked (before anything is written). */
import type { ProblemDetail } from '../../../../platform/errors.ts';
import type { ErrorSummaryItem, FormErrors, PaginationView } from '../../../../platform/web/index.ts';
import { NO_FORM_ERRORS, pageCountOf, paginationFor } from '../../../../platform/web/index.ts';
import { tryPeriodFromKey } from '../../../periods/index.ts';
import type { SubmissionReport } from '../../submission.types.ts';
import { dataUrls } from '../urls.ts';
import { plural } from '../words.ts';

export const PROBLEMS_PER_PAGE = 50;

export interface UploadPageView {
  pageTitle: string;
  action: string;
  csrfToken: string;
  /** the bodies one may submit for; one is shown as text */
  bodies: { value: string; text: string; selected: boolean }[];
  limitText: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
}

/** '20 MB', '512 KB' */
export function sizeInWords(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function uploadPageView(opts: {
  csrfToken: string;
  bodies: { id: string; name: string }[];
  chosen: string | undefined;
  uploadLimitBytes: number;
  errors?: FormErrors;
}): UploadPageView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  return {
    pageTitle: 'Upload figures',
    action: dataUrls.upload(),
    csrfToken: opts.csrfToken,
    bodies: opts.bodies.map((b) => ({ value: b.id, text: b.name, selected: b.id === opts.chosen })),
    limitText: sizeInWords(opts.uploadLimitBytes),
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
  };
}

export interface ProblemView {
  line: string;
  field: string;
  value: string;
  reason: string;
}

export interface ReportPageView {
  pageTitle: string;
  ok: boolean;
  bodyName: string;
  fileName: string;
  /** what the file holds and would do: rows for a summary list */
  summaryRows: { key: { text: string }; value: { text: string } }[];
  problemText: string;
  /** when more problems were found than are listed */
  unlistedText: string | undefined;
  problems: ProblemView[];
  pagination: PaginationView | undefined;
  createAction: string;
  csrfToken: string;
  uploadAgainHref: string;
  errorSummary: ErrorSummaryItem[];
}

const cell = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

export function problemView(p: ProblemDetail): ProblemView {
  return { line: cell(p.line), field: cell(p.field), value: cell(p.value), reason: p.reason };
}

function periodLabels(keys: readonly string[]): string {
  return keys.map((k) => tryPeriodFromKey(k)?.label ?? k).join(', ');
}

function summaryRows(bodyName: string, report: SubmissionReport) {
  const s = report.summary;
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  return [
    row('Body', bodyName),
    row('File', `${report.fileName} (${report.format.toUpperCase()})`),
    row('Rows read', s.rows.toLocaleString('en-GB')),
    ...(report.ok
      ? [
          row('Indicators', s.indicators.join(', ')),
          row('Periods', periodLabels(s.periods)),
          row('Areas', s.areas.toLocaleString('en-GB')),
          row('New figures', s.new.toLocaleString('en-GB')),
          row('Revised figures', s.revised.toLocaleString('en-GB')),
          row('Unchanged figures', s.unchanged.toLocaleString('en-GB')),
        ]
      : [row('Good rows', s.goodRows.toLocaleString('en-GB'))]),
  ];
}

export function reportPageView(opts: {
  uploadId: string;
  bodyName: string;
  report: SubmissionReport;
  page: number;
  csrfToken: string;
  /** a problem making the draft (the figures changed meanwhile, say) */
  errors?: FormErrors;
}): ReportPageView {
  const { report } = opts;
  const pageCount = pageCountOf(report.problems.length, PROBLEMS_PER_PAGE);
  const page = Math.min(Math.max(1, opts.page), pageCount);
  const start = (page - 1) * PROBLEMS_PER_PAGE;
  const unlisted = report.problemCount - report.problems.length;
  return {
    pageTitle: report.ok ? 'Check the figures before you create a draft' : 'There are problems with your file',
    ok: report.ok,
    bodyName: opts.bodyName,
    fileName: report.fileName,
    summaryRows: summaryRows(opts.bodyName, report),
    problemText: `${plural(report.problemCount, 'problem')} found. Nothing has been written: correct the file and upload it again.`,
    unlistedText:
      unlisted > 0
        ? `The first ${plural(report.problems.length, 'problem')} are listed; ${unlisted.toLocaleString('en-GB')} more are not.`
        : undefined,
    problems: report.problems.slice(start, start + PROBLEMS_PER_PAGE).map(problemView),
    pagination: paginationFor(page, pageCount, (n) => dataUrls.checkedUpload(opts.uploadId, { page: n })),
    createAction: dataUrls.checkedUpload(opts.uploadId),
    csrfToken: opts.csrfToken,
    uploadAgainHref: dataUrls.upload({ body: report.bodyId }),
    errorSummary: (opts.errors ?? NO_FORM_ERRORS).summary,
  };
}
