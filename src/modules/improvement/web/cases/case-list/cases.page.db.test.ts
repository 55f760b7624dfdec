import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../../../test/support/app.ts';
import { ASHFORD, BARTON, casesApp, RECYCLING } from '../../../../../../test/support/case-pages-web.ts';
import {
  getAllByRole,
  getByLabelText,
  getByRole,
  parsePage,
  queryAllByRole,
  textOf,
} from '../../../../../../test/support/site-dom.ts';
import { caseUrls } from '../urls.ts';

let t: TestApp;
beforeAll(async () => {
  t = await casesApp();
});
afterAll(async () => t.close());

const get = async (url: string) => {
  const response = await t.app.inject({ url });
  return { response, document: parsePage(response.body) };
};
/** The table's rows as the reader sees them: case, council, rung, state, deadline. */
const rowsOf = (html: string) =>
  getAllByRole(getByRole(parsePage(html), 'table'), 'row')
    .slice(1)
    .map((r) => queryAllByRole(r, 'cell').map(textOf));

describe('the list of cases', () => {
  it('shows the open cases nationally with their rung, state, owner, deadline and latest evidence, and the counts on each rung', async () => {
    const { response, document } = await get(caseUrls.list());
    expect(response.statusCode).toBe(200);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Open cases on the ladder of response');
    const rows = rowsOf(response.body);
    const ashford = rows.find((r) => r[0]!.startsWith('Ashford Council'));
    expect(ashford).toEqual([
      'Ashford Council: Household waste recycled and composted (RECY)',
      'Ashford Council Ashford',
      'Household waste recycled and composted (RECY)',
      'Rung 1 Rung 1: Internal performance management and scrutiny',
      'Open: awaiting an owner',
      'No owner named yet',
      '30 August 2025',
      '1 June 2025',
      expect.stringMatching(/^Household waste recycled and composted 17\.0% in 2023\/24/),
    ]);
    expect(rows.some((r) => r[0]!.startsWith('Barton Council: Household waste recycled'))).toBe(true);
    const counts = textOf(getByRole(document, 'list', { name: 'On each rung of the ladder' }));
    expect(counts).toContain(`${rows.length} cases: Internal performance management and scrutiny`);
    expect(counts).toContain('0 cases: Sector and partnership support');
    expect(getByRole(document, 'link', { name: /^Download this table \(CSV\)/ }).getAttribute('href')).toBe('/cases.csv');
    expect(getByRole(document, 'link', { name: /^The same cases from the open data API/ }).getAttribute('href')).toBe(
      '/api/v1/cases?status=open',
    );
  });

  it('is in every page’s menu, marked as the current page here', async () => {
    const { document } = await get(caseUrls.list());
    const menu = getByRole(document, 'navigation', { name: 'Menu' });
    expect(getByRole(menu, 'link', { name: 'Cases' }).getAttribute('aria-current')).toBe('page');
    const elsewhere = getByRole((await get('/about')).document, 'navigation', { name: 'Menu' });
    expect(getByRole(elsewhere, 'link', { name: 'Cases' }).getAttribute('href')).toBe('/cases');
  });

  it('is filtered by the GET form: one council’s cases have its name in the heading', async () => {
    const { document } = await get(caseUrls.list({ body: ASHFORD.bodyId }));
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Open cases: Ashford Council');
    const select = getByLabelText(document, 'Council');
    expect(select.querySelector('option[selected]')?.getAttribute('value')).toBe(ASHFORD.bodyId);
    const rows = rowsOf((await t.app.inject({ url: caseUrls.list({ body: ASHFORD.bodyId }) })).body);
    expect(rows.map((r) => r[1])).toEqual(rows.map(() => 'Ashford Council Ashford'));
  });

  it('filters by indicator, rung, why the case opened and status', async () => {
    const byIndicator = rowsOf((await get(caseUrls.list({ indicator: RECYCLING }))).response.body);
    expect(byIndicator.map((r) => r[2])).toEqual([
      'Household waste recycled and composted (RECY)',
      'Household waste recycled and composted (RECY)',
    ]);
    const none = await get(caseUrls.list({ indicator: 'NOTHING' }));
    expect(textOf(getByRole(none.document, 'main'))).toContain('No cases match these filters.');
    const byArea = rowsOf((await get(caseUrls.list({ area: BARTON.area }))).response.body);
    expect(byArea.map((r) => r[0])).toEqual(['Barton Council: Household waste recycled and composted (RECY)']);
    const { document } = await get(caseUrls.list({ rung: 2 }));
    expect(textOf(getByRole(document, 'main'))).toContain('No cases match these filters.');
    expect(queryAllByRole(document, 'table')).toEqual([]);
    const red = rowsOf((await get(caseUrls.list({ kind: 'red_red', area: ASHFORD.area }))).response.body);
    expect(red.map((r) => r[0])).toEqual(['Ashford Council: Household waste recycled and composted (RECY)']);
    const closed = await get(caseUrls.list({ status: 'closed' }));
    expect(textOf(getByRole(closed.document, 'heading', { level: 1 }))).toBe('Closed cases on the ladder of response');
  });

  it('says which filter is wrong and what was given, keeping the form filled', async () => {
    const { response, document } = await get('/cases?rung=7&area=E08000101');
    expect(response.statusCode).toBe(400);
    const summary = getByRole(document, 'alert');
    expect(queryAllByRole(summary, 'link').map((a) => [textOf(a), a.getAttribute('href')])).toEqual([
      ['Rung: “7” must be 1, 2 or 3.', '#rung'],
    ]);
    expect(getByLabelText(document, 'Area code').getAttribute('value')).toBe('E08000101');
    const unknown = await get(caseUrls.list({ body: 'nowhere-council' }));
    expect(unknown.response.statusCode).toBe(400);
    expect(textOf(getByRole(unknown.document, 'alert'))).toContain('Council: “nowhere-council” is not a body we know.');
  });
});

describe('the list as CSV', () => {
  it('has the same cases and filters, with a header row and each case’s page', async () => {
    const response = await t.app.inject({ url: caseUrls.csv({ body: ASHFORD.bodyId }) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="cases-open-ashford-council.csv"');
    const [header, ...lines] = response.body.trim().split('\n');
    expect(header).toBe(
      'case_id,title,council_id,council,area_code,area,indicator_code,indicator,rung,rung_name,state,state_name,owner,deadline,overdue,opened_at,closed_at,closed_reason,triggers,firings,latest_evidence,page',
    );
    expect(lines.length).toBe(rowsOf((await get(caseUrls.list({ body: ASHFORD.bodyId }))).response.body).length);
    expect(lines.every((l) => l.includes(',ashford-council,Ashford Council,E08000101,'))).toBe(true);
    expect(lines[0]).toMatch(/,\/cases\/\d+$/);
  });

  it('refuses filters it cannot read, saying which', async () => {
    const response = await t.app.inject({ url: '/cases.csv?status=everything' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Status: “everything” must be open, closed or all.');
  });
});
