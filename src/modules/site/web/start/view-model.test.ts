import { describe, expect, it } from 'vitest';
import { periodFromKey } from '../../../periods/index.ts';
import { indicatorDefinition } from '../../../../../test/support/indicator-factories.ts';
import { RECENT_ROWS, startPageView } from './view-model.ts';

const figures = (code: string, title: string, periodKey: string) => ({
  indicator: indicatorDefinition({ code, title }),
  period: periodFromKey(periodKey),
});

describe('startPageView', () => {
  it('lists the most recent periods first, linking each indicator', () => {
    const view = startPageView({
      lastImportedAt: '2025-06-01T09:00:00.000Z',
      indicatorCount: 3,
      latest: [figures('NI192', 'Household waste recycled', 'FY2022'), figures('ASC1', 'Social care quality of life', 'FY2023')],
    });
    expect(view.recent).toEqual([
      { title: 'Social care quality of life', href: '/indicators/ASC1', period: '2023/24' },
      { title: 'Household waste recycled', href: '/indicators/NI192', period: '2022/23' },
    ]);
    expect(view.lastUpdated).toBe('1 June 2025');
    expect(view.catalogueSummary).toBe('Figures are held for 2 indicators of the 3 indicators described here.');
  });

  it('shows at most a handful of rows', () => {
    const latest = Array.from({ length: RECENT_ROWS + 3 }, (_, i) => figures(`I${i}`, `Indicator ${i}`, 'FY2020'));
    expect(startPageView({ lastImportedAt: undefined, indicatorCount: latest.length, latest }).recent).toHaveLength(RECENT_ROWS);
  });

  it('says nothing about figures when there are none', () => {
    const view = startPageView({ lastImportedAt: undefined, indicatorCount: 0, latest: [] });
    expect(view).toMatchObject({ lastUpdated: undefined, recent: [], catalogueSummary: undefined });
    expect(view.searchAction).toBe('/search');
  });
});
