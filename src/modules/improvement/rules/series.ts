/**
 * Reading one indicator's series for one area: the periods in order (every period any area has a figure
 * for, so that a missing figure shows), the figure of the period just before another, consecutive
 * changes, and the facts as they stood at an earlier period (for judging recovery period by period).
 */
import { tryPeriodFromKey } from '../../periods/index.ts';
import type { IndicatorFacts, SeriesPoint } from '../improvement.types.ts';

/** Every period of the indicator (any area's, and this area's), oldest first. */
export function orderedPeriods(facts: IndicatorFacts): string[] {
  const ends = new Map<string, string>();
  facts.periodsWithFigures.forEach((key) => ends.set(key, tryPeriodFromKey(key)?.end ?? key));
  for (const point of facts.series) ends.set(point.period, point.periodEnd);
  const original = new Map(facts.periodsWithFigures.map((key, i) => [key, i]));
  return [...ends.keys()].sort((a, b) => {
    const byEnd = ends.get(a)!.localeCompare(ends.get(b)!);
    return byEnd !== 0 ? byEnd : (original.get(a) ?? 0) - (original.get(b) ?? 0);
  });
}

export function pointsByPeriod(facts: IndicatorFacts): Map<string, SeriesPoint> {
  return new Map(facts.series.map((p) => [p.period, p]));
}

/** The area's figure for the period just before `period` in the indicator's periods, if it has one. */
export function previousPoint(facts: IndicatorFacts, period: string, periods = orderedPeriods(facts)): SeriesPoint | null {
  const i = periods.indexOf(period);
  if (i <= 0) return null;
  return pointsByPeriod(facts).get(periods[i - 1]!) ?? null;
}

/** The area's latest figure. */
export function latestPoint(facts: IndicatorFacts): SeriesPoint | null {
  return facts.series.length > 0 ? facts.series[facts.series.length - 1]! : null;
}

export interface ConsecutiveChange {
  from: SeriesPoint;
  to: SeriesPoint;
  change: number;
}

/** Changes between the area's figures in consecutive periods (a missing period breaks the chain), oldest first. */
export function consecutiveChanges(facts: IndicatorFacts, periods = orderedPeriods(facts)): ConsecutiveChange[] {
  const points = pointsByPeriod(facts);
  const changes: ConsecutiveChange[] = [];
  for (let i = 1; i < periods.length; i++) {
    const from = points.get(periods[i - 1]!);
    const to = points.get(periods[i]!);
    if (from && to) changes.push({ from, to, change: to.value - from.value });
  }
  return changes;
}

/** The facts as they stood when `period` was the latest: nothing after it. */
export function factsUpTo(facts: IndicatorFacts, period: string, periods = orderedPeriods(facts)): IndicatorFacts {
  const kept = new Set(periods.slice(0, periods.indexOf(period) + 1));
  return {
    ...facts,
    series: facts.series.filter((p) => kept.has(p.period)),
    positions: facts.positions.filter((p) => kept.has(p.period)),
    periodsWithFigures: facts.periodsWithFigures.filter((p) => kept.has(p)),
  };
}
