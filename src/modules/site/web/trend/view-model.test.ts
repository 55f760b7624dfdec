import { describe, expect, it } from 'vitest';
import type { TimeSeries } from '../../../analysis/index.ts';
import { periodFromKey } from '../../../periods/index.ts';
import { parseTrendQuery } from './query.ts';
import { invalidTrendView, trendPageView } from './view-model.ts';

const indicator = {
  code: 'NI192',
  title: 'Recycling rate',
  unit: 'percentage',
  unitMultiplier: null,
  decimalPlaces: 1,
  polarity: 'higher_is_better' as const,
  targetRange: null,
};

function point(key: string, value: number, ci: [number, number] | null = null): TimeSeries['points'][number] {
  return {
    period: periodFromKey(key),
    figure: {
      areaCode: 'E08000009',
      value,
      source: 'published',
      status: 'final',
      numerator: null,
      denominator: null,
      ciLower: ci?.[0] ?? null,
      ciUpper: ci?.[1] ?? null,
      coverage: null,
      reason: null,
    },
    formatted: `${value.toFixed(1)}%`,
    direction: null,
  };
}

const series: TimeSeries = {
  indicator,
  area: { code: 'E08000009', name: 'Trafford' },
  points: [point('FY2015', 60.4), point('FY2023', 58.4, [57.9, 58.9])],
};

describe('trendPageView', () => {
  it('sums the series up in a sentence, with intervals and a target when there are some', () => {
    const view = trendPageView(series, { target: { value: 65, label: 'Target for 2025/26' } });
    expect(view.summary).toBe('Recycling rate in Trafford fell from 60.4% in 2015/16 to 58.4% in 2023/24.');
    expect(view.target).toBe('Target for 2025/26: 65.0%');
    expect(view.hasIntervals).toBe(true);
    expect(view.rows.map((r) => r.interval)).toEqual([undefined, '57.9% to 58.9%']);
    expect(view.chart?.points[1]).toEqual({ label: '2023/24', value: 58.4, low: 57.9, high: 58.9 });
    expect(view.download?.csvHref).toBe('/trend?area=E08000009&indicator=NI192&format=csv');
    expect(view.figure?.title).toBe('Recycling rate, Trafford');
    expect(view.figure?.svg).toContain('Target for 2025/26: 65.0%');
    expect(view.figure?.svg).toContain('95% confidence interval');
    expect(view.hasEngland).toBe(false);
  });

  it('shows the form with its errors when something is missing', () => {
    const q = parseTrendQuery({ area: 'e08000009' });
    expect(q).toMatchObject({ ok: false, area: 'E08000009', errors: [{ field: 'indicator' }] });
    const view = invalidTrendView('E08000009', '', q.ok ? [] : q.errors);
    expect(view.errorSummary).toEqual([{ text: 'Enter the code of an indicator', href: '#indicator' }]);
  });
});
