/** Plans, their versions and items, and national priorities as JSON (and CSV): the only way out of the API. */
import { z } from 'zod';
import { tryPeriodFromKey } from '../../periods/index.ts';
import {
  ACTION_STATES,
  ITEM_KINDS,
  PLAN_KIND_NAMES,
  PLAN_KINDS,
  TARGET_DIRECTIONS,
  TARGET_KINDS,
  TARGET_MEASURES,
  VERSION_STATES,
  type Action,
  type ItemRef,
  type NationalPriority,
  type Plan,
  type PlanItem,
  type PlanVersion,
  type Target,
  type TargetValue,
} from '../plans.types.ts';

const enc = encodeURIComponent;

/** Where a plan, an item or a national priority is in the API. */
export const planLinks = {
  plan: (id: string) => `/api/v1/plans/${enc(id)}`,
  versions: (id: string) => `/api/v1/plans/${enc(id)}/versions`,
  thread: (id: string) => `/api/v1/plans/${enc(id)}/thread`,
  targets: (id: string) => `/api/v1/plans/${enc(id)}/targets`,
  target: (id: string, key: string) => `/api/v1/plans/${enc(id)}/targets/${enc(key)}`,
  action: (id: string, key: string) => `/api/v1/plans/${enc(id)}/actions/${enc(key)}`,
  indicatorTargets: (code: string) => `/api/v1/indicators/${enc(code)}/targets`,
};

/** Where to read an item: a target's or action's own address, a theme's or priority's plan thread; the plan when the kind is not known. */
export function itemLink(ref: ItemRef, kind: PlanItem['kind'] | null): string {
  if (kind === 'target') return planLinks.target(ref.planId, ref.key);
  if (kind === 'action') return planLinks.action(ref.planId, ref.key);
  if (kind === null) return planLinks.plan(ref.planId);
  return planLinks.thread(ref.planId);
}

export const periodSchema = z.object({
  key: z.string().describe('the canonical key, e.g. FY2025'),
  label: z.string().describe('as people write it, e.g. 2025/26'),
  start: z.string().nullable(),
  end: z.string().nullable(),
});
export function presentPeriodKey(key: string): z.infer<typeof periodSchema> {
  const p = tryPeriodFromKey(key);
  return p ? { key: p.key, label: p.label, start: p.start, end: p.end } : { key, label: key, start: null, end: null };
}

export const targetValueSchema = z
  .union([z.object({ value: z.number() }), z.object({ low: z.number(), high: z.number() })])
  .describe('one value, or a range (low, high) for a range target');
export const presentTargetValue = (v: TargetValue): z.infer<typeof targetValueSchema> =>
  'value' in v ? { value: v.value } : { low: v.low, high: v.high };

/** A target value for CSV: "58" or "55–60". */
export const targetValueText = (v: TargetValue | null): string | null =>
  v === null ? null : 'value' in v ? String(v.value) : `${v.low}–${v.high}`;

export const itemRefSchema = z.object({
  plan: z.string(),
  key: z.string(),
  link: z
    .string()
    .describe('a target’s or action’s own address, a theme’s or priority’s plan thread, or (a link to another plan) that plan'),
});
export const presentRef = (r: ItemRef, kind: PlanItem['kind'] | null): z.infer<typeof itemRefSchema> => ({
  plan: r.planId,
  key: r.key,
  link: itemLink(r, kind),
});

// --- plans and versions -----------------------------------------------------------------------------

export const planSchema = z.object({
  id: z.string(),
  kind: z.enum(PLAN_KINDS),
  kindName: z.string().describe('Sustainable Community Strategy, Local Area Agreement or service plan'),
  ownerBodyId: z.string(),
  areaCode: z.string().nullable(),
  createdAt: z.string(),
});
export const presentPlan = (p: Plan): z.infer<typeof planSchema> => ({
  id: p.id,
  kind: p.kind,
  kindName: PLAN_KIND_NAMES[p.kind],
  ownerBodyId: p.ownerBodyId,
  areaCode: p.areaCode,
  createdAt: p.createdAt,
});

export const versionSchema = z.object({
  id: z.number().int().describe('the stored id, which assessments name'),
  number: z.number().int(),
  state: z.enum(VERSION_STATES),
  title: z.string(),
  vision: z.string().nullable(),
  coversFrom: periodSchema.nullable(),
  coversTo: periodSchema.nullable(),
  inForceFrom: z.string().nullable().describe('YYYY-MM-DD; null while a draft'),
  changeNote: z.string().nullable(),
  partnerBodyIds: z.array(z.string()),
  disclaimer: z.string().nullable().describe('shown with the plan wherever it is shown'),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export const presentVersion = (v: PlanVersion): z.infer<typeof versionSchema> => ({
  id: v.id,
  number: v.number,
  state: v.state,
  title: v.title,
  vision: v.vision,
  coversFrom: v.coversFrom === null ? null : presentPeriodKey(v.coversFrom),
  coversTo: v.coversTo === null ? null : presentPeriodKey(v.coversTo),
  inForceFrom: v.inForceFrom,
  changeNote: v.changeNote,
  partnerBodyIds: [...v.partnerBodyIds],
  disclaimer: v.disclaimer,
  createdAt: v.createdAt,
  publishedAt: v.publishedAt,
});

// --- items ------------------------------------------------------------------------------------------

const milestoneSchema = z.object({ period: periodSchema, value: targetValueSchema });
const actionMilestoneSchema = z.object({ due: z.string(), title: z.string(), done: z.boolean() });

export const targetFieldsSchema = z.object({
  targetKind: z.enum(TARGET_KINDS),
  nationalPriority: z.string().nullable().describe('the PSA target or standard a national target is linked to'),
  indicator: z.string(),
  area: z.string(),
  coverage: z.array(z.string()).describe('the sub-areas the target covers; empty: the whole area'),
  measure: z.enum(TARGET_MEASURES).describe('level: the figure for the area; gap: the deprivation gap (a floor target)'),
  direction: z.enum(TARGET_DIRECTIONS),
  baseline: z.object({ period: periodSchema, value: z.number() }).nullable().describe('null: a placeholder'),
  target: z.object({ period: periodSchema, value: targetValueSchema.nullable() }),
  milestones: z.array(milestoneSchema),
  stretch: z.object({ amountGbp: z.number().nullable(), description: z.string().nullable() }).nullable(),
  ownerBodyId: z.string(),
  leadPerson: z.string().nullable(),
});
export function presentTargetFields(t: Target): z.infer<typeof targetFieldsSchema> {
  return {
    targetKind: t.targetKind,
    nationalPriority: t.nationalPriorityCode,
    indicator: t.indicatorCode,
    area: t.areaCode,
    coverage: [...t.coverageAreaCodes],
    measure: t.measure,
    direction: t.direction,
    baseline: t.baseline && { period: presentPeriodKey(t.baseline.period), value: t.baseline.value },
    target: {
      period: presentPeriodKey(t.target.period),
      value: t.target.value === null ? null : presentTargetValue(t.target.value),
    },
    milestones: t.milestones.map((m) => ({ period: presentPeriodKey(m.period), value: presentTargetValue(m.value) })),
    stretch: t.stretch && { amountGbp: t.stretch.amountGbp, description: t.stretch.description },
    ownerBodyId: t.ownerBodyId,
    leadPerson: t.leadPerson,
  };
}

export const actionFieldsSchema = z.object({
  ownerBodyId: z.string(),
  leadPerson: z.string().nullable(),
  due: z.string().describe('YYYY-MM-DD'),
  milestones: z.array(actionMilestoneSchema),
});
export const presentActionFields = (a: Action): z.infer<typeof actionFieldsSchema> => ({
  ownerBodyId: a.ownerBodyId,
  leadPerson: a.leadPerson,
  due: a.due,
  milestones: a.milestones.map((m) => ({ due: m.due, title: m.title, done: m.done })),
});

/** An item as the plan states it; a target's or action's own fields only for that kind. */
export const itemSchema = z.object({
  key: z.string(),
  kind: z.enum(ITEM_KINDS),
  parentKey: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
  serves: z.array(itemRefSchema).describe('items of other plans this item serves'),
  target: targetFieldsSchema.nullable(),
  action: actionFieldsSchema.nullable(),
});
export function presentItem(item: PlanItem): z.infer<typeof itemSchema> {
  return {
    key: item.key,
    kind: item.kind,
    parentKey: item.parentKey,
    title: item.title,
    description: item.description,
    position: item.position,
    serves: item.serves.map((r) => presentRef(r, null)),
    target: item.kind === 'target' ? presentTargetFields(item) : null,
    action: item.kind === 'action' ? presentActionFields(item) : null,
  };
}

// --- national priorities ----------------------------------------------------------------------------

export const nationalPrioritySchema = z.object({
  code: z.string().describe('e.g. PSA 18'),
  wording: z.string(),
  department: z.string().nullable(),
  kind: z.enum(['psa_target', 'psa_standard']),
});
export const presentNationalPriority = (n: NationalPriority): z.infer<typeof nationalPrioritySchema> => ({
  code: n.code,
  wording: n.wording,
  department: n.department,
  kind: n.kind,
});

export const actionStateSchema = z.enum(ACTION_STATES);
