/**
 * Facts for the rules' tests, written as briefly as a table row allows: figures as [period, value]
 * pairs (or [period, value, low, high] with an interval), comparator positions by period.
 */
import { periodFromKey } from '../../periods/index.ts';
import type { GroupPosition, IndicatorFacts, Polarity, SeriesPoint, TargetFacts } from '../improvement.types.ts';

export type Figure = [string, number] | [string, number, number, number];

export function point([period, value, ciLower, ciUpper]: Figure): SeriesPoint {
  return { period, periodEnd: periodFromKey(period).end, value, ciLower: ciLower ?? null, ciUpper: ciUpper ?? null };
}

/** A position in a group of 16 nearest neighbours; quartile 4 ranks 15th, else rank 4 × quartile − 2. */
export function position(period: string, value: number, quartile: 1 | 2 | 3 | 4, median = 38, bound = 34.5): GroupPosition {
  return {
    period,
    groupId: 'nn-e08000009',
    groupName: 'its nearest neighbours',
    size: 16,
    rank: quartile === 4 ? 15 : quartile * 4 - 2,
    quartile,
    median,
    worstQuartileBound: bound,
    value,
  };
}

export interface IndicatorShape {
  polarity?: Polarity;
  unit?: string;
  decimalPlaces?: number;
  title?: string;
  figures: Figure[];
  /** quartile (and optionally median) per period with a position */
  quartiles?: Record<string, 1 | 2 | 3 | 4 | { quartile: 1 | 2 | 3 | 4; median: number }>;
  /** the indicator's periods, when other areas have figures this one lacks */
  periods?: string[];
}

export function indicator(shape: IndicatorShape): IndicatorFacts {
  const series = shape.figures.map(point);
  const values = new Map(series.map((p) => [p.period, p.value]));
  const positions = Object.entries(shape.quartiles ?? {}).map(([period, q]) => {
    const { quartile, median } = typeof q === 'number' ? { quartile: q, median: 38 } : q;
    return position(period, values.get(period) ?? NaN, quartile, median);
  });
  return {
    indicatorCode: 'NI192',
    indicatorTitle: shape.title ?? 'Recycling rate',
    polarity: shape.polarity ?? 'higher_is_better',
    unit: shape.unit ?? 'percentage',
    decimalPlaces: shape.decimalPlaces ?? 1,
    series,
    positions,
    periodsWithFigures: shape.periods ?? series.map((p) => p.period),
  };
}

type Status = TargetFacts['judgements'][number]['status'];

/** A target judged once per period, in the order given. */
export function target(statuses: [string, Status][]): TargetFacts {
  return {
    planId: 'trafford-laa',
    targetKey: 'recycling',
    title: 'Raise household recycling to 45%',
    indicatorCode: 'NI192',
    areaCode: 'E08000009',
    judgements: statuses.map(([period, status], i) => ({
      period,
      status,
      reason: status === 'no_data' ? 'no figure' : `${status.replace('_', ' ')} against the trajectory`,
      actual: status === 'no_data' ? null : 30 + i,
      expected: 40,
      ruleVersion: 1,
      assessedAt: `2026-0${(i % 9) + 1}-01T00:00:00.000Z`,
    })),
  };
}
