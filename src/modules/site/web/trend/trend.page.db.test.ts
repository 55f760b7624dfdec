import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshSiteApp, type SiteTestApp } from '../../../../../test/support/site-app.ts';
import { getAllByRole, getByRole, textOf } from '../../../../../test/support/site-dom.ts';
import { RECYCLING, TRAFFORD, TRAFFORD_RECYCLING, seedTraffordFigures } from '../../../../../test/support/site-figures.ts';
import { seedObservations } from '../../../../../test/support/analysis-factories.ts';

let site: SiteTestApp;
beforeEach(async () => {
  site = await freshSiteApp();
});
afterEach(async () => {
  await site.close();
});

describe('the trend page', () => {
  it('says in one sentence how the figure changed, with the table of every period', async () => {
    await seedTraffordFigures(site.db);
    const { response, document } = await site.page(`/trend?area=${TRAFFORD}&indicator=${RECYCLING}`);
    expect(response.statusCode).toBe(200);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Household waste recycled in Trafford');
    expect(textOf(getByRole(document, 'main'))).toContain(
      'Household waste recycled in Trafford fell from 60.4% in 2015/16 to 58.4% in 2023/24.',
    );
    const table = getByRole(document, 'table', { name: 'Household waste recycled in Trafford, by period' });
    const rows = getAllByRole(table, 'row').slice(1);
    expect(rows).toHaveLength(9);
    expect(getAllByRole(rows[8]!, 'cell').map(textOf)).toEqual(['58.4%', 'Improving']);
  });

  it('draws the series as a chart named by the indicator and the area, before the table', async () => {
    await seedTraffordFigures(site.db);
    const { document } = await site.page(`/trend?area=${TRAFFORD}&indicator=${RECYCLING}`);
    const chart = getByRole(document, 'img', { name: 'Household waste recycled, Trafford' });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    expect(chart.querySelector('desc')?.text).toBe(
      'Household waste recycled in Trafford fell from 60.4% in 2015/16 to 58.4% in 2023/24.',
    );
    const markers = chart.querySelectorAll('title').map((t) => t.text);
    expect(markers).toContain('Trafford, 2023/24: 58.4%');
    const table = getByRole(document, 'table', { name: 'Household waste recycled in Trafford, by period' });
    const html = getByRole(document, 'main').innerHTML;
    expect(html.indexOf('<svg')).toBeLessThan(html.indexOf('<table'));
    const region = getByRole(document, 'region', { name: 'Household waste recycled in Trafford, by period' });
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.querySelector('table')).toBe(table);
  });

  it('draws and tables England beside the area, for the same periods', async () => {
    await seedTraffordFigures(site.db);
    for (const [period] of TRAFFORD_RECYCLING.slice(-2))
      await seedObservations(site.db, RECYCLING, period, [{ area: 'E92000001', value: 43.5 }]);
    await seedObservations(site.db, RECYCLING, 'FY2010', [{ area: 'E92000001', value: 30 }]);
    const { document } = await site.page(`/trend?area=${TRAFFORD}&indicator=${RECYCLING}`);
    const chart = getByRole(document, 'img', { name: 'Household waste recycled, Trafford' });
    const tips = chart.querySelectorAll('title').map((t) => t.text);
    expect(tips).toContain('England, 2023/24: 43.5%');
    expect(tips.filter((t) => t.startsWith('England,'))).toHaveLength(2);
    const table = getByRole(document, 'table', { name: 'Household waste recycled in Trafford, by period' });
    const rows = getAllByRole(table, 'row').slice(1);
    expect(rows).toHaveLength(9);
    expect(getAllByRole(rows[8]!, 'cell').map(textOf)).toEqual(['58.4%', '43.5%', 'Improving']);
    expect(getAllByRole(rows[0]!, 'cell').map(textOf)).toEqual(['60.4%', 'no data', '–']);
  });

  it('downloads its table as CSV', async () => {
    await seedTraffordFigures(site.db);
    const { document } = await site.page(`/trend?area=${TRAFFORD}&indicator=${RECYCLING}`);
    const link = getByRole(document, 'link', { name: /^Download this table \(CSV\)/ });
    const csv = await site.app.inject({ method: 'GET', url: link.getAttribute('href')! });
    const lines = csv.body.trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[1]).toBe('RECYCLING,E08000009,2015/16,60.4,,,,final,published');
  });

  it('asks for an area and an indicator (400)', async () => {
    const { response, document } = await site.page('/trend');
    expect(response.statusCode).toBe(400);
    const summary = getByRole(document, 'alert');
    expect(getByRole(summary, 'link', { name: /^Enter the code of an area/ }).getAttribute('href')).toBe('#area');
  });

  it('answers an unknown area with the page-not-found page', async () => {
    await seedTraffordFigures(site.db);
    const { response } = await site.page(`/trend?area=E08999999&indicator=${RECYCLING}`);
    expect(response.statusCode).toBe(404);
  });
});
