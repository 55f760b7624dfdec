/** From rows to the improvement vocabulary. */
import type { Selectable } from 'kysely';
import type { TriggerRuleTable } from '../../../platform/db/schema.ts';
import type {
  Case,
  CaseAction,
  CaseEvent,
  CaseSnapshot,
  CaseState,
  FiringRecord,
  Rung,
  TriggerKind,
  TriggerParamsByKind,
  TriggerRuleVersion,
} from '../improvement.types.ts';
import type { CaseEventRow, CaseRow, FiringRow } from './case.repository.ts';

export type TriggerRuleRow = Selectable<TriggerRuleTable>;

const asRung = (n: number | null): Rung => (n === 2 || n === 3 ? n : 1);

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toCase(r: CaseRow): Case {
  return {
    id: Number(r.id),
    subject: { bodyId: r.body_id, areaCode: r.area_code, indicatorCode: r.indicator_code },
    title: r.title,
    state: r.state as CaseState,
    rung: asRung(r.rung),
    ownerName: r.owner_name,
    actionPlan: r.action_plan,
    deadline: r.deadline,
    rungEnteredAt: r.rung_entered_at,
    baselineValue: r.baseline_value === null ? null : Number(r.baseline_value),
    baselinePeriod: r.baseline_period,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    closedReason: r.closed_reason,
    kinds: parseJson<string[]>(r.kinds, []),
  };
}

export function snapshotOf(c: Case): CaseSnapshot {
  return {
    state: c.state,
    rung: c.rung,
    ownerName: c.ownerName,
    actionPlan: c.actionPlan,
    deadline: c.deadline,
    rungEnteredAt: c.rungEnteredAt,
    closedReason: c.closedReason,
  };
}

export function toEvent(r: CaseEventRow): CaseEvent {
  return {
    id: Number(r.id),
    caseId: Number(r.case_id),
    seq: Number(r.seq),
    action: r.action as CaseAction,
    fromState: r.from_state as CaseState | null,
    toState: r.to_state as CaseState,
    fromRung: r.from_rung === null ? null : asRung(r.from_rung),
    toRung: asRung(r.to_rung),
    reason: r.reason,
    detail: parseJson<Record<string, unknown>>(r.detail, {}),
    actor: r.actor,
    at: r.at,
  };
}

export function toFiring(r: FiringRow): FiringRecord {
  return {
    id: Number(r.id),
    caseId: Number(r.case_id),
    firedAt: r.fired_at,
    source: r.source,
    kind: r.kind,
    ruleId: r.rule_id === null ? null : Number(r.rule_id),
    ruleVersion: r.rule_version === null ? null : Number(r.rule_version),
    bodyId: r.body_id,
    areaCode: r.area_code,
    indicatorCode: r.indicator_code,
    period: r.period,
    fingerprint: r.fingerprint,
    summary: r.summary,
    evidence: parseJson<Record<string, unknown>>(r.evidence, {}),
    openAtRung: asRung(r.open_at_rung),
  };
}

export function toRuleVersion(r: TriggerRuleRow): TriggerRuleVersion {
  return {
    id: Number(r.id),
    kind: r.kind as TriggerKind,
    bodyId: r.body_id,
    indicatorCode: r.indicator_code,
    version: Number(r.version),
    enabled: Number(r.enabled) === 1,
    params: parseJson<TriggerParamsByKind[TriggerKind]>(r.params, {} as TriggerParamsByKind[TriggerKind]),
    createdAt: r.created_at,
    createdBy: r.created_by,
    reason: r.reason,
  };
}
