import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshSiteApp, type SiteTestApp } from '../../../../../test/support/site-app.ts';
import { getAllByRole, getByLabelText, getByRole, queryAllByRole, textOf } from '../../../../../test/support/site-dom.ts';
import { seedAreas, seedIndicator, seedObservations } from '../../../../../test/support/analysis-factories.ts';
import { seedAccountsBodies, TEST_BODIES } from '../../../../../test/support/accounts-factories.ts';
import { indicatorInput } from '../../../../../test/support/indicator-factories.ts';
import { fixedClock } from '../../../../platform/clock.ts';
import { saveIndicatorDefinitions } from '../../../indicators/index.ts';
import { RECYCLING, TRAFFORD, seedDistrictBoundaries, seedTraffordFigures } from '../../../../../test/support/site-figures.ts';

let site: SiteTestApp;
beforeEach(async () => {
  site = await freshSiteApp();
});
afterEach(async () => {
  await site.close();
});

const RANKED = 'Household waste recycled: metropolitan districts ranked, 2023/24';

describe('the indicator page', () => {
  it('explains the definition in plain words', async () => {
    await seedTraffordFigures(site.db);
    const { response, document } = await site.page(`/indicators/${RECYCLING}`);
    expect(response.statusCode).toBe(200);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Household waste recycled');
    const main = textOf(getByRole(document, 'main'));
    expect(main).toContain('What it measures The share of household waste sent for reuse');
    expect(main).toContain('Which way is better A higher figure is better.');
    expect(main).toContain('Unit Percentage, shown to 1 decimal place');
    getByRole(document, 'table', { name: 'Versions of the definition of Household waste recycled' });
    expect(main).not.toContain('A local indicator of');
  });

  it('names the council whose local indicator it is, the same for every reader', async () => {
    await seedAccountsBodies(site.db);
    await saveIndicatorDefinitions(
      site.db,
      [indicatorInput({ code: 'TRF-STREETS', title: 'Streets judged clean', ownerBodyId: TEST_BODIES.council.id })],
      fixedClock('2025-06-01T09:00:00.000Z'),
    );
    const { response, document } = await site.page('/indicators/TRF-STREETS');
    expect(textOf(getByRole(document, 'main'))).toContain('Streets judged clean A local indicator of Trafford Council');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
  });

  it('ranks the areas of a type with their quartiles, for the latest period by default', async () => {
    await seedTraffordFigures(site.db);
    const { document } = await site.page(`/indicators/${RECYCLING}`);
    const table = getByRole(document, 'table', { name: RANKED });
    const rows = getAllByRole(table, 'row')
      .slice(1, 7)
      .map((r) => getAllByRole(r, 'cell').map(textOf));
    expect(rows[0]).toEqual([
      '1',
      '62.0%',
      '1st quartile (best quarter)',
      expect.stringMatching(/than the median of all metropolitan districts$/),
    ]);
    expect(rows[1]?.slice(0, 2)).toEqual(['2', '58.4%']);
    expect(rows[5]?.slice(0, 3)).toEqual(['6', '40.2%', '4th quartile (worst quarter)']);
    expect(getByRole(table, 'link', { name: 'Trafford' }).getAttribute('href')).toBe('/areas/E08000009');
    expect(getByLabelText(document, 'Period').querySelector('option[selected]')?.getAttribute('value')).toBe('FY2023');
    getByLabelText(document, 'Type of area');
  });

  it('chooses another period and filters by name', async () => {
    await seedTraffordFigures(site.db);
    const { document } = await site.page(`/indicators/${RECYCLING}?period=FY2015&q=traff`);
    const table = getByRole(document, 'table', { name: 'Household waste recycled: metropolitan districts ranked, 2015/16' });
    const rows = getAllByRole(table, 'row').slice(1);
    expect(rows).toHaveLength(1);
    expect(getAllByRole(rows[0]!, 'cell').map(textOf).slice(0, 2)).toEqual(['1', '60.4%']);
  });

  it('opens on councils when the indicator is published for councils and for their many wards', async () => {
    await seedTraffordFigures(site.db);
    await seedIndicator(site.db, {
      code: 'WARDS-AND-COUNCILS',
      title: 'Ward and council figure',
      areaTypes: ['ward', 'metropolitan_district'],
    });
    const wards = await site.db.selectFrom('area').select('code').where('type', '=', 'ward').limit(21).execute();
    expect(wards.length).toBeGreaterThan(1);
    await seedObservations(site.db, 'WARDS-AND-COUNCILS', 'FY2023', [
      ...wards.map((w, i) => ({ area: w.code, value: 10 + i })),
      { area: TRAFFORD, value: 20 },
    ]);
    const { document } = await site.page('/indicators/WARDS-AND-COUNCILS');
    getByRole(document, 'table', { name: 'Ward and council figure: metropolitan districts ranked, 2023/24' });
    const { document: asked } = await site.page('/indicators/WARDS-AND-COUNCILS?type=ward');
    getByRole(asked, 'table', { name: 'Ward and council figure: wards ranked, 2023/24' });
  });

  it('says plainly when no area of the type has a figure for the period, and links to the latest that has', async () => {
    await seedTraffordFigures(site.db);
    await seedObservations(site.db, RECYCLING, 'FY2021', [{ area: 'E06000001', value: 38.5 }]);
    const { document } = await site.page(`/indicators/${RECYCLING}?period=FY2023&type=unitary`);
    const main = textOf(getByRole(document, 'main'));
    expect(main).toContain('No unitary authorities have a figure for 2023/24 yet.');
    expect(main).not.toMatch(/0 areas of/);
    const link = getByRole(document, 'link', { name: 'See 2021/22, the latest period with figures for unitary authorities' });
    expect(link.getAttribute('href')).toBe(`/indicators/${RECYCLING}?period=FY2021&type=unitary`);
    const { document: then } = await site.page(link.getAttribute('href')!);
    const table = getByRole(then, 'table', { name: 'Household waste recycled: unitary authorities ranked, 2021/22' });
    expect(
      getAllByRole(getByRole(table, 'link', { name: 'Hartlepool' }).closest('tr')!, 'cell')
        .map(textOf)
        .slice(0, 2),
    ).toEqual(['1', '38.5%']);
  });

  it('downloads the ranked table as CSV', async () => {
    await seedTraffordFigures(site.db);
    const { document } = await site.page(`/indicators/${RECYCLING}`);
    const link = getByRole(document, 'link', { name: `Download this table (CSV): ${RANKED}` });
    const csv = await site.app.inject({ method: 'GET', url: link.getAttribute('href')! });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('rank,area_code,area,period,value,quartile,compared_with_median,status');
    expect(lines[1]).toMatch(/^1,E08000007,Stockport,2023\/24,62,1,/);
    expect(lines[2]).toMatch(/^2,E08000009,Trafford,2023\/24,58.4,1,/);
    expect(
      getByRole(document, 'link', { name: `The same figures from the open data API (JSON): ${RANKED}` }).getAttribute('href'),
    ).toBe('/api/v1/analysis/compare-all?indicator=RECYCLING&period=FY2023&areaType=metropolitan_district');
  });

  it('shows England and the regions, and England over time', async () => {
    await seedAreas(site.db, [
      { code: 'E92000001', name: 'England', type: 'country' },
      { code: 'E12000002', name: 'North West', type: 'region', parents: ['E92000001'] },
    ]);
    await seedIndicator(site.db, { code: 'RECYCLE', title: 'Recycling', areaTypes: ['country', 'region'] });
    await seedObservations(site.db, 'RECYCLE', 'FY2022', [{ area: 'E92000001', value: 41.7 }]);
    await seedObservations(site.db, 'RECYCLE', 'FY2023', [
      { area: 'E92000001', value: 42.3 },
      { area: 'E12000002', value: 44.05 },
    ]);
    const { document } = await site.page('/indicators/RECYCLE?type=region');
    const places = getByRole(document, 'table', { name: 'Recycling: England, the other countries and the regions, 2023/24' });
    expect(getAllByRole(places, 'cell').map(textOf)).toEqual(['42.3%', 'Published', '44.1%', 'Published']);
    expect(textOf(getByRole(document, 'main'))).toContain('Recycling in England rose from 41.7% in 2022/23 to 42.3% in 2023/24.');
    getByRole(document, 'table', { name: 'Recycling in England, by year' });
    const chart = getByRole(document, 'img', { name: 'Recycling: England and the median of regions' });
    expect(chart.querySelector('desc')?.text).toBe('Recycling in England rose from 41.7% in 2022/23 to 42.3% in 2023/24.');
    expect(chart.querySelectorAll('title').map((t) => t.text)).toContain('England, 2022/23: 41.7%');
  });

  it('maps the ranked areas from a stored boundary set, each named with its figure and linked to its profile', async () => {
    await seedTraffordFigures(site.db);
    await seedDistrictBoundaries(site.db);
    const { document } = await site.page(`/indicators/${RECYCLING}`);
    const map = getByRole(document, 'group', { name: 'Household waste recycled: map of metropolitan districts, 2023/24' });
    const areas = map.querySelectorAll('.lv-map__areas title').map((t) => t.text);
    expect(areas).toHaveLength(6);
    expect(areas).toContain('Trafford: 58.4%');
    expect(areas).toContain('Manchester: 40.2%');
    expect(getByRole(map, 'link', { name: 'Trafford: 58.4%' }).getAttribute('href')).toBe(`/areas/${TRAFFORD}`);
    const skip = getByRole(document, 'link', { name: 'Skip the map' });
    const target = document.querySelector(skip.getAttribute('href')!);
    expect(target?.getAttribute('tabindex')).toBe('-1');
    const html = getByRole(document, 'main').innerHTML;
    expect(html.indexOf('Skip the map')).toBeLessThan(html.indexOf('id="map"'));
    expect(html.indexOf(`<caption class="govuk-table__caption govuk-table__caption--s">${RANKED}`)).toBeLessThan(
      html.indexOf('id="map"'),
    );
  });

  it('outlines on the map, and marks in the table, the area the reader came from', async () => {
    await seedTraffordFigures(site.db);
    await seedDistrictBoundaries(site.db);
    const { document } = await site.page(`/indicators/${RECYCLING}?area=e08000009`);
    const map = getByRole(document, 'group', { name: /^Household waste recycled: map of/ });
    expect(textOf(map)).toContain('Outlined: Trafford');
    const table = getByRole(document, 'table', { name: RANKED });
    expect(textOf(getByRole(table, 'row', { name: /Trafford/ }))).toContain('(this area)');
  });

  it('has no map when no boundary set covers the areas', async () => {
    await seedTraffordFigures(site.db);
    const { document } = await site.page(`/indicators/${RECYCLING}`);
    expect(queryAllByRole(document, 'group', { name: /map of/ })).toHaveLength(0);
    expect(queryAllByRole(document, 'link', { name: 'Skip the map' })).toHaveLength(0);
  });

  it('links the charts’ stylesheet, served as CSS', async () => {
    const { document } = await site.page(`/indicators/NOPE`);
    const hrefs = document.querySelectorAll('link[rel=stylesheet]').map((l) => l.getAttribute('href') ?? '');
    const charts = hrefs.find((h) => h.endsWith('/charts.css'));
    expect(charts).toBeDefined();
    for (const href of hrefs) {
      const response = await site.app.inject(href);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/css/);
    }
  });

  it('answers an unknown indicator with the page-not-found page', async () => {
    const { response } = await site.page('/indicators/NOPE');
    expect(response.statusCode).toBe(404);
  });
});
