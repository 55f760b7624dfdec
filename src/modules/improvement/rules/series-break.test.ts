import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from './config.ts';
import { evaluateRule } from './triggers.ts';
import { indicator, type IndicatorShape } from './test-facts.ts';
import type { SeriesBreakParams } from '../improvement.types.ts';

const now = new Date('2026-11-26T00:00:00Z');
const defaults = DEFAULT_PARAMS.series_break;

interface Row {
  facts: IndicatorShape;
  params?: Partial<SeriesBreakParams>;
  fires: boolean;
  period: string | null;
  kind?: 'gap' | 'drop' | null;
  summary?: RegExp;
}

/** a steady series: changes of +1, −0.5, +1, −1 (usual change 1) */
const steady = (latest: number): IndicatorShape['figures'] => [
  ['FY2018', 40],
  ['FY2019', 41],
  ['FY2020', 40.5],
  ['FY2021', 41.5],
  ['FY2022', 40.5],
  ['FY2023', latest],
];
const ALL = ['FY2018', 'FY2019', 'FY2020', 'FY2021', 'FY2022', 'FY2023'];

const rows: Record<string, Row> = {
  'a fall of 11.1 points against a usual change of 1: fires as a sudden drop': {
    facts: { figures: steady(29.4) },
    fires: true,
    period: 'FY2023',
    kind: 'drop',
    summary:
      /^Recycling rate fell from 40\.5% in 2022\/23 to 29\.4% in 2023\/24, a change of 11\.1 percentage points against a usual change of 1\.0 percentage points: a sudden drop/,
  },
  'a rise of the same size (higher is better): does not fire': {
    facts: { figures: steady(51.6) },
    fires: false,
    period: 'FY2023',
    summary: /rose from/,
  },
  'lower is better: a sudden rise fires': {
    facts: { polarity: 'lower_is_better', figures: steady(51.6) },
    fires: true,
    period: 'FY2023',
    kind: 'drop',
  },
  'a fall of 2.5, under 3 times the usual change: does not fire': {
    facts: { figures: steady(38) },
    fires: false,
    period: 'FY2023',
  },
  'a fall of 3.5, over 3 times the usual change: fires': {
    facts: { figures: steady(37) },
    fires: true,
    period: 'FY2023',
  },
  'a fall over 3 times the usual but under the minimum drop: does not fire': {
    facts: { figures: steady(37) },
    params: { minimumDrop: 5 },
    fires: false,
    period: 'FY2023',
  },
  'a flat series (usual change 0): a fall of exactly the minimum drop fires': {
    facts: {
      figures: [
        ['FY2019', 50],
        ['FY2020', 50],
        ['FY2021', 50],
        ['FY2022', 50],
        ['FY2023', 49],
      ],
    },
    fires: true,
    period: 'FY2023',
  },
  'a flat series: a fall under the minimum drop does not fire': {
    facts: {
      figures: [
        ['FY2019', 50],
        ['FY2020', 50],
        ['FY2021', 50],
        ['FY2022', 50],
        ['FY2023', 49.5],
      ],
    },
    fires: false,
    period: 'FY2023',
  },
  'two earlier changes where three are needed: drops not judged (and no gap)': {
    facts: {
      figures: [
        ['FY2020', 40],
        ['FY2021', 41],
        ['FY2022', 40],
        ['FY2023', 20],
      ],
    },
    fires: false,
    period: 'FY2023',
    summary: /has 2 earlier changes .* needs 3; there is no gap in the series$/,
  },
  'two earlier changes without judging gaps: nothing judged': {
    facts: {
      figures: [
        ['FY2020', 40],
        ['FY2021', 41],
        ['FY2022', 40],
        ['FY2023', 20],
      ],
    },
    params: { fireOnGap: false },
    fires: false,
    period: null,
  },
  'no figure for the latest period other councils have: fires as a gap': {
    facts: { figures: steady(40).slice(0, 5), periods: ALL },
    fires: true,
    period: 'FY2023',
    kind: 'gap',
    summary: /^Recycling rate has no figure for 2023\/24, which other councils have published; the last was 40\.5% in 2022\/23$/,
  },
  'no figure for the latest two periods: the series stopped before the latest, not judged again': {
    facts: { figures: steady(40).slice(0, 4), periods: ALL },
    fires: false,
    period: null,
    summary: /has had no figure since 41\.5% in 2021\/22: the series stopped 2 periods ago, a gap judged when it appeared$/,
  },
  'no figure for the period before the latest: fires as a gap': {
    facts: { figures: steady(40).filter(([p]) => p !== 'FY2022'), periods: ALL },
    fires: true,
    period: 'FY2023',
    kind: 'gap',
    summary: /gap in its series: no figure for 2022\/23 before 40\.0% in 2023\/24$/,
  },
  'an old gap, with figures for the latest two periods: no gap now, drops judged': {
    facts: { figures: steady(40).filter(([p]) => p !== 'FY2020'), periods: ALL },
    fires: false,
    period: 'FY2023',
  },
  'no figure before the area’s first: not a gap': {
    facts: { figures: steady(40).slice(2), periods: ALL },
    fires: false,
    period: 'FY2023',
  },
  'a missing latest figure without judging gaps: not judged, even after a drop the period before': {
    facts: { figures: [...steady(40).slice(0, 4), ['FY2022', 30]], periods: ALL },
    params: { fireOnGap: false },
    fires: false,
    period: null,
    summary: /no figure for 2023\/24; a drop is judged at the latest period, and gaps are not judged by this rule$/,
  },
  'no direction and a gap: fires': {
    facts: { polarity: 'none', figures: steady(40).slice(0, 5), periods: ALL },
    fires: true,
    period: 'FY2023',
    kind: 'gap',
  },
  'no direction and no gap: judged, does not fire (drops need a direction)': {
    facts: { polarity: 'none', figures: steady(10) },
    fires: false,
    period: 'FY2023',
    summary: /drops are not judged/,
  },
  'no figures: not judged': { facts: { figures: [], periods: ALL }, fires: false, period: null },
};

describe('a break or sudden drop in a series', () => {
  it.each(Object.entries(rows))('%s', (_, row) => {
    const outcome = evaluateRule('series_break', { ...defaults, ...row.params }, indicator(row.facts), now);
    expect(outcome.fires).toBe(row.fires);
    expect(outcome.period).toBe(row.period);
    if (row.kind !== undefined) expect(outcome.evidence.break).toBe(row.kind);
    if (row.summary) expect(outcome.summary).toMatch(row.summary);
  });

  it('keeps the change, the usual change, the earlier changes and the threshold as evidence', () => {
    const { evidence } = evaluateRule('series_break', defaults, indicator({ figures: steady(29.4) }), now);
    expect(evidence).toMatchObject({
      break: 'drop',
      latest: { period: 'FY2023', value: 29.4 },
      previous: { period: 'FY2022', value: 40.5 },
      usualChange: 1,
      threshold: 3,
    });
    expect(evidence.earlierChanges).toHaveLength(4);
    expect(evidence.change).toBeCloseTo(-11.1);
  });

  it('names every missing period of a gap before the latest figure', () => {
    const facts = indicator({ figures: steady(40).filter(([p]) => p !== 'FY2021' && p !== 'FY2022'), periods: ALL });
    const outcome = evaluateRule('series_break', defaults, facts, now);
    expect(outcome.evidence.missingPeriods).toEqual(['FY2021', 'FY2022']);
    expect(outcome.summary).toMatch(/no figure for 2021\/22, 2022\/23 before 40\.0% in 2023\/24$/);
  });
});
