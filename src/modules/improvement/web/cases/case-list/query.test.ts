import { describe, expect, it } from 'vitest';
import { parseCaseListQuery } from './query.ts';

describe('reading the filters of the list of cases', () => {
  it.each([
    [{}, { filters: { status: 'open' }, page: 1 }],
    [{ status: 'closed' }, { filters: { status: 'closed' }, page: 1 }],
    [
      { status: 'all', rung: '2', page: '3' },
      { filters: { status: 'all', rung: 2 }, page: 3 },
    ],
    [
      { body: 'trafford-council', area: 'E08000009', indicator: 'NI 192', kind: 'red_red' },
      { filters: { status: 'open', body: 'trafford-council', area: 'E08000009', indicator: 'NI 192', kind: 'red_red' }, page: 1 },
    ],
    [{ body: ['bury-council', 'trafford-council'] }, { filters: { status: 'open', body: 'bury-council' }, page: 1 }],
    [
      { body: '  ', rung: '' },
      { filters: { status: 'open' }, page: 1 },
    ],
  ])('reads %j', (query, request) => {
    expect(parseCaseListQuery(query)).toEqual({ ok: true, request });
  });

  it.each([
    [{ status: 'shut' }, 'Status: “shut” must be open, closed or all.', '#status'],
    [{ rung: '4' }, 'Rung: “4” must be 1, 2 or 3.', '#rung'],
    [{ rung: 'two' }, 'Rung: “two” must be 1, 2 or 3.', '#rung'],
    [{ page: '0' }, 'Page: “0” must be a whole number from 1.', '#page'],
    [{ page: '1.5' }, 'Page: “1.5” must be a whole number from 1.', '#page'],
    [{ kind: 'Drop Table' }, 'Why it opened: “Drop Table” is not a kind of trigger.', '#kind'],
    [{ area: "E08' OR 1=1" }, "Area code: “E08' OR 1=1” is not a code or id.", '#area'],
    [{ body: '<script>' }, 'Council: “<script>” is not a code or id.', '#body'],
  ])('says what is wrong with %j and where', (query, text, href) => {
    const parsed = parseCaseListQuery(query);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.summary).toEqual([{ text, href }]);
  });

  it('names every filter that is wrong, keeping what was sent', () => {
    const parsed = parseCaseListQuery({ status: 'x', rung: '9', area: 'E08000009' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.summary.map((e) => e.href)).toEqual(['#status', '#rung']);
    expect(parsed.sent).toMatchObject({ status: 'x', rung: '9', area: 'E08000009' });
  });
});
