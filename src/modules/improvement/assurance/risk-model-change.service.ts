/**
 * Changing the published scoring model, by those who configure the improvement rules: a new version with
 * its reason. The councils are scored again under it by the next refresh of the profiles (the trigger
 * engine's run, or `localvision risk refresh`).
 */
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction, type Executor } from '../../../platform/db/executor.ts';
import type { ProblemDetail } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../accounts/index.ts';
import { RISK_COMPONENTS, RUNGS, type RiskComponentKey, type RiskModel, type Rung } from '../improvement.types.ts';
import { audit, recordedBy, riskModelSubject } from './assurance-audit.ts';
import { toRiskModel } from './assurance.mapper.ts';
import { InputReader, MAX_TEXT, objectOf, refusal } from './input.ts';
import { contentOf, currentRiskModel, type ModelContent, rowOf } from './risk-model.service.ts';
import { findLatestModelRow, insertModelRow } from './risk.repository.ts';

export interface RiskModelChange {
  /** components to change, by key; the others keep their weight */
  weights?: unknown;
  /** points per open case on rungs to change ({ "1": 1, "2": 2, "3": 4 }) */
  casePoints?: unknown;
  casePointsForFullShare?: unknown;
  /** { high, medium }: either or both */
  bands?: unknown;
  reason: unknown;
}

/** A new version of the model: the current one with the changes given, checked whole. */
export async function setRiskModel(
  db: Executor,
  actor: Actor,
  change: RiskModelChange,
  deps: { clock: Clock },
): Promise<RiskModel> {
  requirePermission(actor, 'configure_improvement');
  const current = await currentRiskModel(db, deps);
  const problems: ProblemDetail[] = [];
  const r = new InputReader(objectOf(change, 'The risk model cannot be changed'), problems);
  r.refuseOthers(['weights', 'casePoints', 'casePointsForFullShare', 'bands', 'reason']);
  const reason = r.text('reason', { required: true, max: MAX_TEXT.short });
  const next = changedContent(current, change, problems);
  if (problems.length === 0 && JSON.stringify(contentOf(current)) === JSON.stringify(next))
    problems.push({
      field: 'weights',
      reason: `is the model already in force (version ${current.version}): nothing would change`,
    });
  if (problems.length > 0) throw refusal('The risk model cannot be changed', problems);
  const version = current.version + 1;
  return inTransaction(db, async (trx) => {
    await insertModelRow(trx, rowOf(next, version, deps.clock.now().toISOString(), recordedBy(actor), reason));
    await audit(
      trx,
      actor,
      {
        action: 'risk_model.change',
        subject: riskModelSubject(version),
        before: { version: current.version, ...contentOf(current) },
        after: { version, ...next, reason },
        summary: `The risk model is now version ${version}, because: ${reason}`,
      },
      deps.clock,
    );
    return toRiskModel((await findLatestModelRow(trx))!);
  });
}

/** A non-negative number at a place, or a problem. */
function amount(
  value: unknown,
  field: string,
  problems: ProblemDetail[],
  opts: { positive?: boolean; max?: number } = {},
): number | null {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : Number.NaN;
  if (!Number.isFinite(n)) problems.push({ field, value, reason: 'must be a number' });
  else if (opts.positive && n <= 0) problems.push({ field, value, reason: 'must be more than 0' });
  else if (n < 0) problems.push({ field, value, reason: 'must be 0 or more' });
  else if (opts.max !== undefined && n > opts.max) problems.push({ field, value, reason: `must be at most ${opts.max}` });
  else return n;
  return null;
}

function record(value: unknown, field: string, problems: ProblemDetail[]): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  problems.push({ field, value, reason: 'must be an object of names and numbers' });
  return null;
}

function changedContent(current: RiskModel, change: RiskModelChange, problems: ProblemDetail[]): ModelContent {
  const weights = { ...current.weights };
  for (const [key, value] of Object.entries(record(change.weights, 'weights', problems) ?? {})) {
    if (!(RISK_COMPONENTS as readonly string[]).includes(key))
      problems.push({ field: `weights.${key}`, value, reason: `is not a component: one of ${RISK_COMPONENTS.join(', ')}` });
    else {
      const n = amount(value, `weights.${key}`, problems);
      if (n !== null) weights[key as RiskComponentKey] = n;
    }
  }
  if (RISK_COMPONENTS.every((k) => weights[k] === 0))
    problems.push({ field: 'weights', value: weights, reason: 'must not all be 0: the score would say nothing' });
  const casePoints = { ...current.casePoints };
  for (const [key, value] of Object.entries(record(change.casePoints, 'casePoints', problems) ?? {})) {
    const rung = Number(key) as Rung;
    if (!RUNGS.includes(rung)) problems.push({ field: `casePoints.${key}`, value, reason: 'is not a rung: 1, 2 or 3' });
    else {
      const n = amount(value, `casePoints.${key}`, problems);
      if (n !== null) casePoints[rung] = n;
    }
  }
  let casePointsForFullShare = current.casePointsForFullShare;
  if (change.casePointsForFullShare !== undefined) {
    const n = amount(change.casePointsForFullShare, 'casePointsForFullShare', problems, { positive: true });
    if (n !== null) casePointsForFullShare = n;
  }
  const bands = { ...current.bands };
  for (const [key, value] of Object.entries(record(change.bands, 'bands', problems) ?? {})) {
    if (key !== 'high' && key !== 'medium')
      problems.push({ field: `bands.${key}`, value, reason: 'is not a band: high or medium' });
    else {
      const n = amount(value, `bands.${key}`, problems, { max: 100 });
      if (n !== null) bands[key] = n;
    }
  }
  if (bands.high <= bands.medium)
    problems.push({
      field: 'bands.high',
      value: bands.high,
      reason: `must be above the medium band's threshold (${bands.medium})`,
    });
  return { weights, casePoints, casePointsForFullShare, bands };
}
