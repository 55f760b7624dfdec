import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from './config.ts';
import { evaluateRule } from './triggers.ts';
import { indicator, type IndicatorShape } from './test-facts.ts';

const now = new Date('2026-11-26T00:00:00Z');
const twoYears = DEFAULT_PARAMS.bottom_quartile;

interface Row {
  facts: IndicatorShape;
  periods?: number;
  fires: boolean;
  period: string | null;
  run?: number;
  summary?: RegExp;
}

const figures: IndicatorShape['figures'] = [
  ['FY2020', 33],
  ['FY2021', 32],
  ['FY2022', 31],
  ['FY2023', 29.4],
];

const rows: Record<string, Row> = {
  'worst quarter in each of the latest two years: fires': {
    facts: { figures, quartiles: { FY2022: 4, FY2023: 4 } },
    fires: true,
    period: 'FY2023',
    run: 2,
    summary:
      /^Recycling rate 29\.4% in 2023\/24, in the worst quarter of its nearest neighbours \(rank 15 of 16, lower quartile 34\.5%\) for 2 years running$/,
  },
  'worst quarter only in the latest year: does not fire (needs 2)': {
    facts: { figures, quartiles: { FY2022: 3, FY2023: 4 } },
    fires: false,
    period: 'FY2023',
    run: 1,
    summary: /for 1 period; the rule needs 2 in a row/,
  },
  'worst quarter in the latest year with the rule set to 1: fires': {
    facts: { figures, quartiles: { FY2023: 4 } },
    periods: 1,
    fires: true,
    period: 'FY2023',
    run: 1,
  },
  'worst quarter three years running with the rule set to 3: fires': {
    facts: { figures, quartiles: { FY2021: 4, FY2022: 4, FY2023: 4 } },
    periods: 3,
    fires: true,
    period: 'FY2023',
    run: 3,
    summary: /for 3 years running$/,
  },
  'worst quarter in 2021/22 and 2023/24 with no figure for 2022/23 between: the gap breaks the run': {
    facts: {
      figures: [
        ['FY2021', 32],
        ['FY2023', 29.4],
      ],
      quartiles: { FY2021: 4, FY2023: 4 },
      periods: ['FY2021', 'FY2022', 'FY2023'],
    },
    fires: false,
    period: 'FY2023',
    run: 1,
  },
  'a figure for the year before that could not be ranked breaks the run': {
    facts: { figures, quartiles: { FY2021: 4, FY2023: 4 } },
    fires: false,
    period: 'FY2023',
    run: 1,
  },
  'worst quarter the year before but third quarter now: does not fire': {
    facts: { figures, quartiles: { FY2022: 4, FY2023: 3 } },
    fires: false,
    period: 'FY2023',
    run: 0,
    summary: /not in the worst quarter/,
  },
  'lower is better: the bound is the upper quartile': {
    facts: {
      polarity: 'lower_is_better',
      unit: 'days',
      decimalPlaces: 0,
      title: 'Days to process benefit claims',
      figures: [
        ['FY2022', 40],
        ['FY2023', 44],
      ],
      quartiles: { FY2022: 4, FY2023: 4 },
    },
    fires: true,
    period: 'FY2023',
    summary: /44 days in 2023\/24, .* upper quartile 35 days\) for 2 years running/,
  },
  'no direction: not judged': {
    facts: { polarity: 'none', figures, quartiles: { FY2022: 4, FY2023: 4 } },
    fires: false,
    period: null,
  },
  'no position for the latest figure: not judged': {
    facts: { figures, quartiles: { FY2021: 4, FY2022: 4 } },
    fires: false,
    period: null,
  },
  'no figures: not judged': { facts: { figures: [] }, fires: false, period: null },
};

describe('bottom quartile of comparators for N periods', () => {
  it.each(Object.entries(rows))('%s', (_, row) => {
    const params = { ...twoYears, periods: row.periods ?? twoYears.periods };
    const outcome = evaluateRule('bottom_quartile', params, indicator(row.facts), now);
    expect(outcome.fires).toBe(row.fires);
    expect(outcome.period).toBe(row.period);
    if (row.run !== undefined) expect(outcome.evidence.run).toBe(row.run);
    if (row.summary) expect(outcome.summary).toMatch(row.summary);
  });

  it('keeps each period of the run as evidence, oldest first, with the group, rank and bound', () => {
    const facts = indicator({ figures, quartiles: { FY2022: 4, FY2023: 4 } });
    const { evidence } = evaluateRule('bottom_quartile', twoYears, facts, now);
    expect(evidence.positions).toEqual([
      expect.objectContaining({ period: 'FY2022', value: 31, rank: 15, size: 16, worstQuartileBound: 34.5 }),
      expect.objectContaining({ period: 'FY2023', value: 29.4, groupName: 'its nearest neighbours', median: 38 }),
    ]);
    expect(evidence.params).toEqual(twoYears);
  });
});
