/** The cases a list asks for, the counts on each rung, and what its filter form offers. */
import { ValidationError } from '../../../../../platform/errors.ts';
import type { Executor } from '../../../../../platform/db/executor.ts';
import { getBody, listBodies } from '../../../../bodies/index.ts';
import { listIndicators } from '../../../../indicators/index.ts';
import { type CaseListQuery, RUNGS, type Rung } from '../../../improvement.types.ts';
import { type CaseListing, listCases, MAX_CASE_PAGE_SIZE } from '../../../cases/index.ts';
import type { CaseListRequest } from './query.ts';

export const CASES_PER_PAGE = 50;
/** The most cases one CSV holds. */
export const MAX_CSV_CASES = 20_000;
const MAX_OPTIONS = 2000;

export function queryOf(filters: CaseListRequest['filters']): CaseListQuery {
  return {
    ...(filters.status !== 'all' ? { status: filters.status } : {}),
    ...(filters.body ? { bodyId: filters.body } : {}),
    ...(filters.area ? { areaCode: filters.area } : {}),
    ...(filters.indicator ? { indicatorCode: filters.indicator } : {}),
    ...(filters.rung ? { rung: filters.rung } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
  };
}

/** The council filtered on, by name; a council no one knows is said against its filter. */
export async function councilNameOf(db: Executor, bodyId: string | undefined): Promise<string | undefined> {
  if (!bodyId) return undefined;
  const body = await getBody(db, bodyId);
  if (!body)
    throw new ValidationError(`Council: “${bodyId}” is not a body we know`, [
      { field: 'body', value: bodyId, reason: 'is not a body we know' },
    ]);
  return body.name;
}

export async function loadCaseList(db: Executor, request: CaseListRequest) {
  const q = queryOf(request.filters);
  const result = await listCases(db, { ...q, page: request.page, pageSize: CASES_PER_PAGE });
  const { rung: _rung, ...everyRung } = q;
  const rungCounts = {} as Record<Rung, number>;
  for (const r of RUNGS) rungCounts[r] = (await listCases(db, { ...everyRung, rung: r, page: 1, pageSize: 1 })).total;
  return { result, rungCounts };
}

/** What the filter form offers: the councils and indicators, by name. */
export async function filterOptions(db: Executor) {
  const councils = (await listBodies(db, { kind: 'council', limit: MAX_OPTIONS, offset: 0 })).items.map((b) => ({
    id: b.id,
    name: b.name,
  }));
  const indicators = (await listIndicators(db, { limit: MAX_OPTIONS, offset: 0 })).items
    .map((i) => ({ code: i.code, title: i.title }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return { councils, indicators };
}

/** Every case the filters match, a page of the service's largest at a time. */
export async function allCases(db: Executor, filters: CaseListRequest['filters']): Promise<CaseListing[]> {
  const q = queryOf(filters);
  const out: CaseListing[] = [];
  for (let page = 1; out.length < MAX_CSV_CASES; page++) {
    const { cases, total } = await listCases(db, { ...q, page, pageSize: MAX_CASE_PAGE_SIZE });
    out.push(...cases);
    if (cases.length === 0 || out.length >= total) break;
  }
  return out.slice(0, MAX_CSV_CASES);
}
