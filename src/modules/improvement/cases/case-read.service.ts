/** Reading cases: the public list with its filters, and a case with its timeline, evidence and chart. */
import type { Executor } from '../../../platform/db/executor.ts';
import { ValidationError } from '../../../platform/errors.ts';
import { getBody } from '../../bodies/index.ts';
import { getIndicators } from '../../indicators/index.ts';
import { getAreas } from '../../places/index.ts';
import { type Case, type CaseListQuery, RUNGS } from '../improvement.types.ts';
import { allowedActions } from '../rules/index.ts';
import {
  findCaseRow,
  findCaseRows,
  findEventRows,
  findFiringRows,
  findFiringSummaries,
  findLinkedPeerReviews,
} from './case.repository.ts';
import { caseChart } from './case-chart.ts';
import { snapshotOf, toCase, toEvent, toFiring } from './cases.mapper.ts';
import type { CaseDetail, CaseListing, CaseListPage } from './cases.types.ts';

export const DEFAULT_CASE_PAGE_SIZE = 50;
export const MAX_CASE_PAGE_SIZE = 1000;

export async function listCases(db: Executor, q: CaseListQuery): Promise<CaseListPage> {
  checkQuery(q);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? DEFAULT_CASE_PAGE_SIZE;
  const { rows, total } = await findCaseRows(db, q, { limit: pageSize, offset: (page - 1) * pageSize });
  return { cases: await withNames(db, rows.map(toCase)), total, page, pageSize };
}

export async function getCase(db: Executor, id: number): Promise<CaseDetail | undefined> {
  const row = await findCaseRow(db, id);
  if (!row) return undefined;
  const [listing] = await withNames(db, [toCase(row)]);
  const c = listing!;
  const chart = await caseChart(db, c);
  const reviews = await findLinkedPeerReviews(db, c.id);
  return {
    case: c,
    events: (await findEventRows(db, c.id)).map(toEvent),
    firings: (await findFiringRows(db, c.id)).map(toFiring),
    series: chart.series,
    comparatorMedians: chart.medians,
    comparatorGroup: chart.group,
    peerReviews: reviews.map((r) => ({
      id: Number(r.id),
      reviewedOn: r.reviewed_on,
      scope: r.scope,
      partnershipId: r.partnership_id,
    })),
    nextActions: allowedActions(snapshotOf(c)),
  };
}

/** The names a list shows beside each case, and each case's firings in brief. */
export async function withNames(db: Executor, cases: Case[]): Promise<CaseListing[]> {
  const bodyIds = [...new Set(cases.map((c) => c.subject.bodyId))];
  const bodies = new Map(await Promise.all(bodyIds.map(async (id) => [id, (await getBody(db, id))?.name ?? id] as const)));
  const areas = await getAreas(db, [...new Set(cases.map((c) => c.subject.areaCode))]);
  const indicatorCodes = [...new Set(cases.flatMap((c) => (c.subject.indicatorCode ? [c.subject.indicatorCode] : [])))];
  const indicators = indicatorCodes.length > 0 ? await getIndicators(db, indicatorCodes) : new Map();
  const firings = await findFiringSummaries(
    db,
    cases.map((c) => c.id),
  );
  return cases.map((c) => ({
    ...c,
    bodyName: bodies.get(c.subject.bodyId) ?? c.subject.bodyId,
    areaName: areas.get(c.subject.areaCode)?.name ?? c.subject.areaCode,
    indicatorTitle: c.subject.indicatorCode ? (indicators.get(c.subject.indicatorCode)?.title ?? c.subject.indicatorCode) : null,
    latestSummary: firings.get(c.id)?.latestSummary ?? '',
    firingCount: firings.get(c.id)?.count ?? 0,
  }));
}

function checkQuery(q: CaseListQuery): void {
  const problems = [];
  if (q.status !== undefined && q.status !== 'open' && q.status !== 'closed')
    problems.push({ field: 'status', value: q.status, reason: 'must be open or closed' });
  if (q.rung !== undefined && !(RUNGS as readonly number[]).includes(q.rung))
    problems.push({ field: 'rung', value: q.rung, reason: 'must be 1, 2 or 3' });
  if (q.page !== undefined && (!Number.isSafeInteger(q.page) || q.page < 1))
    problems.push({ field: 'page', value: q.page, reason: 'must be a whole number from 1' });
  if (q.pageSize !== undefined && (!Number.isSafeInteger(q.pageSize) || q.pageSize < 1 || q.pageSize > MAX_CASE_PAGE_SIZE))
    problems.push({ field: 'pageSize', value: q.pageSize, reason: `must be a whole number from 1 to ${MAX_CASE_PAGE_SIZE}` });
  if (problems.length > 0) throw new ValidationError('The list of cases cannot be read with these filters', problems);
}
