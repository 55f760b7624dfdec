import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Browser } from '../../../../../test/support/accounts-web.ts';
import type { TestApp } from '../../../../../test/support/app.ts';
import { plansApp } from '../../../../../test/support/plans-web.ts';
import { getAllByRole, getByRole, textOf } from '../../../../../test/support/site-dom.ts';
import { planUrls } from '../urls.ts';

let t: TestApp;
beforeEach(async () => {
  t = await plansApp();
});
afterEach(async () => t.close());

describe('the targets on an indicator', () => {
  it('lists every target on it in the plans in force, each with its status and its chain up to the vision', async () => {
    const { response, document } = await new Browser(t.app).get(planUrls.forIndicator('REC'));
    expect(response.statusCode).toBe(200);
    getByRole(document, 'heading', { name: 'Targets on Household waste recycled', level: 1 });
    const main = getByRole(document, 'main');
    expect(getAllByRole(main, 'heading', { level: 2 }).map(textOf).sort()).toEqual([
      'Narrow the recycling gap between wards',
      'Recycle 62% of household waste by 2025/26',
      'Recycling (national indicator)',
      'Stretch: 60% recycled by 2024/25',
    ]);
    expect(getByRole(main, 'link', { name: 'Stretch: 60% recycled by 2024/25' }).getAttribute('href')).toBe(
      planUrls.item('trafford-laa', 'N1'),
    );
    expect(textOf(main)).toContain(
      'This target serves Recycle more, which serves Less waste, more recycling (Trafford Sustainable Community Strategy), which serves A greener Trafford (Trafford Sustainable Community Strategy), in Trafford Sustainable Community Strategy (a Sustainable Community Strategy), whose vision is “A thriving, greener Trafford.”',
    );
  });

  it('is linked from the indicator’s page, and the plans from every page’s menu', async () => {
    const { document } = await new Browser(t.app).get('/indicators/REC');
    expect(getByRole(document, 'link', { name: 'Targets on this indicator, and what they serve' }).getAttribute('href')).toBe(
      planUrls.forIndicator('REC'),
    );
    expect(getByRole(getByRole(document, 'navigation', { name: 'Menu' }), 'link', { name: 'Plans' }).getAttribute('href')).toBe(
      planUrls.list(),
    );
  });

  it('narrows to one area, says when there are none, and refuses an unknown indicator', async () => {
    const stockport = await new Browser(t.app).get(planUrls.forIndicator('REC', { area: 'E08000007' }));
    getByRole(stockport.document, 'heading', { name: 'Targets on Household waste recycled in Stockport', level: 1 });
    expect(textOf(getByRole(stockport.document, 'main'))).toContain(
      'No plan in force has a target on this indicator in this area.',
    );
    getByRole(stockport.document, 'link', { name: 'Targets on this indicator in every area' });
    const trafford = await new Browser(t.app).get(planUrls.forIndicator('REC', { area: 'E08000009' }));
    expect(getAllByRole(getByRole(trafford.document, 'main'), 'heading', { level: 2 })).toHaveLength(4);
    expect((await new Browser(t.app).get(planUrls.forIndicator('NOPE'))).response.statusCode).toBe(404);
  });
});
