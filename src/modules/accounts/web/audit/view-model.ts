/** The audit log page: its filters, the events with who, how, what and the change in words, pages and downloads. */
import { pageCountOf, paginationFor, type PaginationView } from '../../../../platform/web/index.ts';
import type { AuditEvent, ViaKind } from '../../../audit/index.ts';
import type { SelectItem } from '../admin/grant-fields.ts';
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS } from '../forms.ts';
import { instantInWords } from '../words.ts';
import { type ChangeLine, describeChanges } from './changes.ts';
import type { AuditPageFilters, AuditPageParams } from './urls.ts';

export const EVENTS_PER_PAGE = 50;

export interface AuditEventView {
  when: string;
  whenIso: string;
  who: string;
  /** "in a browser session (a1b2c3d4e5f6)", "with an API token", "at the command line" */
  via: string;
  action: string;
  summary: string;
  /** "role grant 0b5c…" */
  subject: string;
  /** where it applies: "Trafford Council; indicator NI192" */
  where: string | undefined;
  changes: ChangeLine[];
  /** before and after as JSON, for the details a reader may open */
  json: string | undefined;
}

export interface AuditPageView {
  pageTitle: string;
  /** what part of the log this is, in words */
  scope: string;
  filterAction: string;
  filters: Required<{ [K in keyof AuditPageFilters]: string }>;
  /** absent when the page is of one body, or the reader may read one body only */
  bodyItems: SelectItem[] | undefined;
  showIndicatorFilter: boolean;
  countText: string;
  events: AuditEventView[];
  pagination: PaginationView | undefined;
  downloads: { csv: string; json: string };
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
}

const VIA_WORDS: Record<ViaKind, (id: string | null) => string> = {
  session: (id) => `in a browser session${id ? ` (${id})` : ''}`,
  token: () => 'with an API token',
  cli: () => 'at the command line',
  system: () => 'by the system',
};

export function auditEventView(e: AuditEvent, bodyNames: ReadonlyMap<string, string>): AuditEventView {
  const where = [
    e.bodyId === null ? undefined : (bodyNames.get(e.bodyId) ?? e.bodyId),
    e.indicatorCode === null ? undefined : `indicator ${e.indicatorCode}`,
    e.areaCode === null ? undefined : `area ${e.areaCode}`,
  ].filter((w): w is string => w !== undefined);
  const recorded = e.before !== null || e.after !== null;
  return {
    when: instantInWords(e.occurredAt),
    whenIso: e.occurredAt,
    who: e.actorLabel,
    via: VIA_WORDS[e.viaKind](e.viaId),
    action: e.action,
    summary: e.summary,
    subject: `${e.subjectKind.replace(/_/g, ' ')} ${e.subjectId}`,
    where: where.length > 0 ? where.join('; ') : undefined,
    changes: describeChanges(e.before, e.after),
    json: recorded ? JSON.stringify({ before: e.before, after: e.after }, null, 2) : undefined,
  };
}

export function auditPageView(opts: {
  title: string;
  scope: string;
  /** the page's own address (the filter form sends to it) and how to make its links */
  path: string;
  urlOf: (p: AuditPageParams) => string;
  filters: AuditPageFilters;
  page: number;
  result: { items: AuditEvent[]; total: number };
  bodyItems: SelectItem[] | undefined;
  showIndicatorFilter: boolean;
  bodyNames: ReadonlyMap<string, string>;
  errors?: FormErrors;
}): AuditPageView {
  const { filters, page, result } = opts;
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const first = (page - 1) * EVENTS_PER_PAGE + 1;
  const noun = result.total === 1 ? 'event' : 'events';
  const countText =
    result.total === 0
      ? 'No events match.'
      : result.total > EVENTS_PER_PAGE
        ? `Showing ${first} to ${Math.min(first + EVENTS_PER_PAGE - 1, result.total)} of ${result.total} events, newest first.`
        : `${result.total} ${noun}, newest first.`;
  return {
    pageTitle: opts.title,
    scope: opts.scope,
    filterAction: opts.path,
    filters: {
      body: filters.body ?? '',
      indicator: filters.indicator ?? '',
      person: filters.person ?? '',
      action: filters.action ?? '',
      from: filters.from ?? '',
      to: filters.to ?? '',
    },
    bodyItems: opts.bodyItems,
    showIndicatorFilter: opts.showIndicatorFilter,
    countText,
    events: result.items.map((e) => auditEventView(e, opts.bodyNames)),
    pagination: paginationFor(page, pageCountOf(result.total, EVENTS_PER_PAGE), (n) => opts.urlOf({ ...filters, page: n })),
    downloads: { csv: opts.urlOf({ ...filters, format: 'csv' }), json: opts.urlOf({ ...filters, format: 'json' }) },
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
  };
}
