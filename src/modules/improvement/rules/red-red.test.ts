import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from './config.ts';
import { evaluateRule } from './triggers.ts';
import { indicator, type IndicatorShape } from './test-facts.ts';

const now = new Date('2026-11-26T00:00:00Z');
const params = DEFAULT_PARAMS.red_red;

interface Row {
  facts: IndicatorShape;
  fires: boolean;
  period: string | null;
  summary?: RegExp;
}

// the group median is 38 unless a row gives its own
const rows: Record<string, Row> = {
  'worse than the median and down beyond rounding on the year before: fires': {
    facts: {
      figures: [
        ['FY2022', 31.0],
        ['FY2023', 29.4],
      ],
      quartiles: { FY2023: 4 },
    },
    fires: true,
    period: 'FY2023',
    summary:
      /^Recycling rate 29\.4% in 2023\/24: worse than the median of its nearest neighbours \(16 councils with figures\), 38\.0%, and worse than 2022\/23 \(down 1\.6 percentage points from 31\.0% in 2022\/23, beyond rounding\)$/,
  },
  'worse than the median but up on the year before: does not fire': {
    facts: {
      figures: [
        ['FY2022', 29.4],
        ['FY2023', 31.0],
      ],
      quartiles: { FY2023: 4 },
    },
    fires: false,
    period: 'FY2023',
    summary: /worse than the median .* not worse than 2022\/23/,
  },
  'down on the year before but better than the median: does not fire': {
    facts: {
      figures: [
        ['FY2022', 45],
        ['FY2023', 42],
      ],
      quartiles: { FY2023: 1 },
    },
    fires: false,
    period: 'FY2023',
    summary: /not worse than the median/,
  },
  'exactly the median and falling: does not fire': {
    facts: {
      figures: [
        ['FY2022', 40],
        ['FY2023', 38],
      ],
      quartiles: { FY2023: 2 },
    },
    fires: false,
    period: 'FY2023',
  },
  'a fall of 0.04 with one decimal place is rounding: does not fire': {
    facts: {
      figures: [
        ['FY2022', 30.0],
        ['FY2023', 29.96],
      ],
      quartiles: { FY2023: 4 },
    },
    fires: false,
    period: 'FY2023',
  },
  'a fall of 0.1, beyond half the last decimal place: fires': {
    facts: {
      figures: [
        ['FY2022', 30.0],
        ['FY2023', 29.9],
      ],
      quartiles: { FY2023: 4 },
    },
    fires: true,
    period: 'FY2023',
  },
  'lower is better: above the median and rising: fires': {
    facts: {
      polarity: 'lower_is_better',
      title: 'Delayed transfers of care',
      unit: 'rate',
      figures: [
        ['FY2022', 40],
        ['FY2023', 44],
      ],
      quartiles: { FY2023: 4 },
    },
    fires: true,
    period: 'FY2023',
    summary: /44\.0 in 2023\/24: worse than .* \(up 4\.0 from 40\.0 in 2022\/23/,
  },
  'intervals that overlap: the fall is noise, does not fire': {
    facts: {
      figures: [
        ['FY2022', 31, 29, 33],
        ['FY2023', 30, 28, 32],
      ],
      quartiles: { FY2023: 4 },
    },
    fires: false,
    period: 'FY2023',
    summary: /confidence intervals/,
  },
  'intervals apart: fires, beyond the confidence intervals': {
    facts: {
      figures: [
        ['FY2022', 36, 35, 37],
        ['FY2023', 30, 29, 31],
      ],
      quartiles: { FY2023: 4 },
    },
    fires: true,
    period: 'FY2023',
    summary: /beyond the confidence intervals/,
  },
  'only one figure has an interval: judged beyond rounding, fires': {
    facts: {
      figures: [
        ['FY2022', 31, 25, 37],
        ['FY2023', 30],
      ],
      quartiles: { FY2023: 4 },
    },
    fires: true,
    period: 'FY2023',
    summary: /beyond rounding/,
  },
  'no direction: never judged': {
    facts: {
      polarity: 'none',
      figures: [
        ['FY2022', 31],
        ['FY2023', 29],
      ],
      quartiles: { FY2023: 4 },
    },
    fires: false,
    period: null,
    summary: /no better direction/,
  },
  'no comparator position for the latest period: not judged': {
    facts: {
      figures: [
        ['FY2022', 31],
        ['FY2023', 29],
      ],
      quartiles: { FY2022: 4 },
    },
    fires: false,
    period: null,
    summary: /could not be ranked/,
  },
  'no figure for the period before (a gap): not judged': {
    facts: {
      figures: [
        ['FY2021', 35],
        ['FY2023', 29],
      ],
      quartiles: { FY2023: 4 },
      periods: ['FY2021', 'FY2022', 'FY2023'],
    },
    fires: false,
    period: null,
    summary: /no figure for the period before/,
  },
  'no figures at all: not judged': { facts: { figures: [] }, fires: false, period: null },
};

describe('red-red: worse than comparators and worsening', () => {
  it.each(Object.entries(rows))('%s', (_, row) => {
    const outcome = evaluateRule('red_red', params, indicator(row.facts), now);
    expect(outcome.fires).toBe(row.fires);
    expect(outcome.period).toBe(row.period);
    if (row.summary) expect(outcome.summary).toMatch(row.summary);
  });

  it('keeps the values, the change, the test and the group as evidence', () => {
    const facts = indicator({
      figures: [
        ['FY2022', 31.0],
        ['FY2023', 29.4],
      ],
      quartiles: { FY2023: 4 },
    });
    const { evidence } = evaluateRule('red_red', params, facts, now);
    expect(evidence).toMatchObject({
      indicatorCode: 'NI192',
      latest: { period: 'FY2023', value: 29.4 },
      previous: { period: 'FY2022', value: 31 },
      changeTest: 'rounding',
      worseThanMedian: true,
      worsening: true,
      group: { groupId: 'nn-e08000009', size: 16, rank: 15, quartile: 4, median: 38 },
      params,
    });
    expect(evidence.change).toBeCloseTo(-1.6);
  });
});
