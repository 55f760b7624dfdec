/**
 * Changing a target's tolerance: a new version of its status rule, in force from a date (today unless
 * given, not before the current version's), with the reason; a version is never edited, so the
 * statuses already recorded keep the rule they were judged by. The same tolerance again is refused.
 */
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Executor } from '../../platform/db/executor.ts';
import { NotFoundError, type ProblemDetail } from '../../platform/errors.ts';
import { type Actor, requirePermission } from '../accounts/index.ts';
import { FieldReader } from './field-reader.ts';
import { planScope } from './plan-access.ts';
import { MAX_TEXT } from './plan-input.ts';
import { addRuleVersion, recordedVersions, refusal, sameTolerance, today, toleranceOf, versionItems } from './plan-store.ts';
import { audit, itemSubject } from './plans-audit.ts';
import { toRule } from './plans.mapper.ts';
import type { ItemRef, StatusRule } from './plans.types.ts';
import { toleranceProblems } from './rules/index.ts';
import { ruleInForce } from './status-rules.ts';
import { findRuleRows } from './status.repository.ts';

export interface StatusRuleChange {
  tolerance: unknown;
  toleranceKind?: unknown;
  reason: unknown;
  /** YYYY-MM-DD; today when left out */
  inForceFrom?: unknown;
}

export async function changeStatusRule(
  db: Executor,
  actor: Actor,
  ref: ItemRef,
  change: StatusRuleChange,
  deps: { clock: Clock },
): Promise<StatusRule> {
  const recorded = await recordedVersions(db, ref.planId);
  if (!recorded)
    throw new NotFoundError(`No plan has the id ${ref.planId}`, [
      { field: 'plan', value: ref.planId, reason: 'is not a known plan' },
    ]);
  requirePermission(actor, 'edit_plan', await planScope(db, recorded.plan.ownerBodyId));
  const versions = [recorded.draft, recorded.latestPublished].filter((v) => v !== null);
  const items = (await Promise.all(versions.map((v) => versionItems(db, v)))).flat();
  const target = items.find((i) => i.key === ref.key && i.kind === 'target');
  if (!target)
    throw new NotFoundError(`${ref.planId} has no target ${ref.key}`, [
      { field: 'key', value: ref.key, reason: 'is not a target of the plan' },
    ]);
  const rules = (await findRuleRows(db, [ref])).map(toRule);
  const date = today({ actor, clock: deps.clock });
  const current = ruleInForce(rules, date) ?? rules[rules.length - 1] ?? null;
  const problems: ProblemDetail[] = [];
  const r = new FieldReader(change as unknown as Record<string, unknown>, {}, problems);
  const tolerance = r.number('tolerance', { required: true });
  const toleranceKind = r.oneOf('toleranceKind', ['absolute', 'percent'] as const, current?.toleranceKind ?? 'absolute');
  const reason = r.text('reason', { required: true, max: MAX_TEXT.text });
  const inForceFrom = r.date('inForceFrom') ?? date;
  if (tolerance !== null && toleranceKind !== null) {
    for (const p of toleranceProblems({ tolerance, toleranceKind }))
      r.report(p.field === 'rule.toleranceKind' ? 'toleranceKind' : 'tolerance', p.value, p.reason);
    if (current && sameTolerance(current, { tolerance, toleranceKind }))
      r.report(
        'tolerance',
        tolerance,
        `is the tolerance already in force (rule version ${current.version}): nothing would change`,
      );
  }
  const latest = rules[rules.length - 1];
  if (latest && inForceFrom < latest.inForceFrom)
    r.report(
      'inForceFrom',
      inForceFrom,
      `must not come before ${latest.inForceFrom}, when rule version ${latest.version} came into force`,
    );
  if (problems.length > 0) throw refusal(`The tolerance of ${ref.key} cannot be changed`, problems);
  const after = { tolerance: tolerance!, toleranceKind: toleranceKind! };
  const version = (latest?.version ?? 0) + 1;
  return inTransaction(db, async (trx) => {
    const id = await addRuleVersion(trx, ref.planId, ref.key, version, after, { actor, clock: deps.clock }, inForceFrom, reason);
    await audit(
      trx,
      actor,
      {
        action: 'status_rule.change',
        subject: itemSubject(ref.planId, ref.key),
        bodyId: recorded.plan.ownerBodyId,
        indicatorCode: target.kind === 'target' ? target.indicatorCode : null,
        before: current ? { ...toleranceOf(current), version: current.version } : null,
        after: { ...after, version, inForceFrom, reason },
        summary: `The tolerance of target ${ref.key} of ${ref.planId} is now ${after.tolerance} (${after.toleranceKind}) from ${inForceFrom}, rule version ${version}, because: ${reason}`,
      },
      deps.clock,
    );
    return (await findRuleRows(trx, [ref])).map(toRule).find((rule) => rule.id === id)!;
  });
}
