/**
 * Statuses of actions, and statuses rolled up the golden thread.
 *
 * - An action's status from its latest progress report and its due date: cancelled → left out of
 *   every count (null); complete → on track; past its due date and not complete → off track; delayed →
 *   at risk; no report yet → no data; not started or in progress before the due date → on track. How
 *   far along it should be by now is not guessed from its progress.
 * - Rolling up: the counts of each status; the status is off track if any item is, else at risk if any
 *   is, else on track if any is, else no data.
 * - Worst first: off track, at risk, no data, on track, then anything left out; items of the same
 *   status keep their order.
 */
import { ValidationError } from '../../../platform/errors.ts';
import { STATUS_SEVERITY, type ActionUpdate, type Status, type StatusCounts } from '../plans.types.ts';

/** An action's status; null for a cancelled action, which no roll-up counts. */
export type ActionStatus = Status | null;

function checkDate(field: string, date: string): void {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, day] = (match ?? []).slice(1).map(Number);
  const valid = match !== null && new Date(Date.UTC(year!, month! - 1, day!)).getUTCDate() === day && month! >= 1 && month! <= 12;
  if (!valid)
    throw new ValidationError(`${field}: '${date}' is not a date (YYYY-MM-DD)`, [
      { field, value: date, reason: 'must be a date, YYYY-MM-DD' },
    ]);
}

/** The status of an action on `today` (YYYY-MM-DD) from its latest update; null when it is cancelled. */
export function actionStatus(latest: Pick<ActionUpdate, 'state'> | null, action: { due: string }, today: string): ActionStatus {
  checkDate('due', action.due);
  checkDate('today', today);
  const state = latest?.state;
  if (state === 'cancelled') return null;
  if (state === 'complete') return 'on_track';
  if (today > action.due) return 'off_track';
  if (state === 'delayed') return 'at_risk';
  if (!state) return 'no_data';
  return 'on_track';
}

export function emptyCounts(): StatusCounts {
  return { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
}

/** The status a set of counts rolls up to: the worst present, or no data when there is nothing. */
function statusOfCounts(counts: StatusCounts): Status {
  if (counts.off_track > 0) return 'off_track';
  if (counts.at_risk > 0) return 'at_risk';
  if (counts.on_track > 0) return 'on_track';
  return 'no_data';
}

/** Counts of each status, and the status they roll up to; null (a cancelled action) is left out. */
export function rollUp(statuses: readonly ActionStatus[]): { status: Status; counts: StatusCounts } {
  const counts = emptyCounts();
  for (const s of statuses) if (s !== null) counts[s] += 1;
  return { status: statusOfCounts(counts), counts };
}

/** Counts added up (a theme from its priorities' counts), and the status they roll up to. */
export function rollUpCounts(parts: readonly StatusCounts[]): { status: Status; counts: StatusCounts } {
  const counts = emptyCounts();
  for (const part of parts) {
    counts.on_track += part.on_track;
    counts.at_risk += part.at_risk;
    counts.off_track += part.off_track;
    counts.no_data += part.no_data;
  }
  return { status: statusOfCounts(counts), counts };
}

/** The items, worst status first; items of the same status keep their order; null statuses last. */
export function worstFirst<T>(items: readonly T[], statusOf: (item: T) => ActionStatus): T[] {
  const severity = (s: ActionStatus) => (s === null ? Object.keys(STATUS_SEVERITY).length : STATUS_SEVERITY[s]);
  return items
    .map((item, position) => ({ item, position, severity: severity(statusOf(item)) }))
    .sort((a, b) => a.severity - b.severity || a.position - b.position)
    .map((entry) => entry.item);
}
