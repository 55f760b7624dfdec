/** From rows to the plans vocabulary. */
import { periodFromKey } from '../periods/index.ts';
import type { AreaType } from '../places/index.ts';
import type { TrajectoryInput } from './rules/index.ts';
import type { ItemRows } from './item.repository.ts';
import type { PlanRow, PlanVersionRow } from './plan.repository.ts';
import type {
  ActionMilestone,
  ActionState,
  ActionUpdate,
  ItemKind,
  Milestone,
  NationalPriority,
  Plan,
  PlanItem,
  PlanKind,
  PlanVersion,
  Status,
  StatusRule,
  Target,
  TargetAssessment,
  TargetDirection,
  TargetKind,
  TargetMeasure,
  TargetValue,
  VersionState,
} from './plans.types.ts';
import type { ActionUpdateRow, NationalPriorityRow, StatusRuleRow, TargetAssessmentRow } from './status.repository.ts';

export function toPlan(row: PlanRow): Plan {
  return {
    id: row.id,
    kind: row.kind as PlanKind,
    ownerBodyId: row.owner_body_id,
    areaCode: row.area_code,
    createdAt: row.created_at,
  };
}

export function toVersion(row: PlanVersionRow): PlanVersion {
  return {
    id: Number(row.id),
    planId: row.plan_id,
    number: row.number,
    state: row.state as VersionState,
    title: row.title,
    vision: row.vision,
    coversFrom: row.covers_from,
    coversTo: row.covers_to,
    inForceFrom: row.in_force_from,
    changeNote: row.change_note,
    partnerBodyIds: JSON.parse(row.partner_body_ids) as string[],
    disclaimer: row.disclaimer,
    createdAt: row.created_at,
    createdBy: row.created_by,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
  };
}

/** Versions by plan, in the order given. */
export function groupVersions(rows: readonly PlanVersionRow[]): Map<string, PlanVersion[]> {
  const out = new Map<string, PlanVersion[]>();
  for (const r of rows) out.set(r.plan_id, [...(out.get(r.plan_id) ?? []), toVersion(r)]);
  return out;
}

/** A value from its columns: one number, a range, or null (a placeholder). */
export function valueOf(value: number | null, low: number | null, high: number | null): TargetValue | null {
  if (low !== null && high !== null) return { low, high };
  return value === null ? null : { value };
}

export function toItem(rows: ItemRows, planId: string): PlanItem {
  const { item, target, action, links } = rows;
  const base = {
    key: item.key,
    parentKey: item.parent_key,
    title: item.title,
    description: item.description,
    position: item.position,
    serves: links.map((l) => ({ planId: l.serves_plan_id, key: l.serves_key })),
  };
  const kind = item.kind as ItemKind;
  if (kind === 'target' && target) {
    return {
      ...base,
      kind,
      targetKind: target.target_kind as TargetKind,
      nationalPriorityCode: target.national_priority_code,
      indicatorCode: target.indicator_code,
      areaCode: target.area_code,
      coverageAreaCodes: JSON.parse(target.coverage_area_codes) as string[],
      measure: target.measure as TargetMeasure,
      gapPartType: target.gap_part_type as AreaType | null,
      direction: target.direction as TargetDirection,
      baseline:
        target.baseline_period !== null && target.baseline_value !== null
          ? { period: target.baseline_period, value: target.baseline_value }
          : null,
      target: {
        period: target.target_period,
        value: valueOf(target.target_value, target.target_low, target.target_high),
      },
      milestones: JSON.parse(target.milestones) as Milestone[],
      stretch:
        target.stretch_amount_gbp !== null || target.stretch_description !== null
          ? { amountGbp: target.stretch_amount_gbp, description: target.stretch_description }
          : null,
      ownerBodyId: target.owner_body_id,
      leadPerson: target.lead_person,
    };
  }
  if (kind === 'action' && action) {
    return {
      ...base,
      kind,
      ownerBodyId: action.owner_body_id,
      leadPerson: action.lead_person,
      due: action.due,
      milestones: JSON.parse(action.milestones) as ActionMilestone[],
    };
  }
  if (kind === 'theme' || kind === 'priority') return { ...base, kind };
  throw new Error(`Plan ${planId}: item ${item.key} is a ${item.kind} without its own fields`);
}

/** A version's items in the order the plan reads: each item followed by those under it, siblings by position. */
export function itemsOf(rows: readonly ItemRows[], planId: string): PlanItem[] {
  const items = rows.map((r) => toItem(r, planId));
  const children = new Map<string | null, PlanItem[]>();
  for (const item of items) children.set(item.parentKey, [...(children.get(item.parentKey) ?? []), item]);
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.key.localeCompare(b.key));
  const out: PlanItem[] = [];
  const seen = new Set<string>();
  const visit = (parentKey: string | null) => {
    for (const item of children.get(parentKey) ?? []) {
      if (seen.has(item.key)) continue;
      seen.add(item.key);
      out.push(item);
      visit(item.key);
    }
  };
  visit(null);
  return [...out, ...items.filter((i) => !seen.has(i.key))];
}

export function toRule(row: StatusRuleRow): StatusRule {
  return {
    id: Number(row.id),
    planId: row.plan_id,
    targetKey: row.target_key,
    version: row.version,
    tolerance: row.tolerance,
    toleranceKind: row.tolerance_kind as StatusRule['toleranceKind'],
    inForceFrom: row.in_force_from,
    createdAt: row.created_at,
    createdBy: row.created_by,
    reason: row.reason,
  };
}

export function toAssessment(row: TargetAssessmentRow): TargetAssessment {
  return {
    id: Number(row.id),
    planId: row.plan_id,
    targetKey: row.target_key,
    planVersionId: row.plan_version_id,
    ruleId: row.rule_id,
    ruleVersion: row.rule_version,
    tolerance: row.tolerance,
    toleranceKind: row.tolerance_kind as TargetAssessment['toleranceKind'],
    status: row.status as Status,
    reason: row.reason,
    period: row.period,
    actual: row.actual,
    expected: valueOf(row.expected_value, row.expected_low, row.expected_high),
    targetMet: row.target_met === 1,
    assessedAt: row.assessed_at,
  };
}

export function toActionUpdate(row: ActionUpdateRow): ActionUpdate {
  return {
    id: Number(row.id),
    planId: row.plan_id,
    actionKey: row.action_key,
    progress: row.progress,
    state: row.state as ActionState,
    note: row.note,
    asOf: row.as_of,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export function toNationalPriority(row: NationalPriorityRow): NationalPriority {
  return {
    code: row.code,
    wording: row.wording,
    department: row.department,
    kind: row.kind as NationalPriority['kind'],
  };
}

/** A target's baseline, target and milestones as the trajectory rules take them (periods read from their keys). */
export function trajectoryInput(target: Target): TrajectoryInput {
  return {
    direction: target.direction,
    baseline: target.baseline ? { period: periodFromKey(target.baseline.period), value: target.baseline.value } : null,
    target: { period: periodFromKey(target.target.period), value: target.target.value },
    milestones: target.milestones.map((m) => ({ period: periodFromKey(m.period), value: m.value })),
  };
}
