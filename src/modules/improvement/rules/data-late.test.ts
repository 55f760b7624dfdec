import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from './config.ts';
import { evaluateRule } from './triggers.ts';
import type { DeadlineFacts } from '../improvement.types.ts';

const due: DeadlineFacts = {
  indicatorCode: 'NI192',
  indicatorTitle: 'Recycling rate',
  period: 'FY2025',
  dueDate: '2026-09-30',
  receivedAt: null,
};

interface Row {
  now: string;
  graceDays?: number;
  receivedAt?: string;
  fires: boolean;
  daysLate?: number;
  summary?: RegExp;
}

const rows: Record<string, Row> = {
  'not published, a week before the due date: not late': {
    now: '2026-09-23T12:00:00Z',
    fires: false,
    summary: /^Recycling rate for 2025\/26 is due by 30 September 2026; it is not late yet$/,
  },
  'not published, on the due date itself: not late (the day is allowed)': { now: '2026-09-30T23:59:59Z', fires: false },
  'not published, the day after the due date: fires, 1 day late': {
    now: '2026-10-01T00:00:00Z',
    fires: true,
    daysLate: 1,
    summary: /^Recycling rate for 2025\/26 was due by 30 September 2026 and has not been published: 1 day late$/,
  },
  'not published, 57 days after: fires': { now: '2026-11-26T09:00:00Z', fires: true, daysLate: 57 },
  'not published, 10 days after with 14 days’ grace: not late': {
    now: '2026-10-10T09:00:00Z',
    graceDays: 14,
    fires: false,
    summary: /with a grace of 14 days/,
  },
  'not published, 15 days after with 14 days’ grace: fires, counted from the due date': {
    now: '2026-10-15T09:00:00Z',
    graceDays: 14,
    fires: true,
    daysLate: 15,
  },
  'published before the due date: does not fire': {
    now: '2026-11-26T09:00:00Z',
    receivedAt: '2026-09-12T10:00:00Z',
    fires: false,
    summary: /published on 12 September 2026, by its due date/,
  },
  'published late: late no longer once it is in': {
    now: '2026-11-26T09:00:00Z',
    receivedAt: '2026-10-20T10:00:00Z',
    fires: false,
    summary: /published on 20 October 2026, after its due date of 30 September 2026/,
  },
};

describe('data late past its collection deadline', () => {
  it.each(Object.entries(rows))('%s', (_, row) => {
    const params = { ...DEFAULT_PARAMS.data_late, graceDays: row.graceDays ?? 0 };
    const facts = { ...due, receivedAt: row.receivedAt ?? null };
    const outcome = evaluateRule('data_late', params, facts, new Date(row.now));
    expect(outcome.fires).toBe(row.fires);
    expect(outcome.period).toBe('FY2025');
    if (row.daysLate !== undefined) expect(outcome.evidence.daysLate).toBe(row.daysLate);
    if (row.summary) expect(outcome.summary).toMatch(row.summary);
    expect(outcome.evidence).toMatchObject({ dueDate: '2026-09-30', graceDays: params.graceDays });
  });
});
