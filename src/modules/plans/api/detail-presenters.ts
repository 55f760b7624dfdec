/** A target or an action with its history, and the chains up the golden thread to a vision, as JSON. */
import { z } from 'zod';
import type { IndicatorDefinition } from '../../indicators/index.ts';
import type { ActionDetail, LinkedItem, TargetDetail } from '../item-detail.service.ts';
import type { MeasuredFigure } from '../measure.service.ts';
import { ITEM_KINDS, PLAN_KINDS, STATUS_NAMES } from '../plans.types.ts';
import type { IndicatorTarget, ThreadChain, ThreadStep } from '../thread.service.ts';
import type { TrajectoryPoint } from '../rules/index.ts';
import { namedSchema } from './plan-presenters.ts';
import {
  actionFieldsSchema,
  itemRefSchema,
  nationalPrioritySchema,
  periodSchema,
  planSchema,
  presentActionFields,
  presentNationalPriority,
  presentPeriodKey,
  presentPlan,
  presentRef,
  presentTargetFields,
  presentTargetValue,
  presentVersion,
  targetFieldsSchema,
  targetValueSchema,
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
  presentRule,
  ruleSchema,
  statusSchema,
} from './status-presenters.ts';

const planRefSchema = z.object({ id: z.string(), kind: z.enum(PLAN_KINDS), title: z.string() });
const areaSchema = z.object({ code: z.string(), name: z.string() });

// --- the thread up ----------------------------------------------------------------------------------

export const stepSchema = z.object({
  via: z.enum(['start', 'parent', 'serves']).describe('how the step was reached from the one below it'),
  ref: itemRefSchema,
  plan: planRefSchema,
  kind: z.enum(ITEM_KINDS),
  title: z.string(),
  status: statusSchema,
  statusName: z.string(),
  cancelled: z.boolean(),
  counts: countsSchema.nullable(),
  owner: namedSchema.nullable(),
  leadPerson: z.string().nullable(),
  assessment: assessmentSchema.nullable(),
  progress: actionUpdateSchema.nullable(),
});
const presentStep = (s: ThreadStep): z.infer<typeof stepSchema> => ({
  via: s.via,
  ref: presentRef(s.ref, s.kind),
  plan: { ...s.plan },
  kind: s.kind,
  title: s.title,
  status: s.status,
  statusName: STATUS_NAMES[s.status],
  cancelled: s.cancelled,
  counts: s.counts && presentCounts(s.counts),
  owner: s.ownerBodyId === null ? null : { id: s.ownerBodyId, name: s.ownerBodyName ?? s.ownerBodyId },
  leadPerson: s.leadPerson,
  assessment: s.assessment && presentAssessment(s.assessment),
  progress: s.actionUpdate && presentActionUpdate(s.actionUpdate),
});

export const chainSchema = z.object({
  steps: z.array(stepSchema).describe('from the item asked about up to the top item'),
  top: z.object({
    plan: z.string(),
    kind: z.enum(PLAN_KINDS),
    title: z.string(),
    vision: z.string().nullable().describe('the vision the chain ends at'),
  }),
});
export const presentChain = (c: ThreadChain): z.infer<typeof chainSchema> => ({
  steps: c.steps.map(presentStep),
  top: { plan: c.top.planId, kind: c.top.kind, title: c.top.title, vision: c.top.vision },
});

// --- linked items, indicators, figures --------------------------------------------------------------

const linkedSchema = z.object({
  ref: itemRefSchema,
  kind: z.enum(ITEM_KINDS),
  title: z.string(),
  plan: planRefSchema,
  status: statusSchema.nullable().describe('targets and actions: their status'),
  cancelled: z.boolean(),
});
const presentLinked = (l: LinkedItem): z.infer<typeof linkedSchema> => ({
  ref: presentRef(l.ref, l.kind),
  kind: l.kind,
  title: l.title,
  plan: { ...l.plan },
  status: l.status,
  cancelled: l.cancelled,
});

const indicatorSchema = z.object({
  code: z.string(),
  title: z.string(),
  unit: z.string(),
  polarity: z.string(),
  link: z.string(),
});
const presentIndicator = (d: IndicatorDefinition): z.infer<typeof indicatorSchema> => ({
  code: d.code,
  title: d.title,
  unit: d.unit,
  polarity: d.polarity,
  link: `/api/v1/indicators/${encodeURIComponent(d.code)}`,
});

const figureSchema = z.object({ period: periodSchema, value: z.number().nullable() });
const presentFigure = (f: MeasuredFigure): z.infer<typeof figureSchema> => ({
  period: { key: f.period.key, label: f.period.label, start: f.period.start, end: f.period.end },
  value: f.value,
});

const trajectoryPointSchema = z.object({
  role: z.enum(['baseline', 'milestone', 'target']),
  period: periodSchema,
  value: targetValueSchema,
});
const presentPoint = (p: TrajectoryPoint): z.infer<typeof trajectoryPointSchema> => ({
  role: p.role,
  period: presentPeriodKey(p.period.key),
  value: presentTargetValue(p.value),
});

const parentSchema = z.object({ key: z.string(), kind: z.enum(ITEM_KINDS), title: z.string() });

// --- a target, an action ----------------------------------------------------------------------------

const placeSchema = z.object({
  plan: planSchema,
  version: versionSchema,
  on: z.string(),
  parents: z.array(parentSchema).describe('the item’s parents in its plan, top first'),
  key: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  serves: z.array(itemRefSchema),
  chains: z.array(chainSchema).describe('the ways up the golden thread to a vision (usually one)'),
});
type PlaceJson = z.infer<typeof placeSchema>;

function presentPlace(d: TargetDetail | ActionDetail, chains: readonly ThreadChain[]): PlaceJson {
  const item = 'target' in d ? d.target : d.action;
  return {
    plan: presentPlan(d.plan),
    version: presentVersion(d.version),
    on: d.on,
    parents: d.parents.map((p) => ({ ...p })),
    key: item.key,
    title: item.title,
    description: item.description,
    serves: item.serves.map((r) => presentRef(r, null)),
    chains: chains.map(presentChain),
  };
}

export const targetDetailSchema = placeSchema.extend({
  target: targetFieldsSchema,
  indicator: indicatorSchema.nullable(),
  area: areaSchema,
  coverage: z.array(areaSchema),
  owner: namedSchema,
  nationalPriority: nationalPrioritySchema.nullable(),
  rule: ruleSchema.nullable().describe('the status rule in force today'),
  rules: z.array(ruleSchema).describe('every version of the rule, newest first'),
  assessments: z.array(assessmentSchema).describe('every stored status, newest first, each with the rule version it used'),
  actuals: z.array(figureSchema).describe('the published figures of the target’s measure, oldest first'),
  measureUnavailable: z.string().nullable().describe('why the measure cannot be taken, when it cannot'),
  trajectory: z.array(trajectoryPointSchema).describe('the baseline, milestones and target the trajectory runs through'),
  forecast: forecastSchema,
  servedBy: z.array(linkedSchema).describe('items of other plans serving this target'),
});
export function presentTargetDetail(d: TargetDetail, chains: readonly ThreadChain[]): z.infer<typeof targetDetailSchema> {
  return {
    ...presentPlace(d, chains),
    target: presentTargetFields(d.target),
    indicator: d.indicator && presentIndicator(d.indicator),
    area: { ...d.area },
    coverage: d.coverage.map((c) => ({ ...c })),
    owner: { ...d.owner },
    nationalPriority: d.nationalPriority && presentNationalPriority(d.nationalPriority),
    rule: d.rule && presentRule(d.rule),
    rules: d.rules.map(presentRule),
    assessments: d.assessments.map(presentAssessment),
    actuals: d.actuals.map(presentFigure),
    measureUnavailable: d.measureUnavailable,
    trajectory: d.trajectory.map(presentPoint),
    forecast: presentForecast(d.forecast),
    servedBy: d.servedBy.map(presentLinked),
  };
}

export const actionDetailSchema = placeSchema.extend({
  action: actionFieldsSchema,
  owner: namedSchema,
  status: statusSchema,
  statusName: z.string(),
  cancelled: z.boolean(),
  updates: z.array(actionUpdateSchema).describe('progress reports, newest first'),
  servesItems: z.array(linkedSchema).describe('the items it serves, with their status'),
});
export function presentActionDetail(d: ActionDetail, chains: readonly ThreadChain[]): z.infer<typeof actionDetailSchema> {
  return {
    ...presentPlace(d, chains),
    action: presentActionFields(d.action),
    owner: { ...d.owner },
    status: d.status,
    statusName: STATUS_NAMES[d.status],
    cancelled: d.cancelled,
    updates: d.updates.map(presentActionUpdate),
    servesItems: d.serves.map(presentLinked),
  };
}

// --- the reverse thread from an indicator -----------------------------------------------------------

export const indicatorTargetSchema = z.object({
  ref: itemRefSchema,
  title: z.string(),
  plan: planRefSchema,
  target: targetFieldsSchema,
  chains: z.array(chainSchema),
});
export const presentIndicatorTarget = (t: IndicatorTarget): z.infer<typeof indicatorTargetSchema> => ({
  ref: presentRef({ planId: t.plan.id, key: t.target.key }, 'target'),
  title: t.target.title,
  plan: { ...t.plan },
  target: presentTargetFields(t.target),
  chains: t.chains.map(presentChain),
});
