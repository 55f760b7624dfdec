import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshSiteApp, type SiteTestApp } from '../../../../../test/support/site-app.ts';
import { getAllByRole, getByLabelText, getByRole, textOf } from '../../../../../test/support/site-dom.ts';
import { RECYCLING, TRAFFORD, seedTraffordFigures } from '../../../../../test/support/site-figures.ts';

let site: SiteTestApp;
beforeEach(async () => {
  site = await freshSiteApp();
});
afterEach(async () => {
  await site.close();
});

describe('the compare page', () => {
  it('offers a form with labelled fields', async () => {
    const { response, document } = await site.page('/compare');
    expect(response.statusCode).toBe(200);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Compare an area');
    getByLabelText(document, 'Area code');
    getByLabelText(document, 'Indicator');
    getByLabelText(document, 'Areas of the same type');
    getByLabelText(document, 'Area codes for a hand-picked group');
    getByRole(document, 'button', { name: 'Compare' });
  });

  it("highlights the area's row, in text as well as visually, and says how far it is from the median", async () => {
    await seedTraffordFigures(site.db);
    const { response, document } = await site.page(`/compare?area=${TRAFFORD}&indicator=${RECYCLING}&group=type`);
    expect(response.statusCode).toBe(200);
    const table = getByRole(document, 'table', {
      name: 'Household waste recycled: Trafford and all metropolitan districts, 2023/24',
    });
    const row = getByRole(table, 'link', { name: 'Trafford' }).closest('tr')!;
    expect(textOf(row)).toContain('Trafford (this area)');
    expect(getAllByRole(row, 'cell').map(textOf).slice(0, 2)).toEqual(['2', '58.4%']);
    expect(textOf(getByRole(document, 'main'))).toContain(
      'Trafford’s 58.4% is similar to the median of all metropolitan districts (the group’s median is 52.7%). It ranks 2nd of 6.',
    );
    const stockport = getByRole(table, 'link', { name: 'Stockport' }).closest('tr')!;
    expect(textOf(stockport)).not.toContain('(this area)');
  });

  it('shows every indicator side by side when none is chosen', async () => {
    await seedTraffordFigures(site.db);
    const { document } = await site.page(`/compare?area=${TRAFFORD}&group=type`);
    const table = getByRole(document, 'table', { name: 'Trafford compared with all metropolitan districts, every indicator' });
    const row = getByRole(table, 'link', { name: 'Household waste recycled' }).closest('tr')!;
    const cells = getAllByRole(row, 'cell').map(textOf);
    expect(cells.slice(0, 3)).toEqual(['2023/24', '58.4%', '52.7%']);
    expect(cells.slice(3)).toEqual(['2nd of 6', 'Similar to all metropolitan districts']);
  });

  it('downloads the group table as CSV', async () => {
    await seedTraffordFigures(site.db);
    const { document } = await site.page(`/compare?area=${TRAFFORD}&indicator=${RECYCLING}&group=type`);
    const link = getByRole(document, 'link', { name: /^Download this table \(CSV\)/ });
    const csv = await site.app.inject({ method: 'GET', url: link.getAttribute('href')! });
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('rank,area_code,area,this_area,period,value,quartile,direction_of_travel');
    expect(lines).toContain('2,E08000009,Trafford,true,2023/24,58.4,1,improving');
  });

  it('refuses bad input with a 400 and an error summary linking to each field', async () => {
    await seedTraffordFigures(site.db);
    const { response, document } = await site.page('/compare?area=&group=custom&codes=');
    expect(response.statusCode).toBe(400);
    const summary = getByRole(document, 'alert');
    expect(getByRole(summary, 'link', { name: /^Enter the code of the area/ }).getAttribute('href')).toBe('#area');
    expect(getByRole(summary, 'link', { name: /^Enter the codes of the areas/ }).getAttribute('href')).toBe('#codes');
    expect(getByLabelText(document, 'Area code').getAttribute('aria-describedby')).toContain('area-error');
  });

  it('says when the area is unknown or no similar councils are stored', async () => {
    await seedTraffordFigures(site.db);
    const unknown = await site.page('/compare?area=E08999999&group=type');
    expect(unknown.response.statusCode).toBe(400);
    getByRole(getByRole(unknown.document, 'alert'), 'link', { name: 'No area has the code E08999999' });
    const nearest = await site.page(`/compare?area=${TRAFFORD}&group=nearest`);
    expect(nearest.response.statusCode).toBe(400);
    expect(getByRole(getByRole(nearest.document, 'alert'), 'link', { name: /nearest-neighbour/ }).getAttribute('href')).toBe(
      '#group',
    );
  });

  it('shows what was typed as text, never markup', async () => {
    const { response } = await site.page('/compare?area=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&group=type');
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('<img src=x');
  });
});
