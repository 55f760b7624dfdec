import { describe, expect, it } from 'vitest';
import type { CaseListing } from '../../../cases/index.ts';
import { caseListView } from './view-model.ts';

const NOW = new Date('2025-06-01T09:00:00.000Z');

function listing(id: number, over: Partial<CaseListing> = {}): CaseListing {
  return {
    id,
    subject: { bodyId: 'ashford-council', areaCode: 'E08000101', indicatorCode: 'RECY' },
    title: `Case ${id}`,
    state: 'open',
    rung: 1,
    ownerName: null,
    actionPlan: null,
    deadline: '2025-08-30T09:00:00.000Z',
    rungEnteredAt: '2025-06-01T09:00:00.000Z',
    baselineValue: null,
    baselinePeriod: null,
    openedAt: '2025-06-01T09:00:00.000Z',
    closedAt: null,
    closedReason: null,
    kinds: ['bottom_quartile'],
    bodyName: 'Ashford Council',
    areaName: 'Ashford',
    indicatorTitle: 'Household waste recycled',
    latestSummary: 'In the worst quarter',
    firingCount: 1,
    ...over,
  };
}

const base = { councils: [{ id: 'ashford-council', name: 'Ashford Council' }], indicators: [], now: NOW };

describe('the list of cases', () => {
  it('pages through the cases, keeping the filters in each page’s address', () => {
    const view = caseListView({
      ...base,
      request: { filters: { status: 'open', rung: 1 }, page: 2 },
      result: { cases: [listing(51)], total: 120, page: 2, pageSize: 50 },
      rungCounts: { 1: 120, 2: 0, 3: 0 },
    });
    expect(view.resultsText).toBe('120 cases, page 2 of 3');
    expect(view.pagination?.previous).toEqual({ href: '/cases?rung=1' });
    expect(view.pagination?.next).toEqual({ href: '/cases?rung=1&page=3' });
    expect(view.downloads).toEqual({
      tableName: 'Open cases on the ladder of response',
      csvHref: '/cases.csv?rung=1',
      apiHref: '/api/v1/cases?status=open&rung=1',
    });
    expect(view.rungCounts.map((r) => [r.text, r.href])).toEqual([
      ['120 cases: Internal performance management and scrutiny', '/cases?rung=1'],
      ['0 cases: Sector and partnership support (improvement partnership, peer review)', '/cases?rung=2'],
      ['0 cases: Central government engagement and intervention', '/cases?rung=3'],
    ]);
  });

  it('marks an overdue deadline in words, and says when a closed case closed', () => {
    const view = caseListView({
      ...base,
      request: { filters: { status: 'all' }, page: 1 },
      result: {
        cases: [
          listing(1, { deadline: '2025-05-01T09:00:00.000Z', ownerName: 'Head of Waste' }),
          listing(2, { state: 'closed_recovered', closedAt: '2025-05-20T09:00:00.000Z' }),
        ],
        total: 2,
        page: 1,
        pageSize: 50,
      },
    });
    expect(view.rows.map((r) => [r.owner, r.deadline, r.overdue, r.stateTag.text])).toEqual([
      ['Head of Waste', '1 May 2025 (overdue by 31 days)', true, 'Open: awaiting an owner'],
      ['No owner named yet', 'Closed on 20 May 2025', false, 'Closed: performance recovered'],
    ]);
    expect(view.heading).toBe('All cases on the ladder of response');
    expect(view.clearHref).toBe('/cases');
  });

  it('puts the council’s name in the heading of its own cases', () => {
    const view = caseListView({
      ...base,
      request: { filters: { status: 'closed', body: 'ashford-council' }, page: 1 },
      result: { cases: [], total: 0, page: 1, pageSize: 50 },
      bodyName: 'Ashford Council',
    });
    expect(view.heading).toBe('Closed cases: Ashford Council');
    expect(view.resultsText).toBe('No cases match these filters.');
    expect(view.downloads).toBeUndefined();
    expect(view.form.councils.find((c) => c.selected)).toEqual({
      value: 'ashford-council',
      text: 'Ashford Council',
      selected: true,
    });
  });
});
