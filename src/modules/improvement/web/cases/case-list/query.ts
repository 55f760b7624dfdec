/**
 * The filters of the list of cases as the address gives them (`?status=closed&body=…&rung=2`), each
 * checked: a value that cannot be one is named with the filter it was given for.
 */
import { type ErrorSummaryItem, formErrors } from '../../../../../platform/web/index.ts';
import { RUNGS, type Rung } from '../../../improvement.types.ts';
import type { CaseFilters } from '../urls.ts';

export interface CaseListRequest {
  filters: CaseFilters & { status: 'open' | 'closed' | 'all' };
  page: number;
}

export type CaseListQueryResult =
  | { ok: true; request: CaseListRequest }
  | {
      ok: false;
      sent: Record<string, string>;
      errors: { summary: ErrorSummaryItem[]; fields: Record<string, { text: string }> };
    };

export const FILTER_LABELS = {
  status: 'Status',
  body: 'Council',
  area: 'Area code',
  indicator: 'Indicator',
  rung: 'Rung',
  kind: 'Why it opened',
  page: 'Page',
} as const;

const CODE = /^[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,63}$/;
const KIND = /^[a-z][a-z0-9_]{0,39}$/;

/** The first value of a query parameter, trimmed ('' when absent). */
function one(query: unknown, name: string): string {
  const value = (query as Record<string, unknown> | null)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

const shown = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

export function parseCaseListQuery(query: unknown): CaseListQueryResult {
  const sent = Object.fromEntries(Object.keys(FILTER_LABELS).map((k) => [k, one(query, k)])) as Record<
    keyof typeof FILTER_LABELS,
    string
  >;
  const problems: { field: string; text: string }[] = [];
  const bad = (field: keyof typeof FILTER_LABELS, why: string) =>
    problems.push({ field, text: `${FILTER_LABELS[field]}: “${shown(sent[field])}” ${why}.` });

  const status = sent.status === '' ? 'open' : sent.status;
  if (status !== 'open' && status !== 'closed' && status !== 'all') bad('status', 'must be open, closed or all');
  for (const field of ['body', 'area', 'indicator'] as const)
    if (sent[field] !== '' && !CODE.test(sent[field])) bad(field, 'is not a code or id');
  let rung: Rung | undefined;
  if (sent.rung !== '') {
    const n = Number(sent.rung);
    if (RUNGS.includes(n as Rung)) rung = n as Rung;
    else bad('rung', 'must be 1, 2 or 3');
  }
  if (sent.kind !== '' && !KIND.test(sent.kind)) bad('kind', 'is not a kind of trigger');
  let page = 1;
  if (sent.page !== '') {
    const n = Number(sent.page);
    if (Number.isInteger(n) && n >= 1 && n <= 100_000) page = n;
    else bad('page', 'must be a whole number from 1');
  }
  if (problems.length > 0) return { ok: false, sent, errors: formErrors(problems) };
  const filters: CaseListRequest['filters'] = { status: status as 'open' | 'closed' | 'all' };
  if (sent.body !== '') filters.body = sent.body;
  if (sent.area !== '') filters.area = sent.area;
  if (sent.indicator !== '') filters.indicator = sent.indicator;
  if (rung !== undefined) filters.rung = rung;
  if (sent.kind !== '') filters.kind = sent.kind;
  return { ok: true, request: { filters, page } };
}
