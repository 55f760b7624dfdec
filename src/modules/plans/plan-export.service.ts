/**
 * Exporting a plan in the import format (JSON, or CSV of its items), so that importing the export
 * changes nothing: the draft (for those who may see it) or else the latest published version, every
 * field written out (owners, areas, directions), each target's tolerance in force and each action's
 * latest progress. Periods are written as their canonical keys (FY2023), which the import reads.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { neutraliseFormula } from '../../platform/formula-guard.ts';
import { toCsv } from '../../platform/http/csv.ts';
import type { Actor } from '../accounts/index.ts';
import { planAccess } from './plan-access.ts';
import { PLAN_CSV_COLUMNS, type PlanCsvColumn } from './plan-file.ts';
import { recordedVersions, versionItems } from './plan-store.ts';
import { toActionUpdate, toNationalPriority, toRule } from './plans.mapper.ts';
import type { Action, ActionUpdate, PlanItem, PlanVersion, StatusRule, Target, TargetValue } from './plans.types.ts';
import { ruleInForce } from './status-rules.ts';
import { findLatestUpdateRows, findNationalPriorityRows, findRuleRows } from './status.repository.ts';

export type PlanExportFormat = 'json' | 'csv';

export interface PlanExport {
  fileName: string;
  contentType: string;
  text: string;
  /** the version exported */
  version: PlanVersion;
}

export async function exportPlan(
  db: Executor,
  actor: Actor | null,
  planId: string,
  format: PlanExportFormat,
  deps: { clock: Clock },
): Promise<PlanExport> {
  const recorded = await recordedVersions(db, planId);
  const access = recorded ? await planAccess(db, actor, recorded.plan) : null;
  const version = recorded && access ? ((access.mayReadDrafts ? recorded.draft : null) ?? recorded.latestPublished) : null;
  if (!recorded || !version)
    throw new NotFoundError(`No plan has the id ${planId}`, [{ field: 'plan', value: planId, reason: 'is not a known plan' }]);
  const items = await versionItems(db, version);
  const refs = items.map((i) => ({ planId, key: i.key }));
  const today = deps.clock.now().toISOString().slice(0, 10);
  const rules = (await findRuleRows(db, refs)).map(toRule);
  const tolerances = new Map(
    items.map((i) => {
      const own = rules.filter((r) => r.targetKey === i.key);
      return [i.key, ruleInForce(own, today) ?? own[own.length - 1] ?? null] as const;
    }),
  );
  const progress = new Map((await findLatestUpdateRows(db, refs)).map((r) => [r.action_key, toActionUpdate(r)]));
  const written = { tolerances, progress };
  if (format === 'csv')
    return { fileName: `${planId}.csv`, contentType: 'text/csv; charset=utf-8', text: csvOf(planId, items, written), version };
  const codes = [
    ...new Set(items.flatMap((i) => (i.kind === 'target' && i.nationalPriorityCode ? [i.nationalPriorityCode] : []))),
  ];
  const file = {
    nationalPriorities: (await findNationalPriorityRows(db, codes)).map(toNationalPriority),
    plans: [
      {
        id: planId,
        kind: recorded.plan.kind,
        owner: recorded.plan.ownerBodyId,
        area: recorded.plan.areaCode,
        title: version.title,
        vision: version.vision,
        coversFrom: version.coversFrom,
        coversTo: version.coversTo,
        inForceFrom: version.inForceFrom,
        publish: version.state === 'published',
        changeNote: version.changeNote,
        partners: version.partnerBodyIds,
        disclaimer: version.disclaimer,
        items: items.map((i) => itemJson(i, written)),
      },
    ],
  };
  return {
    fileName: `${planId}.json`,
    contentType: 'application/json; charset=utf-8',
    text: `${JSON.stringify(file, null, 2)}\n`,
    version,
  };
}

interface Written {
  tolerances: Map<string, StatusRule | null>;
  progress: Map<string, ActionUpdate>;
}

const valueJson = (v: TargetValue) => ('value' in v ? { value: v.value } : { low: v.low, high: v.high });

function itemJson(item: PlanItem, written: Written): Record<string, unknown> {
  const base = {
    kind: item.kind,
    key: item.key,
    parent: item.parentKey,
    title: item.title,
    description: item.description,
    serves: item.serves.map((s) => `${s.planId}#${s.key}`),
  };
  if (item.kind === 'target') {
    const rule = written.tolerances.get(item.key);
    return {
      ...base,
      targetKind: item.targetKind,
      nationalPriority: item.nationalPriorityCode,
      indicator: item.indicatorCode,
      area: item.areaCode,
      coverage: item.coverageAreaCodes,
      measure: item.measure,
      ...(item.measure === 'gap' ? { gapParts: item.gapPartType } : {}),
      direction: item.direction,
      baseline: item.baseline,
      target: { period: item.target.period, ...(item.target.value ? valueJson(item.target.value) : {}) },
      milestones: item.milestones.map((m) => ({ period: m.period, ...valueJson(m.value) })),
      ...(rule ? { tolerance: rule.tolerance, toleranceKind: rule.toleranceKind } : {}),
      stretch: item.stretch,
      owner: item.ownerBodyId,
      lead: item.leadPerson,
    };
  }
  if (item.kind === 'action') {
    const latest = written.progress.get(item.key);
    return {
      ...base,
      owner: item.ownerBodyId,
      lead: item.leadPerson,
      due: item.due,
      milestones: item.milestones,
      ...(latest ? { progress: { progress: latest.progress, state: latest.state, asOf: latest.asOf, note: latest.note } } : {}),
    };
  }
  return base;
}

const valueText = (v: TargetValue) => ('value' in v ? String(v.value) : `${v.low}..${v.high}`);

function csvOf(planId: string, items: readonly PlanItem[], written: Written): string {
  const rows = items.map((item) => {
    const cells: Partial<Record<PlanCsvColumn, string | number | null>> = {
      plan: planId,
      kind: item.kind,
      key: item.key,
      parent: item.parentKey,
      title: item.title,
      description: item.description,
      serves: item.serves.map((s) => `${s.planId}#${s.key}`).join('; '),
      ...(item.kind === 'target' ? targetCells(item, written) : {}),
      ...(item.kind === 'action' ? actionCells(item, written) : {}),
    };
    return PLAN_CSV_COLUMNS.map((c) => {
      const v = cells[c];
      return typeof v === 'string' ? neutraliseFormula(v) : v;
    });
  });
  return toCsv(PLAN_CSV_COLUMNS, rows);
}

function targetCells(t: Target, written: Written): Partial<Record<PlanCsvColumn, string | number | null>> {
  const rule = written.tolerances.get(t.key);
  const value = t.target.value;
  return {
    target_kind: t.targetKind,
    national_priority: t.nationalPriorityCode,
    indicator: t.indicatorCode,
    area: t.areaCode,
    coverage: t.coverageAreaCodes.join('; '),
    measure: t.measure,
    gap_parts: t.measure === 'gap' ? t.gapPartType : null,
    direction: t.direction,
    baseline_period: t.baseline?.period ?? null,
    baseline_value: t.baseline?.value ?? null,
    target_period: t.target.period,
    target_value: value && 'value' in value ? value.value : null,
    target_low: value && 'low' in value ? value.low : null,
    target_high: value && 'high' in value ? value.high : null,
    milestones: t.milestones.map((m) => `${m.period}=${valueText(m.value)}`).join('; '),
    tolerance: rule?.tolerance ?? null,
    tolerance_kind: rule?.toleranceKind ?? null,
    stretch_amount_gbp: t.stretch?.amountGbp ?? null,
    stretch_description: t.stretch?.description ?? null,
    owner: t.ownerBodyId,
    lead: t.leadPerson,
  };
}

function actionCells(a: Action, written: Written): Partial<Record<PlanCsvColumn, string | number | null>> {
  const latest = written.progress.get(a.key);
  return {
    owner: a.ownerBodyId,
    lead: a.leadPerson,
    due: a.due,
    milestones: a.milestones.map((m) => `${m.due} ${m.title}${m.done ? ' (done)' : ''}`).join('; '),
    progress: latest?.progress ?? null,
    state: latest?.state ?? null,
    as_of: latest?.asOf ?? null,
    note: latest?.note ?? null,
  };
}
