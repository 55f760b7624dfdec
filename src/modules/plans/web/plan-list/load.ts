/** The plans a reader may see, each with the roll-up of the version in force today. */
import type { Clock } from '../../../../platform/clock.ts';
import type { Executor } from '../../../../platform/db/executor.ts';
import type { Actor } from '../../../accounts/index.ts';
import { goldenThread, laaReport, listPlans, type PlanListing, type Status, type StatusCounts } from '../../index.ts';

export interface ListedPlan {
  listing: PlanListing;
  /** the roll-up of the version in force today; null when none is */
  rolled: { status: Status; counts: StatusCounts } | null;
}

export async function loadPlanList(db: Executor, actor: Actor | null, deps: { clock: Clock }): Promise<ListedPlan[]> {
  const listings = await listPlans(db, actor, {}, deps);
  const out: ListedPlan[] = [];
  for (const listing of listings) {
    if (!listing.inForce) {
      out.push({ listing, rolled: null });
      continue;
    }
    const id = listing.plan.id;
    const rolled =
      listing.plan.kind === 'laa' ? await laaReport(db, actor, id, {}, deps) : await goldenThread(db, actor, id, {}, deps);
    out.push({ listing, rolled: { status: rolled.status, counts: rolled.counts } });
  }
  return out;
}
