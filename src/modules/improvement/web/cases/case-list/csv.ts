/** The list of cases as CSV (GET /cases.csv): the same cases and filters as the page, every page of them. */
import type { CsvColumn } from '../../../../../platform/http/csv.ts';
import { CASE_STATE_NAMES, RUNG_NAMES } from '../../../improvement.types.ts';
import type { CaseListing } from '../../../cases/index.ts';
import { isOpen } from '../words.ts';

/** The columns; `caseHref` gives each case’s page. */
export function caseCsvColumns(now: Date, caseHref: (id: number) => string): CsvColumn<CaseListing>[] {
  return [
    { header: 'case_id', value: (c) => c.id },
    { header: 'title', value: (c) => c.title },
    { header: 'council_id', value: (c) => c.subject.bodyId },
    { header: 'council', value: (c) => c.bodyName },
    { header: 'area_code', value: (c) => c.subject.areaCode },
    { header: 'area', value: (c) => c.areaName },
    { header: 'indicator_code', value: (c) => c.subject.indicatorCode },
    { header: 'indicator', value: (c) => c.indicatorTitle },
    { header: 'rung', value: (c) => c.rung },
    { header: 'rung_name', value: (c) => RUNG_NAMES[c.rung] },
    { header: 'state', value: (c) => c.state },
    { header: 'state_name', value: (c) => CASE_STATE_NAMES[c.state] },
    { header: 'owner', value: (c) => c.ownerName },
    { header: 'deadline', value: (c) => c.deadline },
    { header: 'overdue', value: (c) => isOpen(c.state) && new Date(c.deadline).getTime() < now.getTime() },
    { header: 'opened_at', value: (c) => c.openedAt },
    { header: 'closed_at', value: (c) => c.closedAt },
    { header: 'closed_reason', value: (c) => c.closedReason },
    { header: 'triggers', value: (c) => c.kinds.join(' ') },
    { header: 'firings', value: (c) => c.firingCount },
    { header: 'latest_evidence', value: (c) => c.latestSummary },
    { header: 'page', value: (c) => caseHref(c.id) },
  ];
}
