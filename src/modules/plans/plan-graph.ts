/**
 * The plans as they stood on one date, joined by what their items serve: each plan's version in force
 * on the date (one plan may be shown in another version, its draft say), loaded as the thread reaches
 * it. Serving items are found among the other plans' versions in force on the same date.
 */
import type { Executor } from '../../platform/db/executor.ts';
import { findItemRows, findItemsServing } from './item.repository.ts';
import { findPlanRows, findVersionRows, listPlanRows } from './plan.repository.ts';
import { groupVersions, itemsOf, toPlan } from './plans.mapper.ts';
import type { ItemRef, Plan, PlanItem, PlanVersion } from './plans.types.ts';
import { inForceOn } from './versions.ts';

export interface PlanInGraph {
  plan: Plan;
  version: PlanVersion;
  items: PlanItem[];
  byKey: Map<string, PlanItem>;
}

export interface ItemInGraph {
  plan: PlanInGraph;
  item: PlanItem;
}

export const refKey = (r: ItemRef) => `${r.planId}#${r.key}`;

export class PlanGraph {
  private readonly plans = new Map<string, PlanInGraph | null>();
  private inForceIds: Map<string, number> | null = null;

  constructor(
    private readonly db: Executor,
    readonly on: string,
  ) {}

  /** Shows this plan in the given version (a draft, an older version) instead of the one in force. */
  use(plan: Plan, version: PlanVersion, items: PlanItem[]): PlanInGraph {
    const entry = { plan, version, items, byKey: new Map(items.map((i) => [i.key, i])) };
    this.plans.set(plan.id, entry);
    return entry;
  }

  /** The plan in its version in force on the date; null when it is unknown or none was in force. */
  async plan(planId: string): Promise<PlanInGraph | null> {
    if (this.plans.has(planId)) return this.plans.get(planId)!;
    const [row] = await findPlanRows(this.db, [planId]);
    const version = row ? inForceOn(groupVersions(await findVersionRows(this.db, [planId])).get(planId) ?? [], this.on) : null;
    if (!row || !version) {
      this.plans.set(planId, null);
      return null;
    }
    const items = itemsOf(await findItemRows(this.db, [version.id]), planId);
    return this.use(toPlan(row), version, items);
  }

  async item(ref: ItemRef): Promise<ItemInGraph | null> {
    const plan = await this.plan(ref.planId);
    const item = plan?.byKey.get(ref.key);
    return plan && item ? { plan, item } : null;
  }

  /** Items of other plans (in force on the date) serving any of the items, by the item served. */
  async servingItems(served: readonly ItemRef[]): Promise<Map<string, ItemInGraph[]>> {
    const out = new Map<string, ItemInGraph[]>();
    const versionIds = [...(await this.inForceVersionIds()).entries()]
      .filter(([planId]) => !this.shownOtherwise(planId))
      .map(([, id]) => id);
    const shown = [...this.plans.values()].filter((p): p is PlanInGraph => p !== null).map((p) => p.version.id);
    const rows = await findItemsServing(this.db, [...new Set([...versionIds, ...shown])], served);
    const servedKeys = new Set(served.map(refKey));
    for (const row of rows) {
      const planId = await this.planIdOfVersion(row.item.version_id);
      const plan = planId ? await this.plan(planId) : null;
      const item = plan?.byKey.get(row.item.key);
      if (!plan || !item || plan.version.id !== row.item.version_id) continue;
      for (const s of item.serves) {
        const k = refKey(s);
        if (s.planId !== plan.plan.id && servedKeys.has(k)) out.set(k, [...(out.get(k) ?? []), { plan, item }]);
      }
    }
    return out;
  }

  /** The plans whose version in force on the date is one of these. */
  async planIdsOfVersions(versionIds: ReadonlySet<number>): Promise<string[]> {
    return [...(await this.inForceVersionIds()).entries()].filter(([, id]) => versionIds.has(id)).map(([planId]) => planId);
  }

  /** A plan shown in another version than the one in force (its draft): its in-force version is not searched. */
  private shownOtherwise(planId: string): boolean {
    const shown = this.plans.get(planId);
    return shown !== undefined && shown !== null && shown.version.id !== this.inForceIds?.get(planId);
  }

  private async planIdOfVersion(versionId: number): Promise<string | undefined> {
    for (const p of this.plans.values()) if (p && p.version.id === versionId) return p.plan.id;
    for (const [planId, id] of await this.inForceVersionIds()) if (id === versionId) return planId;
    return undefined;
  }

  private async inForceVersionIds(): Promise<Map<string, number>> {
    if (this.inForceIds) return this.inForceIds;
    const planIds = (await listPlanRows(this.db, {})).map((p) => p.id);
    const versions = groupVersions(await findVersionRows(this.db, planIds));
    this.inForceIds = new Map();
    for (const [planId, list] of versions) {
      const v = inForceOn(list, this.on);
      if (v) this.inForceIds.set(planId, v.id);
    }
    return this.inForceIds;
  }
}
