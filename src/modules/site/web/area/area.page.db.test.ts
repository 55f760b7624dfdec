import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshSiteApp, type SiteTestApp } from '../../../../../test/support/site-app.ts';
import { getAllByRole, getByRole, textOf } from '../../../../../test/support/site-dom.ts';
import { seedAreas, seedIndicator, seedObservations } from '../../../../../test/support/analysis-factories.ts';
import { TRAFFORD, seedTraffordFigures } from '../../../../../test/support/site-figures.ts';

let site: SiteTestApp;
beforeEach(async () => {
  site = await freshSiteApp();
});
afterEach(async () => {
  await site.close();
});

describe('the area profile', () => {
  it("shows Trafford's recycling rate for 2023/24 with its direction of travel, rank and quartile", async () => {
    await seedTraffordFigures(site.db);
    const { response, document } = await site.page(`/areas/${TRAFFORD}`);
    expect(response.statusCode).toBe(200);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Trafford');
    getByRole(document, 'heading', { level: 3, name: 'Environment' });
    const table = getByRole(document, 'table', { name: 'Environment: the latest figures for Trafford' });
    const row = getByRole(table, 'link', { name: 'Household waste recycled' }).closest('tr')!;
    const cells = getAllByRole(row, 'cell').map(textOf);
    expect(cells[0]).toBe('58.4% in 2023/24');
    expect(cells[1]).toBe('Improving');
    expect(cells[2]).toBe('2nd of 6');
    expect(cells[3]).toBe('1st quartile (best quarter)');
    expect(textOf(getByRole(document, 'main'))).toContain('Ranks and quartiles compare Trafford with all metropolitan districts');
    expect(row.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(getByRole(row, 'link', { name: 'See the trend of Household waste recycled' }).getAttribute('href')).toBe(
      '/trend?area=E08000009&indicator=RECYCLING',
    );
  });

  it('lists its parents, councils of both tiers and its wards as links', async () => {
    await seedTraffordFigures(site.db);
    const { document } = await site.page(`/areas/${TRAFFORD}`);
    const parents = getByRole(document, 'list', { name: 'Areas Trafford is part of' });
    expect(getByRole(parents, 'link', { name: 'North West (region)' }).getAttribute('href')).toBe('/areas/E12000002');
    const councils = textOf(getByRole(document, 'list', { name: 'Councils for Trafford' }));
    expect(councils).toContain('Trafford Metropolitan Borough Council');
    expect(councils).toContain('Greater Manchester Combined Authority');
    const wards = getByRole(document, 'list', { name: 'Wards (21)' });
    expect(getAllByRole(wards, 'link')).toHaveLength(21);
    getByRole(wards, 'link', { name: 'Altrincham' });
  });

  it('pages through hundreds of children', async () => {
    await seedAreas(site.db, [
      { code: 'E08000001', name: 'Bolton', type: 'metropolitan_district' },
      ...Array.from({ length: 120 }, (_, i) => ({
        code: `E01${String(100000 + i)}`,
        name: `Bolton ${String(i).padStart(3, '0')}`,
        type: 'lsoa',
        parents: ['E08000001'],
      })),
    ]);
    const first = await site.page('/areas/E08000001');
    const list = getByRole(first.document, 'list', { name: 'Lower layer super output areas (LSOAs) (120)' });
    expect(getAllByRole(list, 'link')).toHaveLength(50);
    const pages = getByRole(first.document, 'navigation', { name: /^Pages of Lower layer/ });
    expect(getByRole(pages, 'link', { name: /Next/ }).getAttribute('href')).toBe(
      '/areas/E08000001?childType=lsoa&page=2#children-lsoa',
    );
    const third = await site.page('/areas/E08000001?childType=lsoa&page=3');
    expect(textOf(getByRole(third.document, 'main'))).toContain('Showing 101 to 120 of 120');
  });

  it('offers its table as CSV with the right rows', async () => {
    await seedTraffordFigures(site.db);
    const { document } = await site.page(`/areas/${TRAFFORD}`);
    const link = getByRole(document, 'link', { name: /^Download this table \(CSV\): Environment/ });
    const csv = await site.app.inject({ method: 'GET', url: link.getAttribute('href')! });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^environment,RECYCLING,Household waste recycled,2023\/24,58.4,58.4%,percentage,improving,2,6,1,/);
    expect(getByRole(document, 'link', { name: /^The same figures from the open data API \(JSON\)/ }).getAttribute('href')).toBe(
      '/api/v1/analysis/profile/E08000009?includeDerived=true',
    );
  });

  it('notes provisional figures and derived ones with their coverage', async () => {
    await seedAreas(site.db, [
      { code: 'E08000009', name: 'Trafford', type: 'metropolitan_district' },
      { code: 'E05000001', name: 'Altrincham', type: 'ward', parents: ['E08000009'], population: 1000 },
      { code: 'E05000002', name: 'Bowdon', type: 'ward', parents: ['E08000009'], population: 1000 },
      { code: 'E05000003', name: 'Hale', type: 'ward', parents: ['E08000009'], population: 1000 },
    ]);
    await seedIndicator(site.db, {
      code: 'OBESITY',
      title: 'Adults obese',
      areaAggregation: 'population_weighted_mean',
      areaTypes: ['ward'],
    });
    await seedObservations(site.db, 'OBESITY', 'FY2023', [
      { area: 'E05000001', value: 20, status: 'provisional' },
      { area: 'E05000002', value: 30 },
    ]);
    const { document } = await site.page('/areas/E08000009');
    const row = getByRole(document, 'link', { name: 'Adults obese' }).closest('tr')!;
    const figure = textOf(getAllByRole(row, 'cell')[0]!);
    expect(figure).toContain('Provisional');
    expect(figure).toContain('Worked out from 2 of 3 wards');
  });

  it('answers an unknown code with the page-not-found page', async () => {
    const { response, document } = await site.page('/areas/E08999999');
    expect(response.statusCode).toBe(404);
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('Page not found');
  });

  it('shows names as text, never markup', async () => {
    await seedAreas(site.db, [{ code: 'E08999998', name: '<script>alert(1)</script>', type: 'metropolitan_district' }]);
    const { response, document } = await site.page('/areas/E08999998');
    expect(textOf(getByRole(document, 'heading', { level: 1 }))).toBe('<script>alert(1)</script>');
    expect(response.body).not.toContain('<script>alert(1)</script>');
  });
});
