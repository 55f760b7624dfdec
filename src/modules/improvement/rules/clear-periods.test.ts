import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from './config.ts';
import { clearPeriods } from './triggers.ts';
import { indicator, target, type IndicatorShape } from './test-facts.ts';
import type { DeadlineFacts, RuleInputsByKind, TargetFacts, TriggerKind, TriggerParamsByKind } from '../improvement.types.ts';

const now = new Date('2026-11-26T00:00:00Z');
type Status = TargetFacts['judgements'][number]['status'];

interface Row<K extends TriggerKind = TriggerKind> {
  kind: K;
  input: RuleInputsByKind[K];
  params?: Partial<TriggerParamsByKind[K]>;
  clear: number;
}

const years = ['FY2018', 'FY2019', 'FY2020', 'FY2021', 'FY2022', 'FY2023'];
/** the same figure every year, with a quartile per year */
const ranked = (quartiles: (1 | 2 | 3 | 4)[]): IndicatorShape => ({
  figures: quartiles.map((_, i) => [years[i]!, 30]),
  quartiles: Object.fromEntries(quartiles.map((q, i) => [years[i]!, q])),
});
const targetWith = (statuses: Status[]) => target(statuses.map((s, i) => [years[i]!, s]));
const dueFacts = (receivedAt: string | null): DeadlineFacts => ({
  indicatorCode: 'NI192',
  indicatorTitle: 'Recycling rate',
  period: 'FY2025',
  dueDate: '2026-09-30',
  receivedAt,
});

const rows: Record<string, Row> = {
  'bottom quartile still firing in the latest year: 0 clear': {
    kind: 'bottom_quartile',
    input: indicator(ranked([2, 4, 4, 4])),
    clear: 0,
  },
  'bottom quartile, then one year in the second quarter: 1 clear': {
    kind: 'bottom_quartile',
    input: indicator(ranked([4, 4, 4, 2])),
    clear: 1,
  },
  'bottom quartile, then two years out of it: 2 clear': {
    kind: 'bottom_quartile',
    input: indicator(ranked([4, 4, 2, 1])),
    clear: 2,
  },
  'bottom quartile once after recovering: a single year does not fire (needs 2), so it counts clear': {
    kind: 'bottom_quartile',
    input: indicator(ranked([4, 4, 1, 4])),
    clear: 2,
  },
  'never in the bottom quartile: every ranked year is clear': {
    kind: 'bottom_quartile',
    input: indicator(ranked([1, 2, 3, 2])),
    clear: 4,
  },
  'a year that could not be ranked neither counts nor breaks the count': {
    kind: 'bottom_quartile',
    input: indicator({
      figures: years.slice(0, 4).map((p) => [p, 30]),
      quartiles: { FY2018: 4, FY2019: 4, FY2020: 1 },
    }),
    clear: 1,
  },
  'red-red in the latest year: 0 clear': {
    kind: 'red_red',
    input: indicator({
      figures: [
        ['FY2021', 33],
        ['FY2022', 31],
        ['FY2023', 29],
      ],
      quartiles: { FY2021: 4, FY2022: 4, FY2023: 4 },
    }),
    clear: 0,
  },
  'red-red, then worse than the median but better than the year before: 1 clear': {
    kind: 'red_red',
    input: indicator({
      figures: [
        ['FY2021', 33],
        ['FY2022', 31],
        ['FY2023', 32],
      ],
      quartiles: { FY2021: 4, FY2022: 4, FY2023: 4 },
    }),
    clear: 1,
  },
  'a gap in the latest period: 0 clear': {
    kind: 'series_break',
    input: indicator({ figures: years.slice(0, 5).map((p) => [p, 30]), periods: years }),
    clear: 0,
  },
  'a series stopped two periods ago and still missing: the latest is not judged, the period it stopped fires, 0 clear': {
    kind: 'series_break',
    input: indicator({ figures: years.slice(0, 4).map((p) => [p, 30]), periods: years }),
    clear: 0,
  },
  'a gap two periods ago, since filled by two figures: the latest is clear, the one after the gap is a break': {
    kind: 'series_break',
    input: indicator({ figures: years.filter((p) => p !== 'FY2021').map((p) => [p, 30]), periods: years }),
    clear: 1,
  },
  'a gap three periods ago: two clear periods since': {
    kind: 'series_break',
    input: indicator({ figures: years.filter((p) => p !== 'FY2020').map((p) => [p, 30]), periods: years }),
    clear: 2,
  },
  'satisfaction fell last year and rose this year: 1 clear': {
    kind: 'satisfaction_fall',
    input: indicator({
      figures: [
        ['FY2021', 70],
        ['FY2022', 60],
        ['FY2023', 62],
      ],
    }),
    clear: 1,
  },
  'off track now: 0 clear': {
    kind: 'off_target',
    input: targetWith(['on_track', 'off_track']),
    clear: 0,
  },
  'off track, then on track twice: 2 clear': {
    kind: 'off_target',
    input: targetWith(['off_track', 'on_track', 'at_risk']),
    clear: 2,
  },
  'off track, on track, a period without data, on track: the period without data is skipped, 2 clear': {
    kind: 'off_target',
    input: targetWith(['off_track', 'on_track', 'no_data', 'on_track']),
    clear: 2,
  },
  'a period judged twice (off track, then on track) counts once, by its newest judgement: 2 clear': {
    kind: 'off_target',
    input: target([
      ['FY2020', 'off_track'],
      ['FY2021', 'on_track'],
      ['FY2022', 'off_track'],
      ['FY2022', 'on_track'],
    ]),
    clear: 2,
  },
  'a figure due and missing: 0 clear': { kind: 'data_late', input: dueFacts(null), clear: 0 },
  'a figure published late: 1 clear': { kind: 'data_late', input: dueFacts('2026-10-20T10:00:00Z'), clear: 1 },
};

describe('clear periods: how many of the latest periods in a row a rule has not fired in', () => {
  it.each(Object.entries(rows))('%s', (_, row) => {
    const params = { ...DEFAULT_PARAMS[row.kind], ...row.params } as TriggerParamsByKind[typeof row.kind];
    expect(clearPeriods(row.kind, params, row.input, now)).toBe(row.clear);
  });
});
