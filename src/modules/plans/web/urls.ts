/** Typed addresses of the plans pages, used by routes, view models and tests alike. */

function withQuery(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    query.set(name, String(value));
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

const id = (value: string) => encodeURIComponent(value);

/** What a page says after a change was made (a fixed message chosen by name, never text from the address). */
export type PlanDoneNotice =
  | 'created'
  | 'details-saved'
  | 'item-added'
  | 'item-saved'
  | 'item-removed'
  | 'published'
  | 'revision-started'
  | 'tolerance-changed'
  | 'progress-reported'
  | 'progress-unchanged'
  | 'imported';

export const planUrls = {
  list: (): string => '/plans',
  /** a plan's page; `on` (YYYY-MM-DD) shows the version in force that day, `draft` the draft being edited */
  plan: (planId: string, q: { on?: string; draft?: boolean; version?: number; done?: PlanDoneNotice } = {}): string =>
    withQuery(`/plans/${id(planId)}`, { on: q.on, version: q.draft ? 'draft' : q.version, done: q.done }),
  versions: (planId: string): string => `/plans/${id(planId)}/versions`,
  item: (planId: string, key: string, q: { draft?: boolean; done?: PlanDoneNotice } = {}): string =>
    withQuery(`/plans/${id(planId)}/items/${id(key)}`, { version: q.draft ? 'draft' : undefined, done: q.done }),
  report: (planId: string): string => `/plans/${id(planId)}/report`,
  reportXlsx: (planId: string): string => `/plans/${id(planId)}/report.xlsx`,
  /** every target on an indicator, each with its chain up to the vision; `area` narrows to one area */
  forIndicator: (indicatorCode: string, q: { area?: string } = {}): string =>
    withQuery(`/indicators/${id(indicatorCode)}/targets`, { area: q.area }),

  // editing
  newPlan: (): string => '/plans/new',
  editDetails: (planId: string): string => `/plans/${id(planId)}/edit`,
  newItem: (planId: string, q: { kind?: string; parent?: string } = {}): string =>
    withQuery(`/plans/${id(planId)}/items/new`, { kind: q.kind, parent: q.parent }),
  editItem: (planId: string, key: string): string => `/plans/${id(planId)}/items/${id(key)}/edit`,
  removeItem: (planId: string, key: string): string => `/plans/${id(planId)}/items/${id(key)}/remove`,
  publish: (planId: string): string => `/plans/${id(planId)}/publish`,
  revise: (planId: string): string => `/plans/${id(planId)}/revise`,
  tolerance: (planId: string, key: string): string => `/plans/${id(planId)}/items/${id(key)}/tolerance`,
  progress: (planId: string, key: string): string => `/plans/${id(planId)}/items/${id(key)}/progress`,
  importPlans: (): string => '/plans/import',
  checkedImport: (importId: string): string => `/plans/import/checked/${id(importId)}`,

  // the data beneath a target
  indicator: (code: string, q: { area?: string } = {}): string => withQuery(`/indicators/${id(code)}`, { area: q.area }),
  area: (code: string): string => `/areas/${id(code)}`,
  trend: (indicator: string, area: string): string => withQuery('/trend', { indicator, area }),
  body: (bodyId: string): string => `/api/v1/bodies/${id(bodyId)}`,
};
