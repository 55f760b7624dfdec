/**
 * Data late: a figure due by a date (the collection deadline) and still not published more than the
 * grace days after it. A due date is met by a figure published on that day; a figure published late is
 * late no longer once it is in.
 */
import type { DataLateParams, DeadlineFacts, RuleOutcome } from '../improvement.types.ts';
import { dateWords, periodWords, plural } from './words.ts';

const DAY = 86_400_000;

/** The first instant the figure counts as late: the start of the day after the due date and the grace days. */
export function lateFrom(dueDate: string, graceDays: number): Date {
  return new Date(Date.parse(`${dueDate.slice(0, 10)}T00:00:00Z`) + (graceDays + 1) * DAY);
}

export function evaluateDataLate(params: DataLateParams, due: DeadlineFacts, now: Date): RuleOutcome {
  const late = lateFrom(due.dueDate, params.graceDays);
  const what = `${due.indicatorTitle} for ${periodWords(due.period)}`;
  const evidence = {
    indicatorCode: due.indicatorCode,
    period: due.period,
    dueDate: due.dueDate,
    graceDays: params.graceDays,
    lateFrom: late.toISOString(),
    receivedAt: due.receivedAt,
    params,
  };
  if (due.receivedAt !== null) {
    const wasLate = Date.parse(due.receivedAt) >= lateFrom(due.dueDate, 0).getTime();
    return {
      fires: false,
      period: due.period,
      summary: `${what} was published on ${dateWords(due.receivedAt)}${wasLate ? ', after' : ', by'} its due date of ${dateWords(due.dueDate)}`,
      evidence,
    };
  }
  if (now.getTime() < late.getTime()) {
    return {
      fires: false,
      period: due.period,
      summary: `${what} is due by ${dateWords(due.dueDate)}${params.graceDays > 0 ? ` (with a grace of ${plural(params.graceDays, 'day')})` : ''}; it is not late yet`,
      evidence,
    };
  }
  const daysLate = Math.floor((now.getTime() - lateFrom(due.dueDate, 0).getTime()) / DAY) + 1;
  return {
    fires: true,
    period: due.period,
    summary: `${what} was due by ${dateWords(due.dueDate)} and has not been published: ${plural(daysLate, 'day')} late`,
    evidence: { ...evidence, daysLate },
  };
}
