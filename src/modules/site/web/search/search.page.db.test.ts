import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshSiteApp, type SiteTestApp } from '../../../../../test/support/site-app.ts';
import { getAllByRole, getByLabelText, getByRole, queryAllByRole, textOf } from '../../../../../test/support/site-dom.ts';
import { insertAreas, saveTestIndicators } from '../../../../../test/support/data-factories.ts';
import { seedTraffordPlaces } from '../../../../../test/support/places-factories.ts';
import { siteUrls } from '../../urls.ts';

let site: SiteTestApp;
beforeEach(async () => {
  site = await freshSiteApp();
});
afterEach(async () => {
  await site.close();
});

const LABEL = 'Search for a place, ward, council or GSS code';

describe('the search page', () => {
  it('lists Trafford, in plain words, linking to its page', async () => {
    await seedTraffordPlaces(site.db);
    const { response, document } = await site.page(siteUrls.search({ q: 'Trafford' }));
    expect(response.statusCode).toBe(200);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Search results for ‘Trafford’');
    expect(getByLabelText(document, LABEL).getAttribute('value')).toBe('Trafford');
    const places = getByRole(document, 'list', { name: 'Places' });
    const link = getByRole(places, 'link', { name: 'Trafford' });
    expect(link.getAttribute('href')).toBe('/areas/E08000009');
    const item = link.closest('li')!;
    expect(textOf(item)).toContain('Metropolitan district, code E08000009');
    expect(textOf(item)).toMatch(/Part of .*North West/);
  });

  it('finds an area by its GSS code, typed in any case', async () => {
    await seedTraffordPlaces(site.db);
    const { document } = await site.page(siteUrls.search({ q: 'e08000009' }));
    const places = getByRole(document, 'list', { name: 'Places' });
    expect(getAllByRole(places, 'listitem').map((li) => textOf(getByRole(li, 'link')))).toEqual(['Trafford']);
  });

  it('lists matching indicators, linking to their pages', async () => {
    await saveTestIndicators(site.db, { code: 'RECYCLING', title: 'Household waste recycled' });
    const { document } = await site.page(siteUrls.search({ q: 'recycled' }));
    getByRole(document, 'heading', { name: 'No places match ‘recycled’' });
    getByRole(document, 'heading', { name: '1 indicator matches ‘recycled’' });
    const indicators = getByRole(document, 'list', { name: 'Indicators' });
    expect(getByRole(indicators, 'link', { name: 'Household waste recycled' }).getAttribute('href')).toBe(
      '/indicators/RECYCLING',
    );
  });

  it('asks for a search when there is none', async () => {
    const { response, document } = await site.page('/search');
    expect(response.statusCode).toBe(200);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Search');
    getByLabelText(document, LABEL);
    expect(queryAllByRole(document, 'list', { name: 'Places' })).toEqual([]);
  });

  it('says when nothing matches', async () => {
    const { document } = await site.page(siteUrls.search({ q: 'Atlantis' }));
    getByRole(document, 'heading', { name: 'There are no matching results' });
  });

  it('pages through many results', async () => {
    await insertAreas(
      site.db,
      Array.from({ length: 45 }, (_, i) => ({
        code: `E05${String(900000 + i)}`,
        name: `Testward ${String(i).padStart(2, '0')}`,
      })),
    );
    const first = await site.page(siteUrls.search({ q: 'Testward' }));
    getByRole(first.document, 'heading', { name: '45 places match ‘Testward’' });
    expect(getAllByRole(getByRole(first.document, 'list', { name: 'Places' }), 'listitem')).toHaveLength(20);
    const pages = getByRole(first.document, 'navigation', { name: 'Pages of places' });
    const next = getByRole(pages, 'link', { name: /Next/ });
    expect(next.getAttribute('href')).toBe('/search?q=Testward&page=2');
    const last = await site.page('/search?q=Testward&page=3');
    expect(textOf(getByRole(last.document, 'main'))).toContain('Showing 41 to 45 of 45 places');
    const beyond = await site.page('/search?q=Testward&page=99');
    expect(textOf(getByRole(beyond.document, 'main'))).toContain('Showing 41 to 45 of 45 places');
  });

  it('refuses an over-long search with an error summary linked to the box (400)', async () => {
    const { response, document } = await site.page(siteUrls.search({ q: 'x'.repeat(101) }));
    expect(response.statusCode).toBe(400);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(textOf(document.querySelector('title')!)).toMatch(/^Error: /);
    const summary = getByRole(document, 'alert');
    getByRole(summary, 'heading', { name: 'There is a problem' });
    const link = getByRole(summary, 'link', { name: `${LABEL} must be 100 characters or fewer` });
    expect(link.getAttribute('href')).toBe('#q');
    expect(getByLabelText(document, LABEL).getAttribute('aria-describedby')).toContain('q-error');
  });

  it('shows an area named like a script as text, never as markup', async () => {
    await insertAreas(site.db, [{ code: 'E08999999', name: '<script>alert(1)</script>', type: 'metropolitan_district' }]);
    const { response, document } = await site.page(siteUrls.search({ q: 'alert' }));
    const places = getByRole(document, 'list', { name: 'Places' });
    expect(getByRole(places, 'link', { name: '<script>alert(1)</script>' }).getAttribute('href')).toBe('/areas/E08999999');
    expect(response.body).not.toContain('<script>alert(1)</script>');
    expect(response.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows a search for markup as text', async () => {
    const { response, document } = await site.page(siteUrls.search({ q: '"><img src=x onerror=alert(1)>' }));
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Search results for ‘"><img src=x onerror=alert(1)>’');
    expect(response.body).not.toContain('<img src=x');
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });
});
