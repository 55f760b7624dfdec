/**
 * Direction of travel between two periods. A change no bigger than half a unit of the indicator's
 * last decimal place (0.05 at 1 dp) is "no change": the published figures would look the same.
 * Significance only when both periods carry confidence intervals: non-overlapping → significant.
 */
import type { Polarity } from '../indicators/index.ts';
import { distanceFromRange, type TargetRange } from './ranking.ts';

export type Direction = 'improving' | 'worsening' | 'increasing' | 'decreasing' | 'no_change';

export interface PointWithInterval {
  value: number;
  ciLower?: number | null;
  ciUpper?: number | null;
}

export interface DirectionRule {
  polarity: Polarity;
  decimalPlaces: number;
  targetRange?: TargetRange | null;
}

export interface DirectionOfTravel {
  direction: Direction;
  /** current − previous */
  change: number;
  /** null when either period lacks a confidence interval, or there is no change */
  significant: boolean | null;
  words: string;
}

export function noChangeTolerance(decimalPlaces: number): number {
  return 0.5 * 10 ** -Math.max(0, decimalPlaces);
}

export function intervalsOverlap(a: { low: number; high: number }, b: { low: number; high: number }): boolean {
  return a.low <= b.high && b.low <= a.high;
}

function intervalOf(p: PointWithInterval): { low: number; high: number } | null {
  if (p.ciLower === null || p.ciLower === undefined || p.ciUpper === null || p.ciUpper === undefined) return null;
  return { low: Math.min(p.ciLower, p.ciUpper), high: Math.max(p.ciLower, p.ciUpper) };
}

function classify(current: number, previous: number, rule: DirectionRule, tolerance: number): Direction {
  const change = current - previous;
  if (Math.abs(change) <= tolerance + 1e-12) return 'no_change';
  const up = change > 0;
  switch (rule.polarity) {
    case 'higher_is_better':
      return up ? 'improving' : 'worsening';
    case 'lower_is_better':
      return up ? 'worsening' : 'improving';
    case 'none':
      return up ? 'increasing' : 'decreasing';
    case 'target_range': {
      if (!rule.targetRange) return up ? 'increasing' : 'decreasing';
      const closer = distanceFromRange(previous, rule.targetRange) - distanceFromRange(current, rule.targetRange);
      if (Math.abs(closer) <= tolerance + 1e-12) return up ? 'increasing' : 'decreasing';
      return closer > 0 ? 'improving' : 'worsening';
    }
  }
}

const WORDS: Record<Direction, string> = {
  improving: 'improving',
  worsening: 'worsening',
  increasing: 'increasing',
  decreasing: 'decreasing',
  no_change: 'no change',
};

export function directionOfTravel(
  current: PointWithInterval,
  previous: PointWithInterval,
  rule: DirectionRule,
): DirectionOfTravel {
  const direction = classify(current.value, previous.value, rule, noChangeTolerance(rule.decimalPlaces));
  const a = intervalOf(current);
  const b = intervalOf(previous);
  const significant = direction === 'no_change' || !a || !b ? null : !intervalsOverlap(a, b);
  const note =
    significant === null
      ? ''
      : significant
        ? ' (statistically significant)'
        : ' (not statistically significant: the confidence intervals overlap)';
  return { direction, change: current.value - previous.value, significant, words: `${WORDS[direction]}${note}` };
}
