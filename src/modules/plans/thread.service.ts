/**
 * The golden thread: down from a plan (strategy → themes → priorities → targets and actions, with the
 * items of other plans that serve them), and up from an item or an indicator to the vision it serves.
 *
 * Going up, an item leads to what it serves (in the other plans' versions in force on the date) before
 * its parent: a service plan's action that serves an LAA target goes up through that target, its
 * outcome and the strategy priority the outcome serves, to the strategy's vision. An item serving
 * several items starts one chain for each. An item that serves nothing and has no parent is the top:
 * the chain ends at its plan's vision.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Actor } from '../accounts/index.ts';
import type { PlanAccess } from './plan-access.ts';
import { refKey, PlanGraph, type ItemInGraph } from './plan-graph.ts';
import { loadPlan, todayOf, type NamedBody } from './plan-read.service.ts';
import { getBody } from '../bodies/index.ts';
import { findVersionIdsWithTargetsOn } from './item.repository.ts';
import type { ItemRef, Plan, PlanKind, PlanVersion, Status, StatusCounts, Target, ThreadNode } from './plans.types.ts';
import { buildThread, topItems } from './thread-tree.ts';
import { checkDate, type VersionChoice } from './versions.ts';

export interface GoldenThread {
  plan: Plan;
  version: PlanVersion;
  on: string;
  owner: NamedBody;
  /** the plan's status: the worst of the targets and actions beneath it */
  status: Status;
  counts: StatusCounts;
  /** the plan's top items (themes), worst first */
  nodes: ThreadNode[];
  access: PlanAccess;
}

/** A plan's thread, down from its top items, with statuses, counts, owners and forecasts. */
export async function goldenThread(
  db: Executor,
  actor: Actor | null,
  planId: string,
  choice: VersionChoice,
  deps: { clock: Clock },
): Promise<GoldenThread> {
  const loaded = await loadPlan(db, actor, planId, choice, deps);
  const graph = new PlanGraph(db, loaded.on);
  const main = graph.use(loaded.plan, loaded.version, loaded.items);
  const built = await buildThread(db, graph, topItems(main), todayOf(deps.clock), { forecasts: true });
  const owner = await getBody(db, loaded.plan.ownerBodyId);
  return {
    plan: loaded.plan,
    version: loaded.version,
    on: loaded.on,
    owner: { id: loaded.plan.ownerBodyId, name: owner?.name ?? loaded.plan.ownerBodyId },
    status: built.status,
    counts: built.counts,
    nodes: built.nodes,
    access: loaded.access,
  };
}

/** One step of a chain up: the item with its status as the thread shows it (without what is under it). */
export type ThreadStep = Omit<ThreadNode, 'children' | 'relation' | 'forecast'> & {
  /** how the step was reached from the one below: the item asked about, its parent, or an item it serves */
  via: 'start' | 'parent' | 'serves';
};

export interface ThreadChain {
  /** from the item asked about up to the top item */
  steps: ThreadStep[];
  /** the plan whose vision the chain ends at */
  top: { planId: string; kind: PlanKind; title: string; vision: string | null };
}

export interface ThreadUp {
  on: string;
  /** one chain for each way up (usually one) */
  chains: ThreadChain[];
}

/** The most chains one item leads up by. */
export const MAX_CHAINS = 20;

/** From an item (in the plan's version in force on the date) up to the vision it serves. */
export async function threadUpFrom(
  db: Executor,
  _actor: Actor | null,
  ref: ItemRef,
  query: { on?: string },
  deps: { clock: Clock },
): Promise<ThreadUp> {
  const on = query.on === undefined ? todayOf(deps.clock) : checkDate(query.on, 'on');
  const climber = new Climber(db, new PlanGraph(db, on), todayOf(deps.clock));
  const start = await climber.graph.item(ref);
  if (!start)
    throw new NotFoundError(`No item ${ref.key} in plan ${ref.planId} was in force on ${on}`, [
      { field: 'key', value: ref.key, reason: 'is not an item of the plan in force on this date' },
    ]);
  return { on, chains: await climber.chainsFrom(start) };
}

export interface IndicatorTarget {
  target: Target;
  plan: { id: string; kind: PlanKind; title: string };
  chains: ThreadChain[];
}

/** Every target on the indicator (for the area, when given) in the plans in force on the date, each with its chains up. */
export async function threadForIndicator(
  db: Executor,
  _actor: Actor | null,
  indicatorCode: string,
  query: { area?: string; on?: string },
  deps: { clock: Clock },
): Promise<{ on: string; indicatorCode: string; targets: IndicatorTarget[] }> {
  const on = query.on === undefined ? todayOf(deps.clock) : checkDate(query.on, 'on');
  const climber = new Climber(db, new PlanGraph(db, on), todayOf(deps.clock));
  const versionIds = new Set(await findVersionIdsWithTargetsOn(db, indicatorCode, query.area));
  const targets: IndicatorTarget[] = [];
  for (const planId of await climber.graph.planIdsOfVersions(versionIds)) {
    const plan = await climber.graph.plan(planId);
    if (!plan || !versionIds.has(plan.version.id)) continue;
    for (const item of plan.items) {
      if (item.kind !== 'target' || item.indicatorCode !== indicatorCode) continue;
      if (query.area && item.areaCode !== query.area) continue;
      targets.push({
        target: item,
        plan: { id: plan.plan.id, kind: plan.plan.kind, title: plan.version.title },
        chains: await climber.chainsFrom({ plan, item }),
      });
    }
  }
  return { on, indicatorCode, targets };
}

type Via = ThreadStep['via'];

/** Walks up the thread, and reads each step's status from the thread of the plan at the top. */
class Climber {
  private readonly threads = new Map<string, Map<string, ThreadNode>>();

  constructor(
    private readonly db: Executor,
    readonly graph: PlanGraph,
    private readonly today: string,
  ) {}

  async chainsFrom(start: ItemInGraph): Promise<ThreadChain[]> {
    const paths = await this.pathsUp([{ entry: start, via: 'start' }], new Set([keyOf(start)]));
    const chains: ThreadChain[] = [];
    for (const path of paths.slice(0, MAX_CHAINS)) {
      const top = path[path.length - 1]!.entry.plan;
      const index = await this.threadOf(top.plan.id);
      chains.push({
        steps: path.map((p) => stepOf(p.entry, p.via, index.get(keyOf(p.entry)))),
        top: { planId: top.plan.id, kind: top.plan.kind, title: top.version.title, vision: top.version.vision },
      });
    }
    return chains;
  }

  private async pathsUp(
    path: { entry: ItemInGraph; via: Via }[],
    seen: Set<string>,
  ): Promise<{ entry: ItemInGraph; via: Via }[][]> {
    const here = path[path.length - 1]!.entry;
    const ups: { entry: ItemInGraph; via: Via }[] = [];
    for (const s of here.item.serves) {
      const served = await this.graph.item(s);
      if (served && !seen.has(keyOf(served))) ups.push({ entry: served, via: 'serves' });
    }
    const parent = here.item.parentKey ? here.plan.byKey.get(here.item.parentKey) : undefined;
    if (ups.length === 0 && parent && !seen.has(refKey({ planId: here.plan.plan.id, key: parent.key })))
      ups.push({ entry: { plan: here.plan, item: parent }, via: 'parent' });
    if (ups.length === 0) return [path];
    const out: { entry: ItemInGraph; via: Via }[][] = [];
    for (const up of ups) {
      if (out.length >= MAX_CHAINS) break;
      out.push(...(await this.pathsUp([...path, up], new Set([...seen, keyOf(up.entry)]))));
    }
    return out;
  }

  /** The nodes of a plan's thread by `plan#key` (the first place each item appears). */
  private async threadOf(planId: string): Promise<Map<string, ThreadNode>> {
    const cached = this.threads.get(planId);
    if (cached) return cached;
    const plan = await this.graph.plan(planId);
    const index = new Map<string, ThreadNode>();
    if (plan) {
      const built = await buildThread(this.db, this.graph, topItems(plan), this.today, { forecasts: false });
      const visit = (n: ThreadNode) => {
        if (!index.has(refKey(n.ref))) index.set(refKey(n.ref), n);
        n.children.forEach(visit);
      };
      built.nodes.forEach(visit);
    }
    this.threads.set(planId, index);
    return index;
  }
}

const keyOf = (e: ItemInGraph) => refKey({ planId: e.plan.plan.id, key: e.item.key });

function stepOf(entry: ItemInGraph, via: Via, node: ThreadNode | undefined): ThreadStep {
  const { plan, item } = entry;
  const leaf = item.kind === 'target' || item.kind === 'action';
  return {
    ref: { planId: plan.plan.id, key: item.key },
    kind: item.kind,
    title: item.title,
    plan: { id: plan.plan.id, kind: plan.plan.kind, title: plan.version.title },
    item,
    status: node?.status ?? 'no_data',
    cancelled: node?.cancelled ?? false,
    counts: node?.counts ?? null,
    ownerBodyId: node?.ownerBodyId ?? (leaf ? item.ownerBodyId : null),
    ownerBodyName: node?.ownerBodyName ?? null,
    leadPerson: leaf ? item.leadPerson : null,
    assessment: node?.assessment ?? null,
    actionUpdate: node?.actionUpdate ?? null,
    via,
  };
}
