/** Cases on the ladder of response, and the trigger rules that open them, through the API. */
import { NotFoundError } from '../../../platform/errors.ts';
import { sendList } from '../../../platform/http/list-response.ts';
import { listEnvelope } from '../../../platform/http/pagination.ts';
import { getCase, listCases, listRuleVersions, MAX_CASE_PAGE_SIZE, rulesInForce, type CaseListing } from '../cases/index.ts';
import type { CaseListQuery } from '../improvement.types.ts';
import { caseDetailSchema, caseListingCsv, caseListingSchema, presentCaseDetail, presentCaseListing } from './case-presenters.ts';
import { improvementLinks, improvementPages } from './links.ts';
import { caseListQuery, caseParams, pageAsked, PUBLIC_DESCRIPTION } from './params.ts';
import { presentRuleVersion, rulesSchema } from './rule-presenters.ts';
import type { Api, ImprovementApiDeps } from './routes.ts';

const tags = ['cases'];

export function caseRoutes(api: Api, deps: ImprovementApiDeps): void {
  const { db } = deps;

  api.get(
    '/cases',
    {
      schema: {
        tags,
        summary:
          'Cases of under-performance on the ladder of response, filtered by status, council, area, indicator, rung and trigger kind: ' +
          'open cases first (highest rung, then oldest), then closed ones (most recently closed first)',
        description:
          `${PUBLIC_DESCRIPTION} A trigger firing opens a case, or adds evidence to the open case for the same council, area and indicator. ` +
          'A filter value that is not one the parameter takes is refused (400) naming the parameter and the value; a council, area or indicator ' +
          'with no cases gives an empty list. Pages by limit and offset, or by page and pageSize.',
        querystring: caseListQuery,
        response: { 200: listEnvelope(caseListingSchema) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const page = pageAsked(q);
      const filters: CaseListQuery = {
        ...(q.status ? { status: q.status } : {}),
        ...(q.body ? { bodyId: q.body } : {}),
        ...(q.area ? { areaCode: q.area } : {}),
        ...(q.indicator ? { indicatorCode: q.indicator } : {}),
        ...(q.rung ? { rung: q.rung } : {}),
        ...(q.kind ? { kind: q.kind } : {}),
      };
      const result = await casesAt(deps, filters, page);
      const fileName = ['cases', q.status, q.body, q.area, q.indicator, q.rung, q.kind].filter(Boolean).join('-');
      return sendList(request, reply, result, page, { present: presentCaseListing, csv: caseListingCsv, fileName }, q.format);
    },
  );

  api.get(
    '/cases/:id',
    {
      schema: {
        tags,
        summary:
          'One case: its rung, owner, action plan and deadline, its timeline of events, the firings that are its evidence, ' +
          'the indicator’s series with the comparator medians, the peer reviews linked to it and what may be done next',
        description: PUBLIC_DESCRIPTION,
        params: caseParams,
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => {
      const detail = await getCase(db, request.params.id);
      if (!detail) throw noSuchCase(request.params.id);
      return presentCaseDetail(detail);
    },
  );

  api.get(
    '/triggers/rules',
    {
      schema: {
        tags: ['triggers'],
        summary:
          'The trigger rules in force and every version of them: kind, scope (every council or one, every indicator or one), parameters, who changed them, when and why',
        description:
          `${PUBLIC_DESCRIPTION} For a council and an indicator the most specific scope with a version wins, and its latest version is in force. ` +
          'Versions are added, never changed; each firing names the version it was judged under.',
        response: { 200: rulesSchema },
      },
    },
    async () => {
      const [inForce, versions] = await Promise.all([rulesInForce(db), listRuleVersions(db)]);
      return {
        inForce: inForce.map(presentRuleVersion),
        versions: versions.map(presentRuleVersion),
        links: { self: improvementLinks.rules(), html: improvementPages.triggers() },
      };
    },
  );
}

export const noSuchCase = (id: number) =>
  new NotFoundError(`No case numbered ${id}`, [{ field: 'id', value: id, reason: 'no case has this number' }]);

/**
 * The cases asked for by limit and offset (a CSV asks for all of them), read from the service's
 * numbered pages: one page when the rows asked for are one of its pages, else its largest pages
 * covering them.
 */
async function casesAt(
  deps: ImprovementApiDeps,
  filters: CaseListQuery,
  page: { limit: number; offset: number },
): Promise<{ items: CaseListing[]; total: number }> {
  if (page.limit <= MAX_CASE_PAGE_SIZE && page.offset % page.limit === 0) {
    const { cases, total } = await listCases(deps.db, { ...filters, page: page.offset / page.limit + 1, pageSize: page.limit });
    return { items: cases, total };
  }
  const size = MAX_CASE_PAGE_SIZE;
  const items: CaseListing[] = [];
  for (let n = Math.floor(page.offset / size) + 1; ; n++) {
    const read = await listCases(deps.db, { ...filters, page: n, pageSize: size });
    const start = (n - 1) * size;
    items.push(...read.cases.slice(Math.max(0, page.offset - start), page.offset + page.limit - start));
    if (read.cases.length < size || start + size >= page.offset + page.limit) return { items, total: read.total };
  }
}
