/** The import form, and the check of a plans file: what importing it would change, or every problem with it. */
import type { ProblemDetail } from '../../../../platform/errors.ts';
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS } from '../../../../platform/web/index.ts';
import type { PlanImportReport, PlanImportResult } from '../../index.ts';
import { planUrls } from '../urls.ts';
import { plural } from '../words.ts';

export interface ImportFormView {
  pageTitle: string;
  action: string;
  csrfToken: string;
  limitText: string;
  publish: boolean;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  backHref: string;
}

/** '20 MB', '512 KB' */
export function sizeInWords(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function importFormView(opts: {
  csrfToken: string;
  uploadLimitBytes: number;
  publish: boolean;
  errors?: FormErrors;
}): ImportFormView {
  const errors = opts.errors ?? NO_FORM_ERRORS;
  return {
    pageTitle: 'Import plans and targets',
    action: planUrls.importPlans(),
    csrfToken: opts.csrfToken,
    limitText: sizeInWords(opts.uploadLimitBytes),
    publish: opts.publish,
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    backHref: planUrls.list(),
  };
}

const OUTCOME_WORDS: Record<PlanImportResult['outcome'], (n: number) => string> = {
  created: (n) => `A new plan, as version ${n}`,
  draft_updated: (n) => `Its draft (version ${n}) is changed`,
  new_draft: (n) => `A new draft, version ${n}`,
  published: (n) => `Version ${n} is published`,
  unchanged: (n) => `No change: version ${n} stays as it is`,
};

export interface CheckedPlanRow {
  planId: string;
  href: string;
  outcome: string;
  rules: string;
  progress: string;
}

export interface ImportReportView {
  pageTitle: string;
  ok: boolean;
  fileName: string;
  summary: string;
  plans: CheckedPlanRow[];
  prioritiesText: string;
  problems: { where: string; field: string; value: string; reason: string }[];
  importAction: string | undefined;
  csrfToken: string;
  againHref: string;
  errorSummary: ErrorSummaryItem[];
}

const cell = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

function prioritiesText(report: PlanImportReport): string {
  const n = report.nationalPriorities;
  if (n.created + n.updated + n.unchanged === 0) return '';
  return `National priorities: ${n.created} new, ${n.updated} changed, ${n.unchanged} unchanged.`;
}

export function checkedView(opts: {
  fileName: string;
  report: PlanImportReport;
  heldId: string;
  csrfToken: string;
  errors?: FormErrors;
}): ImportReportView {
  const { report } = opts;
  return {
    pageTitle: report.changed ? 'Check what the import will change' : 'The file changes nothing',
    ok: true,
    fileName: opts.fileName,
    summary: report.changed
      ? `${opts.fileName} (${report.format.toUpperCase()}) passes the checks. Nothing has been written yet: import it to make these changes.`
      : `${opts.fileName} (${report.format.toUpperCase()}) passes the checks, and every plan in it is already as the file says.`,
    plans: report.plans.map((p) => ({
      planId: p.planId,
      href: planUrls.plan(p.planId),
      outcome: OUTCOME_WORDS[p.outcome](p.versionNumber),
      rules: p.rulesChanged === 0 ? '' : `${plural(p.rulesChanged, 'tolerance')} changed (new rule versions)`,
      progress: p.progressReported === 0 ? '' : `${plural(p.progressReported, 'progress report')}`,
    })),
    prioritiesText: prioritiesText(report),
    problems: [],
    importAction: report.changed ? planUrls.checkedImport(opts.heldId) : undefined,
    csrfToken: opts.csrfToken,
    againHref: planUrls.importPlans(),
    errorSummary: (opts.errors ?? NO_FORM_ERRORS).summary,
  };
}

export function problemsView(opts: {
  fileName: string;
  message: string;
  problems: readonly ProblemDetail[];
  csrfToken: string;
}): ImportReportView {
  return {
    pageTitle: 'There are problems with your file',
    ok: false,
    fileName: opts.fileName,
    summary: `${opts.message}. Correct the file and check it again.`,
    plans: [],
    prioritiesText: '',
    problems: opts.problems.map((p) => ({
      where: p.line !== undefined ? `Line ${p.line}` : '',
      field: cell(p.field),
      value: cell(p.value),
      reason: p.reason,
    })),
    importAction: undefined,
    csrfToken: opts.csrfToken,
    againHref: planUrls.importPlans(),
    errorSummary: [{ text: `${plural(opts.problems.length || 1, 'problem')} found in ${opts.fileName}`, href: '#problems' }],
  };
}
