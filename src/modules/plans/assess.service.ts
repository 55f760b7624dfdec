/**
 * Judging targets from the published figures and storing the judgement: for each target of each
 * plan's version in force today, the rule in force today, the figures of its measure and the rules'
 * `judgeStatus`. A row is added only when the judgement differs from the target's latest (period,
 * actual, status, rule, plan version), so running it twice changes nothing and past rows keep the
 * rule they were judged by. A target whose rule is not yet in force is not judged.
 */
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Executor } from '../../platform/db/executor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { type Actor, requirePermission } from '../accounts/index.ts';
import { getIndicators } from '../indicators/index.ts';
import { differenceFormatFor, formatFor, measureTarget } from './measure.service.ts';
import { planScope } from './plan-access.ts';
import { refKey } from './plan-graph.ts';
import { recordedVersions, today, versionItems } from './plan-store.ts';
import { listPlanRows } from './plan.repository.ts';
import { audit, planSubject } from './plans-audit.ts';
import { toAssessment, toRule, trajectoryInput } from './plans.mapper.ts';
import type { Plan, StatusJudgement, Target, TargetAssessment } from './plans.types.ts';
import { judgeStatus } from './rules/index.ts';
import { ruleInForce } from './status-rules.ts';
import { findLatestAssessmentRows, findRuleRows, insertAssessment } from './status.repository.ts';
import { inForceOn } from './versions.ts';

export interface AssessmentRun {
  /** targets judged */
  assessed: number;
  /** targets whose judgement changed: a row was added for each */
  changed: number;
  /** targets not judged because their rule is not in force yet */
  skipped: number;
  plans: { planId: string; assessed: number; changed: number }[];
}

/** Judges the targets of one plan, or of every plan; the actor must be allowed to edit each plan judged. */
export async function assessTargets(
  db: Executor,
  actor: Actor,
  query: { planId?: string },
  deps: { clock: Clock },
): Promise<AssessmentRun> {
  const planIds = query.planId ? [query.planId] : (await listPlanRows(db, {})).map((p) => p.id);
  const run: AssessmentRun = { assessed: 0, changed: 0, skipped: 0, plans: [] };
  for (const planId of planIds) {
    const recorded = await recordedVersions(db, planId);
    if (!recorded)
      throw new NotFoundError(`No plan has the id ${planId}`, [{ field: 'plan', value: planId, reason: 'is not a known plan' }]);
    requirePermission(actor, 'edit_plan', await planScope(db, recorded.plan.ownerBodyId));
    const date = today({ actor, clock: deps.clock });
    const version = inForceOn(recorded.versions, date);
    if (!version) continue;
    const targets = (await versionItems(db, version)).filter((i): i is Target => i.kind === 'target');
    const judged = await inTransaction(db, async (trx) =>
      assessPlan(trx, actor, recorded.plan, version.id, targets, date, deps.clock),
    );
    run.assessed += judged.assessed;
    run.changed += judged.changed;
    run.skipped += judged.skipped;
    run.plans.push({ planId, assessed: judged.assessed, changed: judged.changed });
  }
  return run;
}

async function assessPlan(
  trx: Executor,
  actor: Actor,
  plan: Plan,
  planVersionId: number,
  targets: Target[],
  date: string,
  clock: Clock,
): Promise<{ assessed: number; changed: number; skipped: number }> {
  const planId = plan.id;
  const refs = targets.map((t) => ({ planId, key: t.key }));
  const rules = (await findRuleRows(trx, refs)).map(toRule);
  const latest = new Map(
    (await findLatestAssessmentRows(trx, refs)).map((r) => [refKey({ planId, key: r.target_key }), toAssessment(r)]),
  );
  const indicators = await getIndicators(trx, [...new Set(targets.map((t) => t.indicatorCode))]);
  const changes: { key: string; status: string; period: string | null }[] = [];
  let skipped = 0;
  for (const target of targets) {
    const rule = ruleInForce(
      rules.filter((r) => r.targetKey === target.key),
      date,
    );
    if (!rule) {
      skipped += 1;
      continue;
    }
    const { figures, unavailable } = await measureTarget(trx, target);
    const def = indicators.get(target.indicatorCode);
    const format = formatFor(def, target.measure);
    const differenceFormat = differenceFormatFor(def);
    const judgement = judgeStatus({
      ...trajectoryInput(target),
      actuals: figures,
      rule,
      ...(format ? { format } : {}),
      ...(differenceFormat ? { differenceFormat } : {}),
    });
    const worded =
      unavailable && judgement.status === 'no_data' ? { ...judgement, reason: `${judgement.reason} ${unavailable}.` } : judgement;
    const before = latest.get(refKey({ planId, key: target.key }));
    if (before && sameJudgement(before, worded, rule.id, planVersionId)) continue;
    await insertAssessment(trx, {
      plan_id: planId,
      target_key: target.key,
      plan_version_id: planVersionId,
      rule_id: rule.id,
      rule_version: rule.version,
      tolerance: rule.tolerance,
      tolerance_kind: rule.toleranceKind,
      status: worded.status,
      reason: worded.reason,
      period: worded.period,
      actual: worded.actual,
      expected_value: worded.expected && 'value' in worded.expected ? worded.expected.value : null,
      expected_low: worded.expected && 'low' in worded.expected ? worded.expected.low : null,
      expected_high: worded.expected && 'high' in worded.expected ? worded.expected.high : null,
      target_met: worded.targetMet ? 1 : 0,
      assessed_at: clock.now().toISOString(),
    });
    changes.push({ key: target.key, status: worded.status, period: worded.period });
  }
  if (changes.length > 0)
    await audit(
      trx,
      actor,
      {
        action: 'target.assess',
        subject: planSubject(planId),
        bodyId: plan.ownerBodyId,
        areaCode: plan.areaCode,
        after: { planVersionId, changes },
        summary: `Judged the targets of ${planId} from the published figures: ${changes.length} status${changes.length === 1 ? '' : 'es'} recorded (${changes
          .map((c) => `${c.key} ${c.status.replace('_', ' ')}`)
          .join(', ')})`,
      },
      clock,
    );
  return { assessed: targets.length - skipped, changed: changes.length, skipped };
}

function sameJudgement(before: TargetAssessment, now: StatusJudgement, ruleId: number, planVersionId: number): boolean {
  return (
    before.period === now.period &&
    before.actual === now.actual &&
    before.status === now.status &&
    before.ruleId === ruleId &&
    before.planVersionId === planVersionId
  );
}
