import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from './config.ts';
import { evaluateRule } from './triggers.ts';
import { indicator, type Figure } from './test-facts.ts';
import type { Polarity } from '../improvement.types.ts';

const now = new Date('2026-11-26T00:00:00Z');
const margin3 = DEFAULT_PARAMS.satisfaction_fall;

interface Row {
  figures: Figure[];
  polarity?: Polarity;
  margin?: number;
  fires: boolean;
  period: string | null;
  summary?: RegExp;
}

const rows: Record<string, Row> = {
  'down 4.1 points without intervals, margin 3: fires': {
    figures: [
      ['FY2022', 65.3],
      ['FY2023', 61.2],
    ],
    fires: true,
    period: 'FY2023',
    summary:
      /^Satisfaction with care and support 61\.2% in 2023\/24, down 4\.1 percentage points from 65\.3% in 2022\/23: a fall beyond the margin of error of 3\.0 percentage points$/,
  },
  'down 2 points, within the margin of 3: does not fire': {
    figures: [
      ['FY2022', 65],
      ['FY2023', 63],
    ],
    fires: false,
    period: 'FY2023',
    summary: /within the margin of error/,
  },
  'down exactly the margin: does not fire (it must be more)': {
    figures: [
      ['FY2022', 65],
      ['FY2023', 62],
    ],
    fires: false,
    period: 'FY2023',
  },
  'down 2 points with a margin set to 1: fires': {
    figures: [
      ['FY2022', 65],
      ['FY2023', 63],
    ],
    margin: 1,
    fires: true,
    period: 'FY2023',
  },
  'up 5 points: not a fall': {
    figures: [
      ['FY2022', 60],
      ['FY2023', 65],
    ],
    fires: false,
    period: 'FY2023',
    summary: /not a fall$/,
  },
  'intervals apart, a fall of 2.5 (less than the margin): the intervals decide, fires': {
    figures: [
      ['FY2022', 65, 64, 66],
      ['FY2023', 62.5, 61.5, 63.5],
    ],
    fires: true,
    period: 'FY2023',
    summary: /confidence intervals \(64\.0% to 66\.0% and 61\.5% to 63\.5%\) do not overlap/,
  },
  'intervals overlapping, a fall of 4 (more than the margin): the intervals decide, does not fire': {
    figures: [
      ['FY2022', 65, 60, 70],
      ['FY2023', 61, 56, 66],
    ],
    fires: false,
    period: 'FY2023',
    summary: /overlap$/,
  },
  'only the latest figure has an interval: the margin decides, fires': {
    figures: [
      ['FY2022', 65],
      ['FY2023', 61, 55, 67],
    ],
    fires: true,
    period: 'FY2023',
  },
  'lower is better (feeling unsafe), up 4 points: fires': {
    polarity: 'lower_is_better',
    figures: [
      ['FY2022', 10],
      ['FY2023', 14],
    ],
    fires: true,
    period: 'FY2023',
  },
  'no direction: not judged': {
    polarity: 'none',
    figures: [
      ['FY2022', 65],
      ['FY2023', 55],
    ],
    fires: false,
    period: null,
  },
  'a single figure: not judged': { figures: [['FY2023', 55]], fires: false, period: null },
};

describe('a fall in satisfaction beyond the margin of error', () => {
  it.each(Object.entries(rows))('%s', (_, row) => {
    const facts = indicator({
      figures: row.figures,
      polarity: row.polarity ?? 'higher_is_better',
      title: 'Satisfaction with care and support',
    });
    const params = { ...margin3, marginOfError: row.margin ?? margin3.marginOfError };
    const outcome = evaluateRule('satisfaction_fall', params, facts, now);
    expect(outcome.fires).toBe(row.fires);
    expect(outcome.period).toBe(row.period);
    if (row.summary) expect(outcome.summary).toMatch(row.summary);
  });

  it('keeps both figures, the change and the margin used as evidence', () => {
    const facts = indicator({
      figures: [
        ['FY2022', 65.3],
        ['FY2023', 61.2],
      ],
    });
    const { evidence } = evaluateRule('satisfaction_fall', margin3, facts, now);
    expect(evidence).toMatchObject({
      latest: { period: 'FY2023', value: 61.2 },
      previous: { period: 'FY2022', value: 65.3 },
      changeTest: 'margin',
      marginOfError: 3,
    });
    expect(evidence.change).toBeCloseTo(-4.1);
  });
});
