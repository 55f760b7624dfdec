import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshSiteApp, type SiteTestApp } from '../../../../../test/support/site-app.ts';
import { getByLabelText, getByRole, queryAllByRole, textOf } from '../../../../../test/support/site-dom.ts';
import { importObservationRows } from '../../../data/index.ts';
import { fixedClock } from '../../../../platform/clock.ts';
import { insertAreas, saveTestIndicators } from '../../../../../test/support/data-factories.ts';

let site: SiteTestApp;
beforeEach(async () => {
  site = await freshSiteApp();
});
afterEach(async () => {
  await site.close();
});

describe('the start page', () => {
  it('says what Local Vision shows and offers a search box found by its label', async () => {
    const { response, document } = await site.page('/');
    expect(response.statusCode).toBe(200);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('See how public services perform where you live');
    const box = getByLabelText(document, 'Search for a place, ward, council or GSS code');
    expect(box.getAttribute('name')).toBe('q');
    expect(getByRole(document, 'searchbox', { name: 'Search for a place, ward, council or GSS code' })).toBe(box);
    const form = getByRole(document, 'search');
    expect(form.getAttribute('action')).toBe('/search');
    expect(form.getAttribute('method')).toBe('get');
    getByRole(form, 'button', { name: 'Search' });
  });

  it('offers Compare in the service navigation', async () => {
    const { document } = await site.page('/');
    const menu = getByRole(document, 'navigation', { name: 'Menu' });
    expect(getByRole(menu, 'link', { name: 'Compare' }).getAttribute('href')).toBe('/compare');
  });

  it('has the service name in the header, a skip link, and the data attribution in the footer', async () => {
    const { document } = await site.page('/');
    expect(document.querySelector('html')?.getAttribute('lang')).toBe('en-GB');
    expect(getByRole(getByRole(document, 'banner'), 'link', { name: 'Local Vision' }).getAttribute('href')).toBe('/');
    expect(getByRole(document, 'link', { name: 'Skip to main content' }).getAttribute('href')).toBe('#main-content');
    const footer = getByRole(document, 'contentinfo');
    expect(textOf(footer)).toContain('Contains OS data © Crown copyright and database right');
    expect(textOf(footer)).toContain('© mySociety, CC BY 4.0');
    expect(getByRole(footer, 'link', { name: 'About Local Vision and its data sources' }).getAttribute('href')).toBe('/about');
    expect(document.querySelector('[aria-label="GOV.UK"]')).toBeNull();
  });

  it('says when no figures have been published', async () => {
    const { document } = await site.page('/');
    getByRole(document, 'heading', { name: 'Most recent data published' });
    expect(textOf(getByRole(document, 'main'))).toContain('No figures have been published yet.');
    expect(queryAllByRole(document, 'table')).toEqual([]);
  });

  it('lists the most recent data published, with the latest period of each indicator', async () => {
    await insertAreas(site.db, [{ code: 'E08000009', name: 'Trafford' }]);
    await saveTestIndicators(site.db, { code: 'RECYCLING', title: 'Household waste recycled' });
    const rows = [
      { indicator: 'RECYCLING', area: 'E08000009', period: '2022/23', value: '58.4' },
      { indicator: 'RECYCLING', area: 'E08000009', period: '2023/24', value: '57.9' },
    ];
    await importObservationRows(site.db, rows, { clock: fixedClock('2025-05-20T10:00:00Z'), name: 'recycling' });
    const { document } = await site.page('/');
    const table = getByRole(document, 'table', { name: 'The latest period with figures, for each indicator' });
    const link = getByRole(table, 'link', { name: 'Household waste recycled' });
    expect(link.getAttribute('href')).toBe('/indicators/RECYCLING');
    expect(textOf(getByRole(table, 'cell', { name: '2023/24' }))).toBe('2023/24');
    expect(textOf(getByRole(document, 'main'))).toContain('Figures were last updated on 20 May 2025.');
  });
});
