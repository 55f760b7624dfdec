import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshSiteApp, type SiteTestApp } from '../../../test/support/site-app.ts';
import { getByRole, textOf } from '../../../test/support/site-dom.ts';
import { seedObservations } from '../../../test/support/analysis-factories.ts';
import { RECYCLING, TRAFFORD, seedTraffordFigures } from '../../../test/support/site-figures.ts';

let site: SiteTestApp;
beforeEach(async () => {
  site = await freshSiteApp();
  await seedTraffordFigures(site.db);
});
afterEach(async () => {
  await site.close();
});

const latestRecycling = async (url: string) => {
  const { response, document } = await site.page(url);
  const table = getByRole(document, 'table', { name: 'Environment: the latest figures for Trafford' });
  const row = getByRole(table, 'link', { name: 'Household waste recycled' }).closest('tr')!;
  return { cache: response.headers['x-page-cache'], latest: textOf(row.querySelector('td')!) };
};

describe('cached public pages', () => {
  it('are served from the cache until new figures arrive, then show them at once', async () => {
    const url = `/areas/${TRAFFORD}`;
    expect(await latestRecycling(url)).toEqual({ cache: 'miss', latest: '58.4% in 2023/24' });
    expect(await latestRecycling(url)).toEqual({ cache: 'hit', latest: '58.4% in 2023/24' });
    await seedObservations(site.db, RECYCLING, 'FY2024', [{ area: TRAFFORD, value: 61.2 }]);
    expect(await latestRecycling(url)).toEqual({ cache: 'miss', latest: '61.2% in 2024/25' });
    expect(await latestRecycling(url)).toEqual({ cache: 'hit', latest: '61.2% in 2024/25' });
  });

  it('serve CSV downloads from the cache too, and renew them with the data', async () => {
    const url = `/areas/${TRAFFORD}?format=csv`;
    const first = await site.app.inject(url);
    const second = await site.app.inject(url);
    expect([first.headers['x-page-cache'], second.headers['x-page-cache']]).toEqual(['miss', 'hit']);
    expect(second.body).toBe(first.body);
    await seedObservations(site.db, RECYCLING, 'FY2024', [{ area: TRAFFORD, value: 61.2 }]);
    const third = await site.app.inject(url);
    expect(third.headers['x-page-cache']).toBe('miss');
    expect(third.body).toContain('61.2');
  });
});
