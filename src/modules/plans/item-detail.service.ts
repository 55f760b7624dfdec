/**
 * One target or action with everything its page shows: a target's indicator, area and coverage, its
 * rule versions and stored assessments (newest first), the published figures of its measure, its
 * trajectory and forecast, and what serves it; an action's progress reports (newest first), its status
 * and what it serves.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { type Actor, can } from '../accounts/index.ts';
import { getBody } from '../bodies/index.ts';
import { getIndicator, type IndicatorDefinition } from '../indicators/index.ts';
import { periodFromKey } from '../periods/index.ts';
import { getAreas } from '../places/index.ts';
import { itemStatuses } from './item-status.service.ts';
import { formatFor, measureTarget, type MeasuredFigure } from './measure.service.ts';
import type { PlanAccess } from './plan-access.ts';
import { planScope } from './plan-access.ts';
import { PlanGraph, refKey } from './plan-graph.ts';
import { loadPlan, todayOf, type LoadedPlan, type NamedBody } from './plan-read.service.ts';
import { toActionUpdate, toAssessment, toNationalPriority, toRule, trajectoryInput } from './plans.mapper.ts';
import type {
  Action,
  ActionUpdate,
  Forecast,
  ItemKind,
  ItemRef,
  NationalPriority,
  Plan,
  PlanKind,
  PlanVersion,
  Status,
  StatusRule,
  Target,
  TargetAssessment,
} from './plans.types.ts';
import { forecastTo, trajectoryPoints, type TrajectoryPoint } from './rules/index.ts';
import { findAssessmentRows, findNationalPriorityRows, findRuleRows, findUpdateRows } from './status.repository.ts';
import { ruleInForce } from './status-rules.ts';
import type { VersionChoice } from './versions.ts';

/** An item linked to this one (serving it, or served by it), with its plan and status. */
export interface LinkedItem {
  ref: ItemRef;
  kind: ItemKind;
  title: string;
  plan: { id: string; kind: PlanKind; title: string };
  /** targets and actions: their status; themes and priorities: null (see the thread) */
  status: Status | null;
  cancelled: boolean;
}

interface ItemPlace {
  plan: Plan;
  version: PlanVersion;
  on: string;
  access: PlanAccess;
  /** the item's parents in its plan, top first (a theme, then a priority) */
  parents: { key: string; kind: ItemKind; title: string }[];
}

export interface TargetDetail extends ItemPlace {
  target: Target;
  indicator: IndicatorDefinition | null;
  area: { code: string; name: string };
  coverage: { code: string; name: string }[];
  owner: NamedBody;
  nationalPriority: NationalPriority | null;
  /** the rule in force today, and every version of it, newest first */
  rule: StatusRule | null;
  rules: StatusRule[];
  /** the latest first */
  assessments: TargetAssessment[];
  /** the published figures of the target's measure, oldest first */
  actuals: MeasuredFigure[];
  /** why the measure cannot be taken (a gap target's area has no parts recorded), else null */
  measureUnavailable: string | null;
  trajectory: TrajectoryPoint[];
  forecast: Forecast;
  /** items of other plans that serve this target (actions of service plans) */
  servedBy: LinkedItem[];
}

export async function targetDetail(
  db: Executor,
  actor: Actor | null,
  ref: ItemRef,
  choice: VersionChoice,
  deps: { clock: Clock },
): Promise<TargetDetail> {
  const loaded = await loadPlan(db, actor, ref.planId, choice, deps);
  const target = itemOf(loaded, ref.key, 'target');
  const indicator = (await getIndicator(db, target.indicatorCode)) ?? null;
  const areas = await getAreas(db, [target.areaCode, ...target.coverageAreaCodes]);
  const named = (code: string) => ({ code, name: areas.get(code)?.name ?? code });
  const rules = (await findRuleRows(db, [ref])).map(toRule).reverse();
  const measured = await measureTarget(db, target);
  const format = formatFor(indicator ?? undefined, target.measure);
  const priority = target.nationalPriorityCode
    ? (await findNationalPriorityRows(db, [target.nationalPriorityCode]))[0]
    : undefined;
  return {
    ...placeOf(loaded, target),
    target,
    indicator,
    area: named(target.areaCode),
    coverage: target.coverageAreaCodes.map(named),
    owner: await namedBody(db, target.ownerBodyId),
    nationalPriority: priority ? toNationalPriority(priority) : null,
    rule: ruleInForce(rules, todayOf(deps.clock)),
    rules,
    assessments: (await findAssessmentRows(db, ref)).map(toAssessment),
    actuals: measured.figures,
    measureUnavailable: measured.unavailable,
    trajectory: trajectoryPoints(trajectoryInput(target)),
    forecast: forecastTo({
      actuals: measured.figures,
      targetPeriod: periodFromKey(target.target.period),
      direction: target.direction,
      target: target.target.value,
      ...(format ? { format } : {}),
    }),
    servedBy: await servedBy(db, loaded, target, todayOf(deps.clock)),
  };
}

export interface ActionDetail extends ItemPlace {
  action: Action;
  owner: NamedBody;
  status: Status;
  cancelled: boolean;
  /** the latest first */
  updates: ActionUpdate[];
  /** the items (of other plans) it serves, as in force on the date */
  serves: LinkedItem[];
  /** whether the reader may report progress on it */
  mayReportProgress: boolean;
}

export async function actionDetail(
  db: Executor,
  actor: Actor | null,
  ref: ItemRef,
  choice: VersionChoice,
  deps: { clock: Clock },
): Promise<ActionDetail> {
  const loaded = await loadPlan(db, actor, ref.planId, choice, deps);
  const action = itemOf(loaded, ref.key, 'action');
  const today = todayOf(deps.clock);
  const status = (await itemStatuses(db, [{ planId: ref.planId, item: action }], today, { forecasts: false })).get(refKey(ref))!;
  const graph = new PlanGraph(db, loaded.on);
  graph.use(loaded.plan, loaded.version, loaded.items);
  const serves: LinkedItem[] = [];
  for (const s of action.serves) {
    const found = await graph.item(s);
    if (found) serves.push(await linked(db, found.plan, found.item, today));
  }
  const scope = await planScope(db, loaded.plan.ownerBodyId);
  return {
    ...placeOf(loaded, action),
    action,
    owner: await namedBody(db, action.ownerBodyId),
    status: status.status,
    cancelled: status.cancelled,
    updates: (await findUpdateRows(db, ref)).map(toActionUpdate),
    serves,
    mayReportProgress:
      actor !== null && can(actor, 'report_action_progress', { ...scope, actionOwnerBodyId: action.ownerBodyId }),
  };
}

function itemOf<K extends 'target' | 'action'>(loaded: LoadedPlan, key: string, kind: K): Extract<Target | Action, { kind: K }> {
  const item = loaded.items.find((i) => i.key === key);
  if (!item || item.kind !== kind)
    throw new NotFoundError(`${loaded.version.title} (version ${loaded.version.number}) has no ${kind} ${key}`, [
      { field: 'key', value: key, reason: `is not a ${kind} of this version of the plan` },
    ]);
  return item as Extract<Target | Action, { kind: K }>;
}

function placeOf(loaded: LoadedPlan, item: Target | Action): ItemPlace {
  const parents: ItemPlace['parents'] = [];
  let key = item.parentKey;
  while (key !== null && parents.length < 10) {
    const parent = loaded.items.find((i) => i.key === key);
    if (!parent) break;
    parents.unshift({ key: parent.key, kind: parent.kind, title: parent.title });
    key = parent.parentKey;
  }
  return { plan: loaded.plan, version: loaded.version, on: loaded.on, access: loaded.access, parents };
}

async function namedBody(db: Executor, id: string): Promise<NamedBody> {
  return { id, name: (await getBody(db, id))?.name ?? id };
}

async function servedBy(db: Executor, loaded: LoadedPlan, target: Target, today: string): Promise<LinkedItem[]> {
  const graph = new PlanGraph(db, loaded.on);
  graph.use(loaded.plan, loaded.version, loaded.items);
  const ref = { planId: loaded.plan.id, key: target.key };
  const serving = (await graph.servingItems([ref])).get(refKey(ref)) ?? [];
  const out: LinkedItem[] = [];
  for (const s of serving) out.push(await linked(db, s.plan, s.item, today));
  return out;
}

async function linked(
  db: Executor,
  plan: { plan: Plan; version: PlanVersion },
  item: Target | Action | { kind: 'theme' | 'priority'; key: string; title: string },
  today: string,
): Promise<LinkedItem> {
  const ref = { planId: plan.plan.id, key: item.key };
  const leaf = item.kind === 'target' || item.kind === 'action' ? item : null;
  const status = leaf
    ? (await itemStatuses(db, [{ planId: ref.planId, item: leaf }], today, { forecasts: false })).get(refKey(ref))
    : undefined;
  return {
    ref,
    kind: item.kind,
    title: item.title,
    plan: { id: plan.plan.id, kind: plan.plan.kind, title: plan.version.title },
    status: status?.status ?? null,
    cancelled: status?.cancelled ?? false,
  };
}
