import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshSiteApp, SITE_TEST_SOURCES as DATA_SOURCES, type SiteTestApp } from '../../../../../test/support/site-app.ts';
import { getAllByRole, getByRole, textOf } from '../../../../../test/support/site-dom.ts';

let site: SiteTestApp;
beforeEach(async () => {
  site = await freshSiteApp({ now: '2025-06-01T09:00:00.000Z' });
});
afterEach(async () => {
  await site.close();
});

describe('the about page', () => {
  it('says what Local Vision is', async () => {
    const { response, document } = await site.page('/about');
    expect(response.statusCode).toBe(200);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('About Local Vision and its data');
    expect(textOf(getByRole(document, 'main'))).toContain(
      'open software for publishing and comparing how local public services perform',
    );
  });

  it('lists every data source with its publisher, licence and attribution', async () => {
    const { document } = await site.page('/about');
    const main = getByRole(document, 'main');
    expect(getAllByRole(main, 'heading', { level: 3 }).map(textOf)).toEqual(DATA_SOURCES.map((s) => s.title));
    for (const source of DATA_SOURCES) {
      const heading = getByRole(main, 'heading', { level: 3, name: source.title });
      const list = heading.nextElementSibling!;
      expect(textOf(list)).toContain(`Publisher ${source.publisher}`);
      expect(textOf(list)).toContain(`Licence ${source.licence}`);
      expect(textOf(list)).toContain(`Attribution ${source.attribution}`);
    }
    const ogl = getAllByRole(main, 'link', { name: 'Open Government Licence v3.0' })[0]!;
    expect(ogl.getAttribute('href')).toBe('https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/');
  });

  it('states the Ordnance Survey copyright', async () => {
    const { document } = await site.page('/about');
    expect(textOf(getByRole(document, 'main'))).toContain('Contains OS data © Crown copyright and database right 2025.');
  });

  it('is marked as the current page in the navigation', async () => {
    const { document } = await site.page('/about');
    const nav = getByRole(document, 'navigation', { name: 'Menu' });
    expect(getByRole(nav, 'link', { name: 'About the data' }).getAttribute('aria-current')).toBe('page');
  });
});
