/**
 * Every target of every plan's version in force on a date, with its judged statuses: the newest
 * stored judgement of each period, oldest period first. What the under-performance triggers read
 * (a target off track for N judged periods), in one pass over all plans.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { comparePeriods, tryPeriodFromKey } from '../periods/index.ts';
import { planScope } from './plan-access.ts';
import { recordedVersions, versionItems } from './plan-store.ts';
import { listPlanRows } from './plan.repository.ts';
import { toAssessment } from './plans.mapper.ts';
import type { Target, TargetAssessment } from './plans.types.ts';
import { findAssessmentRows } from './status.repository.ts';
import { inForceOn } from './versions.ts';

export interface JudgedTarget {
  planId: string;
  planOwnerBodyId: string;
  /** the bodies accountable for the plan's owner (an LSP's accountable body) */
  accountableBodyIds: string[];
  target: Target;
  /** the newest judgement of each period, oldest period first (judgements without a period left out) */
  judgements: TargetAssessment[];
}

export async function judgedTargets(db: Executor, deps: { clock: Clock }): Promise<JudgedTarget[]> {
  const date = deps.clock.now().toISOString().slice(0, 10);
  const out: JudgedTarget[] = [];
  for (const plan of await listPlanRows(db, {})) {
    const recorded = await recordedVersions(db, plan.id);
    const version = recorded ? inForceOn(recorded.versions, date) : undefined;
    if (!recorded || !version) continue;
    const targets = (await versionItems(db, version)).filter((i): i is Target => i.kind === 'target');
    if (targets.length === 0) continue;
    const scope = await planScope(db, plan.owner_body_id);
    for (const target of targets) {
      const rows = (await findAssessmentRows(db, { planId: plan.id, key: target.key })).map(toAssessment);
      out.push({
        planId: plan.id,
        planOwnerBodyId: plan.owner_body_id,
        accountableBodyIds: [...scope.accountableBodyIds],
        target,
        judgements: newestPerPeriod(rows),
      });
    }
  }
  return out;
}

/** Rows come newest first: keep the first of each period, in period order. */
function newestPerPeriod(newestFirst: TargetAssessment[]): TargetAssessment[] {
  const seen = new Map<string, TargetAssessment>();
  for (const a of newestFirst) if (a.period !== null && !seen.has(a.period)) seen.set(a.period, a);
  return [...seen.values()].sort((a, b) => byPeriod(a.period!, b.period!));
}

function byPeriod(a: string, b: string): number {
  const pa = tryPeriodFromKey(a);
  const pb = tryPeriodFromKey(b);
  if (pa && pb) return comparePeriods(pa, pb);
  return a < b ? -1 : a > b ? 1 : 0;
}
