/**
 * A target's trajectory: the baseline, the interim milestones and the target, in period order, joined
 * by straight lines by period start date (time in months, so every year is the same length).
 *
 * - On a point's period the expected value is that point's value; between two points it is read off
 *   the line between them (for ranges, the low and high ends each, a single value counting as [v, v]).
 * - Before the first point nothing is expected yet. With no baseline the trajectory starts at the first
 *   milestone, or at the target when there are none.
 * - After the target period the target is expected. A placeholder target (no value yet) has no
 *   trajectory beyond its baseline and milestones: after the last of them nothing is expected.
 */
import type { Period } from '../../periods/index.ts';
import type { TargetValue } from '../plans.types.ts';
import { assertNoProblems, trajectoryProblems, type TrajectoryInput } from './checks.ts';
import { asRange, yearsOf } from './values.ts';

export type { TrajectoryInput } from './checks.ts';

export interface TrajectoryPoint {
  role: 'baseline' | 'milestone' | 'target';
  period: Period;
  value: TargetValue;
}

/** The baseline, milestones and target (when it has a value), in period order. */
export function trajectoryPoints(input: TrajectoryInput): TrajectoryPoint[] {
  assertNoProblems('The target cannot be read', trajectoryProblems(input));
  const points: TrajectoryPoint[] = [];
  if (input.baseline) points.push({ role: 'baseline', period: input.baseline.period, value: { value: input.baseline.value } });
  for (const m of input.milestones) points.push({ role: 'milestone', period: m.period, value: m.value });
  if (input.target.value) points.push({ role: 'target', period: input.target.period, value: input.target.value });
  return points;
}

/** The value on the line from `from` to `to` at `at` years; a single value when both ends are single. */
function between(from: TrajectoryPoint, to: TrajectoryPoint, at: number): TargetValue {
  const x0 = yearsOf(from.period.start);
  const share = (at - x0) / (yearsOf(to.period.start) - x0);
  const line = (a: number, b: number) => a + (b - a) * share;
  if ('value' in from.value && 'value' in to.value) return { value: line(from.value.value, to.value.value) };
  const a = asRange(from.value);
  const b = asRange(to.value);
  return { low: line(a.low, b.low), high: line(a.high, b.high) };
}

/** What the trajectory expects in `period`, or null when nothing is expected then. */
export function expectedAt(input: TrajectoryInput, period: Period): TargetValue | null {
  const points = trajectoryPoints(input);
  const exact = points.find((p) => p.period.key === period.key);
  if (exact) return exact.value;
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last || period.start < first.period.start) return null;
  if (period.start === last.period.start) return last.value;
  if (period.start > last.period.start) return last.role === 'target' ? last.value : null;
  const at = yearsOf(period.start);
  const nextIndex = points.findIndex((p) => p.period.start > period.start);
  return between(points[nextIndex - 1]!, points[nextIndex]!, at);
}
