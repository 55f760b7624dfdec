/**
 * Where a council stands on each of its indicators, targets and figures due — read the same way by the
 * risk inputs and by the inspection themes flagged: the newest judgement of a target (no data is not a
 * judgement), an indicator's latest comparator position and its latest change between consecutive
 * periods (not for an indicator without a direction), and whether a figure due was late or is missing.
 */
import type { DeadlineFacts, IndicatorFacts, TargetFacts } from '../improvement.types.ts';
import { judgeChange } from './compare.ts';
import { lateFrom } from './data-late.ts';
import { judgementsByPeriod } from './off-target.ts';
import { latestPoint, previousPoint } from './series.ts';

export interface TargetStanding {
  judged: boolean;
  offTrack: boolean;
}

export function targetStanding(target: TargetFacts): TargetStanding {
  const all = judgementsByPeriod(target);
  const newest = all[all.length - 1];
  const judged = newest !== undefined && newest.status !== 'no_data';
  return { judged, offTrack: judged && newest.status === 'off_track' };
}

export interface IndicatorStanding {
  compared: boolean;
  bottomQuartile: boolean;
  withTrend: boolean;
  worsening: boolean;
}

export function indicatorStanding(facts: IndicatorFacts): IndicatorStanding {
  const none = { compared: false, bottomQuartile: false, withTrend: false, worsening: false };
  if (facts.polarity === 'none') return none;
  const position = facts.positions[facts.positions.length - 1];
  const latest = latestPoint(facts);
  const previous = latest ? previousPoint(facts, latest.period) : null;
  const change = latest && previous ? judgeChange(facts.polarity, previous, latest, facts.decimalPlaces) : null;
  return {
    compared: position !== undefined,
    bottomQuartile: position?.quartile === 4,
    withTrend: change !== null,
    worsening: change?.worse === true,
  };
}

export interface DeadlineStanding {
  /** the due date has passed */
  due: boolean;
  /** due, and not published by the due date (late, or still missing) */
  lateOrMissing: boolean;
}

export function deadlineStanding(deadline: DeadlineFacts, now: Date): DeadlineStanding {
  const dueBy = lateFrom(deadline.dueDate, 0).getTime();
  const due = now.getTime() >= dueBy;
  const inTime = deadline.receivedAt !== null && Date.parse(deadline.receivedAt) < dueBy;
  return { due, lateOrMissing: due && !inTime };
}
