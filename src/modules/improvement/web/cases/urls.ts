/** Typed addresses of the case pages, used by routes, view models and tests alike. */
import type { Rung } from '../../improvement.types.ts';

/** The filters of the list of cases (the same for the page, its CSV and the API). */
export interface CaseFilters {
  status?: 'open' | 'closed' | 'all';
  body?: string;
  area?: string;
  indicator?: string;
  rung?: Rung;
  kind?: string;
}

function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    query.set(name, String(value));
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

const id = (value: string | number) => encodeURIComponent(String(value));

/** The filters as query parameters; open cases are the default, so `status=open` is left out. */
const filterParams = (f: CaseFilters) => ({
  status: f.status === 'open' ? undefined : f.status,
  body: f.body,
  area: f.area,
  indicator: f.indicator,
  rung: f.rung,
  kind: f.kind,
});

/** What a case page says after a change was made (a fixed message chosen by name, never text from the address). */
export type CaseDoneNotice = 'acknowledge' | 'add_action_plan' | 'escalate' | 'de_escalate' | 'close';
export type TriggersDoneNotice = 'version-added';

export const caseUrls = {
  list: (f: CaseFilters = {}, page?: number): string =>
    withQuery('/cases', { ...filterParams(f), page: page && page > 1 ? page : undefined }),
  csv: (f: CaseFilters = {}): string => withQuery('/cases.csv', filterParams(f)),
  /** the same cases from the JSON API */
  api: (f: CaseFilters = {}): string =>
    withQuery('/api/v1/cases', { ...filterParams(f), status: f.status === 'all' ? undefined : (f.status ?? 'open') }),
  case: (caseId: number, q: { done?: CaseDoneNotice } = {}): string => withQuery(`/cases/${id(caseId)}`, { done: q.done }),
  /** where every form of a case page is sent */
  actions: (caseId: number): string => `/cases/${id(caseId)}/actions`,
  caseApi: (caseId: number): string => `/api/v1/cases/${id(caseId)}`,
  triggers: (q: { done?: TriggersDoneNotice } = {}): string => withQuery('/triggers', { done: q.done }),
  /** the form adding a version of a rule of one kind (which kind, when none is given), its scope chosen beforehand when given */
  newVersion: (kind: string, q: { body?: string; indicator?: string } = {}): string =>
    withQuery('/triggers/versions/new', { kind, body: q.body, indicator: q.indicator }),
  addVersion: (): string => '/triggers/versions',
  rulesApi: (): string => '/api/v1/triggers/rules',

  // the pages beside a case
  indicator: (code: string, q: { area?: string } = {}): string => withQuery(`/indicators/${id(code)}`, { area: q.area }),
  area: (code: string): string => `/areas/${id(code)}`,
  trend: (indicator: string, area: string): string => withQuery('/trend', { indicator, area }),
  risk: (bodyId: string): string => `/risk/${id(bodyId)}`,
  peerReview: (reviewId: number): string => `/peer-reviews/${id(reviewId)}`,
  partnership: (partnershipId: string): string => `/partnerships/${id(partnershipId)}`,
};
