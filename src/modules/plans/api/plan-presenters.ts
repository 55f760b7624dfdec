/** A plan as listed and as read (one version with its items), and its golden thread, as JSON. */
import { z } from 'zod';
import type { CsvColumn } from '../../../platform/http/csv.ts';
import type { PlanListing, PlanView } from '../plan-read.service.ts';
import type { GoldenThread } from '../thread.service.ts';
import { PLAN_KINDS, STATUS_NAMES, type ThreadNode } from '../plans.types.ts';
import {
  actionFieldsSchema,
  itemSchema,
  nationalPrioritySchema,
  planLinks,
  planSchema,
  presentActionFields,
  presentItem,
  presentNationalPriority,
  presentPlan,
  presentRef,
  presentTargetFields,
  presentVersion,
  targetFieldsSchema,
  versionSchema,
} from './presenters.ts';
import {
  actionUpdateSchema,
  assessmentSchema,
  countsSchema,
  forecastSchema,
  presentActionUpdate,
  presentAssessment,
  presentCounts,
  presentForecast,
  statusSchema,
} from './status-presenters.ts';

export const namedSchema = z.object({ id: z.string(), name: z.string() });
const areaSchema = z.object({ code: z.string(), name: z.string() });

const linksOf = (id: string) => ({
  self: planLinks.plan(id),
  versions: planLinks.versions(id),
  thread: planLinks.thread(id),
  targets: planLinks.targets(id),
});
const planLinksSchema = z.object({ self: z.string(), versions: z.string(), thread: z.string(), targets: z.string() });

export const planListingSchema = planSchema.extend({
  owner: namedSchema,
  area: areaSchema.nullable(),
  inForce: versionSchema.nullable().describe('the version in force on the date asked (today unless `on` is given)'),
  latestPublished: versionSchema.nullable().describe('it may come into force later than the date asked'),
  draft: versionSchema.nullable().describe('only for those who may see the plan’s drafts'),
  versionCount: z.number().int(),
  links: planLinksSchema,
});
export const presentPlanListing = (l: PlanListing): z.infer<typeof planListingSchema> => ({
  ...presentPlan(l.plan),
  owner: { ...l.owner },
  area: l.area && { ...l.area },
  inForce: l.inForce && presentVersion(l.inForce),
  latestPublished: l.latestPublished && presentVersion(l.latestPublished),
  draft: l.draft && presentVersion(l.draft),
  versionCount: l.versionCount,
  links: linksOf(l.plan.id),
});

export const planListingCsv: CsvColumn<PlanListing>[] = [
  { header: 'id', value: (l) => l.plan.id },
  { header: 'kind', value: (l) => l.plan.kind },
  { header: 'owner', value: (l) => l.owner.id },
  { header: 'owner_name', value: (l) => l.owner.name },
  { header: 'area', value: (l) => l.area?.code },
  { header: 'area_name', value: (l) => l.area?.name },
  { header: 'title', value: (l) => (l.inForce ?? l.latestPublished ?? l.draft)?.title },
  { header: 'version_in_force', value: (l) => l.inForce?.number },
  { header: 'in_force_from', value: (l) => l.inForce?.inForceFrom },
  { header: 'latest_published', value: (l) => l.latestPublished?.number },
  { header: 'draft', value: (l) => l.draft?.number },
];

export const planViewSchema = planSchema.extend({
  owner: namedSchema,
  area: areaSchema.nullable(),
  partners: z.array(namedSchema).describe('a Local Area Agreement’s partner bodies'),
  on: z.string().describe('the date the version was chosen for'),
  version: versionSchema.describe('the version shown'),
  inForce: versionSchema
    .nullable()
    .describe('the version in force on that date (another when a number or the draft was asked for)'),
  versions: z.array(versionSchema).describe('every version the reader may see, oldest first'),
  items: z.array(itemSchema).describe('the version’s themes, priorities, targets and actions, in plan order'),
  nationalPriorities: z.array(nationalPrioritySchema).describe('the national priorities its national targets are linked to'),
  links: planLinksSchema,
});
export const presentPlanView = (v: PlanView): z.infer<typeof planViewSchema> => ({
  ...presentPlan(v.plan),
  owner: { ...v.owner },
  area: v.area && { ...v.area },
  partners: v.partners.map((p) => ({ ...p })),
  on: v.on,
  version: presentVersion(v.version),
  inForce: v.inForce && presentVersion(v.inForce),
  versions: v.versions.map(presentVersion),
  items: v.items.map(presentItem),
  nationalPriorities: v.nationalPriorities.map(presentNationalPriority),
  links: linksOf(v.plan.id),
});

// --- the golden thread ------------------------------------------------------------------------------

/**
 * A node of the thread. The tree is sent as a list in reading order (each node followed by everything
 * under it, worst first at each level), every node naming its parent's place in the list.
 */
export const threadNodeSchema = z.object({
  index: z.number().int().describe('the node’s place in the list, from 0'),
  parent: z.number().int().nullable().describe('the place of the node it hangs under; null for a top item'),
  depth: z.number().int().describe('0 for a top item'),
  relation: z
    .enum(['root', 'child', 'serves'])
    .describe('root: a top item; child: under its parent in its own plan; serves: an item of another plan serving its parent'),
  ref: z.object({ plan: z.string(), key: z.string(), link: z.string() }),
  plan: z.object({ id: z.string(), kind: z.enum(PLAN_KINDS), title: z.string() }),
  kind: itemSchema.shape.kind,
  title: z.string(),
  description: z.string().nullable(),
  status: statusSchema,
  statusName: z.string(),
  cancelled: z.boolean().describe('a cancelled action: shown, but left out of every count'),
  counts: countsSchema.nullable().describe('the targets and actions beneath it, by status'),
  owner: namedSchema.nullable(),
  leadPerson: z.string().nullable(),
  target: targetFieldsSchema.nullable(),
  action: actionFieldsSchema.nullable(),
  assessment: assessmentSchema.nullable().describe('a target’s latest stored status, with the rule version it used'),
  forecast: forecastSchema.nullable().describe('a target’s trend projected to its target period'),
  progress: actionUpdateSchema.nullable().describe('an action’s latest progress report'),
  childCount: z.number().int(),
});
type ThreadNodeJson = z.infer<typeof threadNodeSchema>;

/** The tree, flattened in reading order. */
export function flattenThread(nodes: readonly ThreadNode[]): ThreadNodeJson[] {
  const out: ThreadNodeJson[] = [];
  const visit = (n: ThreadNode, parent: number | null, depth: number) => {
    const index = out.length;
    out.push(presentThreadNode(n, index, parent, depth));
    for (const child of n.children) visit(child, index, depth + 1);
  };
  for (const n of nodes) visit(n, null, 0);
  return out;
}

function presentThreadNode(n: ThreadNode, index: number, parent: number | null, depth: number): ThreadNodeJson {
  return {
    index,
    parent,
    depth,
    relation: n.relation,
    ref: presentRef(n.ref, n.kind),
    plan: { ...n.plan },
    kind: n.kind,
    title: n.title,
    description: n.item.description,
    status: n.status,
    statusName: STATUS_NAMES[n.status],
    cancelled: n.cancelled,
    counts: n.counts && presentCounts(n.counts),
    owner: n.ownerBodyId === null ? null : { id: n.ownerBodyId, name: n.ownerBodyName ?? n.ownerBodyId },
    leadPerson: n.leadPerson,
    target: n.item.kind === 'target' ? presentTargetFields(n.item) : null,
    action: n.item.kind === 'action' ? presentActionFields(n.item) : null,
    assessment: n.assessment && presentAssessment(n.assessment),
    forecast: n.forecast && presentForecast(n.forecast),
    progress: n.actionUpdate && presentActionUpdate(n.actionUpdate),
    childCount: n.children.length,
  };
}

export const threadSchema = z.object({
  plan: planSchema.extend({ owner: namedSchema }),
  version: versionSchema,
  on: z.string(),
  status: statusSchema.describe('the worst status of the targets and actions in the thread'),
  statusName: z.string(),
  counts: countsSchema,
  nodes: z.array(threadNodeSchema),
});
export const presentThread = (t: GoldenThread): z.infer<typeof threadSchema> => ({
  plan: { ...presentPlan(t.plan), owner: { ...t.owner } },
  version: presentVersion(t.version),
  on: t.on,
  status: t.status,
  statusName: STATUS_NAMES[t.status],
  counts: presentCounts(t.counts),
  nodes: flattenThread(t.nodes),
});
