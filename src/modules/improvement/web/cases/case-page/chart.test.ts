import { describe, expect, it } from 'vitest';
import { caseChart } from './chart.ts';

const point = (period: string, periodEnd: string, value: number, ci: [number, number] | null = null) => ({
  period,
  periodEnd,
  value,
  ciLower: ci ? ci[0] : null,
  ciUpper: ci ? ci[1] : null,
});

const base = {
  indicatorTitle: 'Household waste recycled',
  areaName: 'Ashford',
  yLabel: 'Per cent',
  format: (v: number) => `${v.toFixed(1)}%`,
};

describe('a case’s chart', () => {
  it('puts the periods in order, with the group’s median beside each figure, and says what they show', () => {
    const chart = caseChart({
      ...base,
      series: [point('FY2023', '2024-03-31', 17), point('FY2021', '2022-03-31', 19, [18, 20])],
      medians: [
        { period: 'FY2021', median: 33.5 },
        { period: 'FY2022', median: 34 },
        { period: 'FY2023', median: 34.5 },
      ],
      groupName: 'Oflog nearest neighbours of Ashford',
    });
    expect(chart.rows).toEqual([
      { period: '2021/22', value: '19.0%', interval: '18.0% to 20.0%', median: '33.5%' },
      { period: '2022/23', value: '', interval: '', median: '34.0%' },
      { period: '2023/24', value: '17.0%', interval: '', median: '34.5%' },
    ]);
    expect(chart.summary).toBe(
      'Ashford’s figures went from 19.0% in 2021/22 to 17.0% in 2023/24; the median of Oflog nearest neighbours of Ashford that period was 34.5%.',
    );
    expect(chart.svg).toContain('Median of Oflog nearest neighbours of Ashford');
    expect(chart.svg).toContain('Confidence interval');
  });

  it('says when there are no figures', () => {
    const chart = caseChart({ ...base, series: [], medians: [{ period: 'FY2023', median: 34.5 }] });
    expect(chart.summary).toBe('No figures have been published for Ashford yet.');
    expect(chart.rows).toEqual([{ period: '2023/24', value: '', interval: '', median: '34.5%' }]);
  });
});
