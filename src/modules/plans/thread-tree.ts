/**
 * Building the golden thread down from a plan's top items: under each item, its own children in its
 * plan (by position) and then the items of other plans that serve it, each with everything under it in
 * turn. An item already on the path above is not repeated (links that loop back stop there). Targets
 * and actions take their own status; themes and priorities roll up the targets and actions beneath
 * them (counts, and the worst status present), and every list of children is worst first.
 */
import type { Executor } from '../../platform/db/executor.ts';
import { getBody } from '../bodies/index.ts';
import { itemStatuses, type ItemStatus } from './item-status.service.ts';
import { refKey, type ItemInGraph, type PlanGraph, type PlanInGraph } from './plan-graph.ts';
import type { Action, PlanItem, Status, StatusCounts, Target, ThreadNode } from './plans.types.ts';
import { rollUpCounts, worstFirst } from './rules/index.ts';

/** The most nodes one thread holds: a bound on what a page or a response carries. */
export const MAX_THREAD_NODES = 5000;

interface Skeleton {
  entry: ItemInGraph;
  relation: ThreadNode['relation'];
  children: Skeleton[];
  path: Set<string>;
}

const isLeaf = (i: PlanItem): i is Target | Action => i.kind === 'target' || i.kind === 'action';

/** The items under each item, level by level (one query per level for the serving items). */
async function skeletonOf(graph: PlanGraph, roots: ItemInGraph[]): Promise<Skeleton[]> {
  const top = roots.map((entry): Skeleton => ({ entry, relation: 'root', children: [], path: new Set([keyOf(entry)]) }));
  let level = top;
  let count = top.length;
  while (level.length > 0 && count < MAX_THREAD_NODES) {
    const serving = await graph.servingItems(level.map((s) => ({ planId: s.entry.plan.plan.id, key: s.entry.item.key })));
    const next: Skeleton[] = [];
    for (const node of level) {
      const own = childrenInPlan(node.entry.plan, node.entry.item.key).map((entry) => ({ entry, relation: 'child' as const }));
      const others = (serving.get(keyOf(node.entry)) ?? []).map((entry) => ({ entry, relation: 'serves' as const }));
      for (const { entry, relation } of [...own, ...others]) {
        if (node.path.has(keyOf(entry)) || count >= MAX_THREAD_NODES) continue;
        const child: Skeleton = { entry, relation, children: [], path: new Set([...node.path, keyOf(entry)]) };
        node.children.push(child);
        next.push(child);
        count += 1;
      }
    }
    level = next;
  }
  return top;
}

const keyOf = (e: ItemInGraph) => refKey({ planId: e.plan.plan.id, key: e.item.key });

function childrenInPlan(plan: PlanInGraph, key: string): ItemInGraph[] {
  return plan.items.filter((i) => i.parentKey === key).map((item) => ({ plan, item }));
}

export function topItems(plan: PlanInGraph): ItemInGraph[] {
  return plan.items.filter((i) => i.parentKey === null).map((item) => ({ plan, item }));
}

export interface ThreadBuild {
  nodes: ThreadNode[];
  status: Status;
  counts: StatusCounts;
}

/** The thread below the given items, with statuses, counts and owner names, worst first. */
export async function buildThread(
  db: Executor,
  graph: PlanGraph,
  roots: ItemInGraph[],
  today: string,
  opts: { forecasts: boolean },
): Promise<ThreadBuild> {
  const skeleton = await skeletonOf(graph, roots);
  const leaves = new Map<string, { planId: string; item: Target | Action }>();
  const bodies = new Set<string>();
  const visit = (s: Skeleton) => {
    if (isLeaf(s.entry.item)) {
      leaves.set(keyOf(s.entry), { planId: s.entry.plan.plan.id, item: s.entry.item });
      bodies.add(s.entry.item.ownerBodyId);
    }
    s.children.forEach(visit);
  };
  skeleton.forEach(visit);
  const statuses = await itemStatuses(db, [...leaves.values()], today, opts);
  const names = new Map<string, string>();
  for (const id of bodies) names.set(id, (await getBody(db, id))?.name ?? id);
  const built = skeleton.map((s) => toNode(s, statuses, names));
  const rolled = rollUpCounts(built.map((b) => b.subtree));
  return { nodes: worstFirst(built, nodeStatus).map((b) => b.node), ...rolled };
}

interface Built {
  node: ThreadNode;
  /** the targets and actions of this node and everything beneath it */
  subtree: StatusCounts;
}

const nodeStatus = (b: Built) => (b.node.cancelled ? null : b.node.status);

function toNode(s: Skeleton, statuses: Map<string, ItemStatus>, names: Map<string, string>): Built {
  const { plan, item } = s.entry;
  const children = s.children.map((c) => toNode(c, statuses, names));
  const below = rollUpCounts(children.map((c) => c.subtree));
  const own = isLeaf(item) ? statuses.get(keyOf(s.entry)) : undefined;
  const subtree = { ...below.counts };
  if (own && !own.cancelled) subtree[own.status] += 1;
  const ownerBodyId = isLeaf(item) ? item.ownerBodyId : null;
  const node: ThreadNode = {
    ref: { planId: plan.plan.id, key: item.key },
    kind: item.kind,
    title: item.title,
    plan: { id: plan.plan.id, kind: plan.plan.kind, title: plan.version.title },
    relation: s.relation,
    item,
    status: own ? own.status : below.status,
    cancelled: own?.cancelled ?? false,
    counts: own ? (children.length > 0 ? below.counts : null) : below.counts,
    ownerBodyId,
    ownerBodyName: ownerBodyId ? (names.get(ownerBodyId) ?? ownerBodyId) : null,
    leadPerson: isLeaf(item) ? item.leadPerson : null,
    assessment: own?.assessment ?? null,
    forecast: own?.forecast ?? null,
    actionUpdate: own?.actionUpdate ?? null,
    children: worstFirst(children, nodeStatus).map((c) => c.node),
  };
  return { node, subtree };
}
