/**
 * The proportionate inspection schedule, derived from the councils' newest risk profiles (never
 * stored): higher risk, sooner and on more themes; from each profile's date; soonest first.
 */
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import type { ScheduledInspection } from '../improvement.types.ts';
import { orderSchedule, scheduleInspection } from '../rules/index.ts';
import { listRiskProfiles } from './risk-profile.service.ts';

export async function inspectionSchedule(db: Executor, _deps: { clock?: Clock } = {}): Promise<ScheduledInspection[]> {
  const profiles = await listRiskProfiles(db);
  return orderSchedule(profiles.map((p) => scheduleInspection(p, new Date(p.computedAt))));
}
