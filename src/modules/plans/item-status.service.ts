/**
 * The status of targets and actions as pages show them: a target's latest stored assessment (no data
 * until it has one) and its forecast from the published figures; an action's status from its latest
 * progress report and due date (the rules themselves are in rules/).
 */
import type { Executor } from '../../platform/db/executor.ts';
import { getIndicators, type IndicatorDefinition } from '../indicators/index.ts';
import { periodFromKey } from '../periods/index.ts';
import { formatFor, measureTarget } from './measure.service.ts';
import { refKey } from './plan-graph.ts';
import { toActionUpdate, toAssessment } from './plans.mapper.ts';
import type { Action, ActionUpdate, Forecast, ItemRef, Status, Target, TargetAssessment } from './plans.types.ts';
import { actionStatus, forecastTo } from './rules/index.ts';
import { findLatestAssessmentRows, findLatestUpdateRows } from './status.repository.ts';

export interface ItemStatus {
  status: Status;
  cancelled: boolean;
  assessment: TargetAssessment | null;
  forecast: Forecast | null;
  actionUpdate: ActionUpdate | null;
}

/** Statuses of many targets and actions at once, keyed by `plan#key`. */
export async function itemStatuses(
  db: Executor,
  items: readonly { planId: string; item: Target | Action }[],
  today: string,
  opts: { forecasts: boolean },
): Promise<Map<string, ItemStatus>> {
  const targets = items.filter((i): i is { planId: string; item: Target } => i.item.kind === 'target');
  const actions = items.filter((i): i is { planId: string; item: Action } => i.item.kind === 'action');
  const refOf = (i: { planId: string; item: { key: string } }): ItemRef => ({ planId: i.planId, key: i.item.key });
  const assessments = new Map(
    (await findLatestAssessmentRows(db, targets.map(refOf))).map((r) => [refKey({ planId: r.plan_id, key: r.target_key }), r]),
  );
  const updates = new Map(
    (await findLatestUpdateRows(db, actions.map(refOf))).map((r) => [refKey({ planId: r.plan_id, key: r.action_key }), r]),
  );
  const indicators = opts.forecasts ? await getIndicators(db, [...new Set(targets.map((t) => t.item.indicatorCode))]) : new Map();
  const out = new Map<string, ItemStatus>();
  for (const t of targets) {
    const row = assessments.get(refKey(refOf(t)));
    const assessment = row ? toAssessment(row) : null;
    const forecast = opts.forecasts ? await forecastFor(db, t.item, indicators.get(t.item.indicatorCode)) : null;
    out.set(refKey(refOf(t)), {
      status: assessment?.status ?? 'no_data',
      cancelled: false,
      assessment,
      forecast,
      actionUpdate: null,
    });
  }
  for (const a of actions) {
    const row = updates.get(refKey(refOf(a)));
    const update = row ? toActionUpdate(row) : null;
    const status = actionStatus(update, a.item, today);
    out.set(refKey(refOf(a)), {
      status: status ?? 'no_data',
      cancelled: status === null,
      assessment: null,
      forecast: null,
      actionUpdate: update,
    });
  }
  return out;
}

/** The forecast of the target's measure at its target period, from the published figures. */
export async function forecastFor(db: Executor, target: Target, def: IndicatorDefinition | undefined): Promise<Forecast> {
  const { figures } = await measureTarget(db, target);
  const format = formatFor(def, target.measure);
  return forecastTo({
    actuals: figures,
    targetPeriod: periodFromKey(target.target.period),
    direction: target.direction,
    target: target.target.value,
    ...(format ? { format } : {}),
  });
}
