import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Browser } from '../../../../../test/support/accounts-web.ts';
import type { TestApp } from '../../../../../test/support/app.ts';
import { plansApp } from '../../../../../test/support/plans-web.ts';
import { getByRole, queryAllByRole, textOf, type HTMLElement } from '../../../../../test/support/site-dom.ts';
import { cliActor } from '../../../accounts/index.ts';
import { assessTargets, changeStatusRule, reviseDraft } from '../../index.ts';
import { planUrls } from '../urls.ts';

let t: TestApp;
const db = () => t.database.db;
beforeEach(async () => {
  t = await plansApp();
});
afterEach(async () => t.close());

const rowsOf = (table: HTMLElement) => table.querySelectorAll('tbody tr').map((r) => r.querySelectorAll('td,th').map(textOf));

describe('a target’s page', () => {
  it('shows its status with the reason and rule, what it measures, and the way down to the data', async () => {
    const { response, document } = await new Browser(t.app).get(planUrls.item('trafford-scs', 'T1'));
    expect(response.statusCode).toBe(200);
    getByRole(document, 'heading', { name: 'Recycle 62% of household waste by 2025/26', level: 1 });
    const main = textOf(getByRole(document, 'main'));
    expect(main).toContain('The targets are illustrative.');
    expect(main).toContain('In Trafford Sustainable Community Strategy: A greener Trafford › Less waste, more recycling');
    expect(main).toContain('At risk 57.0% in 2023/24 against an expected 58.0%');
    expect(main).toMatch(
      /Judged on 1 June 2025 at \d\d:\d\d by rule version 1: at risk within 2\.0 percentage points of the trajectory\./,
    );
    expect(main).toContain('Baseline 52.0% in 2020/21');
    expect(main).toContain('Milestones 58.0% by 2023/24');
    expect(main).toContain('Target 62.0% by 2025/26');
    expect(getByRole(document, 'link', { name: 'Household waste recycled in Trafford over time' }).getAttribute('href')).toBe(
      '/trend?indicator=REC&area=E08000009',
    );
    expect(getByRole(document, 'link', { name: 'Trafford: every indicator' }).getAttribute('href')).toBe('/areas/E08000009');
  });

  it('draws the figures against the trajectory with the forecast, and gives the same in a table and the method in words', async () => {
    const { document } = await new Browser(t.app).get(planUrls.item('trafford-scs', 'T1'));
    const chart = getByRole(document, 'img', { name: /published figures, trajectory and forecast/ });
    expect(chart.tagName.toLowerCase()).toBe('svg');
    const table = rowsOf(getByRole(document, 'table', { name: 'Figures, trajectory and forecast by period' }));
    expect(table.map((r) => r[0])).toEqual(['2019/20', '2020/21', '2021/22', '2022/23', '2023/24', '2024/25', '2025/26']);
    expect(table[0]).toEqual(['2019/20', '50.0%', '', '']);
    expect(table[4]).toEqual(['2023/24', '57.0%', '58.0%', '']);
    expect(table[5]).toEqual(['2024/25', '', '60.0%', '']);
    expect(table[6]![2]).toBe('62.0%');
    expect(table[6]![3]).toMatch(/^\d\d\.\d% \(\d\d\.\d% to \d\d\.\d%\)$/);
    const main = textOf(getByRole(document, 'main'));
    expect(main).toMatch(
      /How it is made: A least-squares straight line through the 5 latest figures \(2019\/20, .* and 2023\/24\)/,
    );
    expect(main).toContain('That would fall short of the target.');
  });

  it('keeps each status with the rule it was judged by when the tolerance changes', async () => {
    const deps = { clock: t.clock };
    await changeStatusRule(
      db(),
      cliActor(),
      { planId: 'trafford-scs', key: 'T1' },
      { tolerance: 0.5, reason: 'Tighter, as agreed by the board' },
      deps,
    );
    await assessTargets(db(), cliActor(), {}, deps);
    const { document } = await new Browser(t.app).get(planUrls.item('trafford-scs', 'T1'));
    const history = rowsOf(getByRole(document, 'table', { name: 'Status history, latest first' }));
    expect(history.map((r) => [r[4], r[5]])).toEqual([
      ['Off track', 'Version 2: 0.5 percentage points'],
      ['At risk', 'Version 1: 2.0 percentage points'],
    ]);
    const rules = rowsOf(getByRole(document, 'table', { name: 'Rule versions, latest first' }));
    expect(rules.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['2 (in force)', '0.5 percentage points', 'Tighter, as agreed by the board'],
      ['1', '2.0 percentage points', expect.any(String)],
    ]);
  });

  it('leads up the thread to the vision it serves, and says what serves it', async () => {
    const target = await new Browser(t.app).get(planUrls.item('trafford-scs', 'T1'));
    expect(textOf(getByRole(target.document, 'main'))).toContain(
      'This target serves Less waste, more recycling, which serves A greener Trafford, in Trafford Sustainable Community Strategy (a Sustainable Community Strategy), whose vision is “A thriving, greener Trafford.”',
    );
    const stretch = await new Browser(t.app).get(planUrls.item('trafford-laa', 'N1'));
    expect(getByRole(stretch.document, 'link', { name: 'Food waste caddies for flats' }).getAttribute('href')).toBe(
      planUrls.item('waste-service', 'A1'),
    );
    expect(textOf(getByRole(stretch.document, 'main'))).toContain('Reward if met £500,000: Performance reward grant');
  });

  it('shows a gap target in percentage points between the most and least deprived wards', async () => {
    const { document } = await new Browser(t.app).get(planUrls.item('trafford-laa', 'G1'));
    const main = textOf(getByRole(document, 'main'));
    expect(main).toContain(
      'The gap in Household waste recycled between the most and least deprived fifths of the wards of Trafford',
    );
    expect(main).toContain('Target 3.0 percentage points by 2025/26');
    expect(main).toContain('Better is Lower is better');
  });
});

describe('an action’s page', () => {
  it('shows its status, progress reports and milestones, and leads up through the target it serves to the vision', async () => {
    const { response, document } = await new Browser(t.app).get(planUrls.item('waste-service', 'A1'));
    expect(response.statusCode).toBe(200);
    const main = textOf(getByRole(document, 'main'));
    expect(main).toContain('On track 40% done (in progress) as of 20 May 2025.');
    expect(rowsOf(getByRole(document, 'table', { name: 'Progress reports, latest first' })).map((r) => r.slice(0, 4))).toEqual([
      ['20 May 2025', '40%', 'In progress', 'Half the blocks done'],
    ]);
    expect(rowsOf(getByRole(document, 'table', { name: 'Milestones' }))).toEqual([
      ['30 September 2025', 'Survey the blocks', 'Done'],
    ]);
    expect(main).toContain(
      'This action serves Stretch: 60% recycled by 2024/25 (Trafford Local Area Agreement), which serves Recycle more (Trafford Local Area Agreement), which serves Less waste, more recycling (Trafford Sustainable Community Strategy), which serves A greener Trafford (Trafford Sustainable Community Strategy), in Trafford Sustainable Community Strategy (a Sustainable Community Strategy), whose vision is “A thriving, greener Trafford.”',
    );
    expect(queryAllByRole(document, 'link', { name: 'Report progress' })).toEqual([]);
  });
});

describe('items that have no page', () => {
  it('send a theme or priority to its place in the plan, and refuse an unknown key', async () => {
    const priority = await new Browser(t.app).get(planUrls.item('trafford-scs', 'waste'));
    expect(priority.response.statusCode).toBe(303);
    expect(priority.response.headers.location).toBe('/plans/trafford-scs#item-waste');
    expect((await new Browser(t.app).get(planUrls.item('trafford-scs', 'NOPE'))).response.statusCode).toBe(404);
    await reviseDraft(db(), cliActor(), 'trafford-scs', { clock: t.clock });
    expect((await new Browser(t.app).get(planUrls.item('trafford-scs', 'T1', { draft: true }))).response.statusCode).toBe(403);
  });
});
