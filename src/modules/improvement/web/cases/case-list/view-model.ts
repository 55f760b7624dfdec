/**
 * The list of cases (GET /cases): open cases nationally or for one council, filtered by status, area,
 * indicator, rung and why they opened, a page at a time, with the counts on each rung above.
 */
import { type ErrorSummaryItem, paginationFor, pageCountOf, type PaginationView } from '../../../../../platform/web/index.ts';
import { RUNGS, type Rung, TRIGGER_KINDS } from '../../../improvement.types.ts';
import type { CaseListing } from '../../../cases/index.ts';
import { type CaseFilters, caseUrls } from '../urls.ts';
import { dateInWords, deadlineInWords, kindInWords, plural, rungInWords, rungTag, stateTag, type Tag } from '../words.ts';
import type { CaseListRequest } from './query.ts';

export interface CaseRowView {
  href: string;
  title: string;
  council: { text: string; href: string };
  area: string;
  indicator: string;
  rungTag: Tag;
  rungText: string;
  stateTag: Tag;
  owner: string;
  deadline: string;
  overdue: boolean;
  opened: string;
  latest: string;
}

type Option = { value: string; text: string; selected?: boolean };
type Radio = { value: string; text: string; checked?: boolean };

export interface CaseListView {
  pageTitle: string;
  heading: string;
  intro: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: Record<string, { text: string }>;
  form: {
    statuses: Radio[];
    councils: Option[];
    area: string;
    indicators: Option[];
    rungs: Option[];
    kinds: Option[];
  };
  rungCounts: { tag: Tag; text: string; href: string }[];
  resultsText: string;
  rows: CaseRowView[];
  pagination: PaginationView | undefined;
  downloads: { tableName: string; csvHref: string; apiHref: string } | undefined;
  clearHref: string | undefined;
  triggersHref: string;
}

export interface CaseListInput {
  request: CaseListRequest;
  /** absent when the filters could not be read */
  result?: { cases: CaseListing[]; total: number; page: number; pageSize: number };
  rungCounts?: Record<Rung, number>;
  /** the council filtered on, by name */
  bodyName?: string;
  councils: { id: string; name: string }[];
  indicators: { code: string; title: string }[];
  now: Date;
  errors?: { summary: ErrorSummaryItem[]; fields: Record<string, { text: string }> };
  /** the filters as sent, to show them again when they could not be read */
  sent?: Record<string, string>;
}

const STATUS_WORDS = { open: 'Open cases', closed: 'Closed cases', all: 'All cases' } as const;

export function caseRowView(c: CaseListing, now: Date): CaseRowView {
  const deadline = deadlineInWords(c.deadline, c.state, now);
  return {
    href: caseUrls.case(c.id),
    title: c.title,
    council: { text: c.bodyName, href: caseUrls.list({ body: c.subject.bodyId }) },
    area: c.areaName,
    indicator: c.subject.indicatorCode
      ? `${c.indicatorTitle ?? c.subject.indicatorCode} (${c.subject.indicatorCode})`
      : 'Not about one indicator',
    rungTag: rungTag(c.rung),
    rungText: rungInWords(c.rung),
    stateTag: stateTag(c.state),
    owner: c.ownerName ?? 'No owner named yet',
    deadline: c.closedAt ? `Closed on ${dateInWords(c.closedAt)}` : deadline.text,
    overdue: deadline.overdue,
    opened: dateInWords(c.openedAt),
    latest: c.latestSummary,
  };
}

function selected(options: Option[], value: string | undefined): Option[] {
  return options.map((o) => (o.value === (value ?? '') ? { ...o, selected: true } : o));
}

/** The filters the form shows: those read, or (when they could not be) those sent. */
function shownFilters(input: CaseListInput): Record<string, string> {
  if (input.sent) return input.sent;
  const f = input.request.filters;
  return {
    status: f.status,
    body: f.body ?? '',
    area: f.area ?? '',
    indicator: f.indicator ?? '',
    rung: f.rung ? String(f.rung) : '',
    kind: f.kind ?? '',
  };
}

function formOf(input: CaseListInput): CaseListView['form'] {
  const shown = shownFilters(input);
  const status = shown.status === '' ? 'open' : shown.status;
  const kinds = [...TRIGGER_KINDS] as string[];
  if (shown.kind && !kinds.includes(shown.kind)) kinds.push(shown.kind);
  const councils = input.councils.map((c) => ({ value: c.id, text: c.name }));
  if (shown.body && !councils.some((c) => c.value === shown.body)) councils.push({ value: shown.body, text: shown.body });
  const indicators = input.indicators.map((i) => ({ value: i.code, text: `${i.title} (${i.code})` }));
  if (shown.indicator && !indicators.some((i) => i.value === shown.indicator))
    indicators.push({ value: shown.indicator, text: shown.indicator });
  return {
    statuses: (['open', 'closed', 'all'] as const).map((s) => ({
      value: s,
      text: { open: 'Open', closed: 'Closed', all: 'Open and closed' }[s],
      checked: s === status,
    })),
    councils: selected([{ value: '', text: 'Every council' }, ...councils], shown.body),
    area: shown.area ?? '',
    indicators: selected([{ value: '', text: 'Every indicator' }, ...indicators], shown.indicator),
    rungs: selected(
      [{ value: '', text: 'Every rung' }, ...RUNGS.map((r) => ({ value: String(r), text: rungInWords(r) }))],
      shown.rung,
    ),
    kinds: selected([{ value: '', text: 'Any reason' }, ...kinds.map((k) => ({ value: k, text: kindInWords(k) }))], shown.kind),
  };
}

function filtered(f: CaseFilters): boolean {
  return Boolean(f.body || f.area || f.indicator || f.rung || f.kind || (f.status && f.status !== 'open'));
}

export function caseListView(input: CaseListInput): CaseListView {
  const { filters } = input.request;
  const statusWords = STATUS_WORDS[filters.status];
  const heading = input.bodyName ? `${statusWords}: ${input.bodyName}` : `${statusWords} on the ladder of response`;
  const result = input.result;
  const rows = result ? result.cases.map((c) => caseRowView(c, input.now)) : [];
  const pageCount = result ? pageCountOf(result.total, result.pageSize) : 1;
  const counts = input.rungCounts;
  return {
    pageTitle: heading,
    heading,
    intro:
      'When a council’s published figures, targets or returns show performance failing, a trigger opens a case. The case sits on a rung of the ladder of response, has an owner and a deadline, is escalated when nothing improves and closes when performance recovers.',
    errorSummary: input.errors?.summary ?? [],
    fieldErrors: input.errors?.fields ?? {},
    form: formOf(input),
    rungCounts: counts
      ? RUNGS.map((r) => ({
          tag: rungTag(r),
          text: `${plural(counts[r], 'case')}: ${rungInWords(r).replace(/^Rung \d: /, '')}`,
          href: caseUrls.list({ ...filters, rung: r }),
        }))
      : [],
    resultsText: result
      ? result.total === 0
        ? 'No cases match these filters.'
        : `${plural(result.total, 'case')}${pageCount > 1 ? `, page ${result.page} of ${pageCount}` : ''}`
      : '',
    rows,
    pagination: result ? paginationFor(result.page, pageCount, (p) => caseUrls.list(filters, p)) : undefined,
    downloads:
      result && result.total > 0
        ? { tableName: heading, csvHref: caseUrls.csv(filters), apiHref: caseUrls.api(filters) }
        : undefined,
    clearHref: filtered(filters) || input.errors ? caseUrls.list() : undefined,
    triggersHref: caseUrls.triggers(),
  };
}
