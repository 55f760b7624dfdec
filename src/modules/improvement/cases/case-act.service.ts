/**
 * Acting on a case: a person (or the command line) acknowledges it, records an action plan,
 * escalates, de-escalates or closes it, as the transition table allows; and the system escalates
 * every open case whose rung's deadline has passed without improvement. Each change writes the case,
 * its event and an audit event in one transaction; a refusal changes nothing and says why.
 */
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction, type Executor } from '../../../platform/db/executor.ts';
import { NotFoundError, type ProblemDetail, ValidationError } from '../../../platform/errors.ts';
import { type Actor, requirePermission } from '../../accounts/index.ts';
import { type Case, CASE_ACTIONS, type CaseAction, type RecoveryCheck, type TransitionRequest } from '../improvement.types.ts';
import { transition } from '../rules/index.ts';
import { findCaseRow, findOpenCaseRows } from './case.repository.ts';
import { transitionFacts, writeTransition } from './case-store.ts';
import { snapshotOf, toCase } from './cases.mapper.ts';
import type { TriggerSource } from './cases.types.ts';
import { gatherCouncilFacts } from './facts.service.ts';
import { audit, caseSubject } from './improvement-audit.ts';
import { BUILT_IN_SOURCES, comparatorsInUse } from './indicator-rules.source.ts';
import { listRuleVersions } from './rule-versions.service.ts';

export const MAX_CASE_TEXT = { reason: 2000, ownerName: 200, actionPlan: 10_000 } as const;

const toRungOf = (c: Case, action: CaseAction): number =>
  action === 'escalate' ? c.rung + 1 : action === 'de_escalate' ? c.rung - 1 : c.rung;

export async function actOnCase(
  db: Executor,
  actor: Actor,
  caseId: number,
  request: TransitionRequest,
  deps: { clock: Clock; sources?: readonly TriggerSource[] },
): Promise<Case> {
  const row = await findCaseRow(db, caseId);
  if (!row)
    throw new NotFoundError(`No case has the id ${caseId}`, [{ field: 'case', value: caseId, reason: 'is not a known case' }]);
  const c = toCase(row);
  if (!(CASE_ACTIONS as readonly string[]).includes(request.action))
    throw new ValidationError(`“${String(request.action)}” is not an action on a case`, [
      { field: 'action', value: request.action, reason: `must be one of ${CASE_ACTIONS.join(', ')}` },
    ]);
  requirePermission(actor, 'act_on_case', { bodyId: c.subject.bodyId, rung: c.rung, toRung: toRungOf(c, request.action) });
  checkLengths(request);
  // only the system's own runs act automatically
  const req: TransitionRequest = { ...request, automatic: actor.kind === 'system' ? request.automatic : false };
  const recovery = req.action === 'close_recovered' ? await recoveryNow(db, c, deps) : null;
  return inTransaction(db, async (trx) => {
    const facts = await transitionFacts(trx, c, c.subject, deps.clock, recovery);
    const result = transition(snapshotOf(c), req, facts);
    if (!result.ok) throw new ValidationError(result.message, [{ field: 'action', value: req.action, reason: result.message }]);
    const next = await writeTransition(trx, c, { request: req, result, actor, clock: deps.clock });
    await auditTransition(trx, actor, c, next, req, deps.clock);
    return next;
  });
}

function checkLengths(request: TransitionRequest): void {
  const problems: ProblemDetail[] = [];
  for (const field of ['reason', 'ownerName', 'actionPlan'] as const) {
    const value = request[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') problems.push({ field, value, reason: 'must be text' });
    else if (value.length > MAX_CASE_TEXT[field])
      problems.push({ field, value: `${value.slice(0, 40)}…`, reason: `must be at most ${MAX_CASE_TEXT[field]} characters` });
  }
  if (problems.length > 0) throw new ValidationError('The case cannot be changed', problems);
}

/** What the case's sources say now about its recovery (for a person closing it as recovered). */
async function recoveryNow(
  db: Executor,
  c: Case,
  deps: { clock: Clock; sources?: readonly TriggerSource[] },
): Promise<RecoveryCheck | null> {
  const sources = deps.sources ?? BUILT_IN_SOURCES;
  const rules = await listRuleVersions(db);
  const facts = await gatherCouncilFacts(db, {
    clock: deps.clock,
    bodyIds: [c.subject.bodyId],
    comparators: comparatorsInUse(rules),
  });
  const ctx = { clock: deps.clock, facts, rules };
  const checks = (await Promise.all(sources.map((s) => s.recovery(db, c, ctx)))).filter((k) => k !== null);
  if (checks.length === 0) return null;
  const waiting = checks.filter((k) => k.clearPeriods < k.needed);
  return waiting[0] ?? checks[0]!;
}

async function auditTransition(trx: Executor, actor: Actor, before: Case, after: Case, req: TransitionRequest, clock: Clock) {
  await audit(
    trx,
    actor,
    {
      action: `case.${req.action}`,
      subject: caseSubject(before.id),
      bodyId: before.subject.bodyId,
      areaCode: before.subject.areaCode,
      indicatorCode: before.subject.indicatorCode,
      before: { state: before.state, rung: before.rung, ownerName: before.ownerName, deadline: before.deadline },
      after: { state: after.state, rung: after.rung, ownerName: after.ownerName, deadline: after.deadline },
      summary: `Case ${before.id} (${before.title}): ${req.action.replace(/_/g, ' ')}${
        after.rung !== before.rung ? ` from rung ${before.rung} to rung ${after.rung}` : ''
      }${req.reason ? ` — ${req.reason.trim()}` : ''}`,
    },
    clock,
  );
}

/**
 * Escalates every open case whose deadline has passed without improvement since it entered its rung,
 * one rung up, as `actor` (the system's daily run, or the command line). A case on rung 3 stays; a
 * case whose indicator has improved waits. Run again, it changes nothing: the new rung has a new deadline.
 */
export async function escalateOverdue(
  db: Executor,
  actor: Actor,
  deps: { clock: Clock },
): Promise<{ checked: number; escalated: number[] }> {
  const now = deps.clock.now();
  const escalated: number[] = [];
  const open = (await findOpenCaseRows(db)).map(toCase);
  for (const c of open) {
    if (c.rung >= 3 || new Date(c.deadline).getTime() > now.getTime()) continue;
    requirePermission(actor, 'act_on_case', { bodyId: c.subject.bodyId, rung: c.rung, toRung: c.rung + 1 });
    const done = await inTransaction(db, async (trx) => {
      const facts = await transitionFacts(trx, c, c.subject, deps.clock);
      if (facts.improvedSinceRungEntered === true) return false;
      const req: TransitionRequest = {
        action: 'escalate',
        automatic: true,
        reason: `The deadline of rung ${c.rung} passed on ${c.deadline.slice(0, 10)} without improvement`,
      };
      const result = transition(snapshotOf(c), req, facts);
      if (!result.ok) return false;
      const next = await writeTransition(trx, c, { request: req, result, actor, clock: deps.clock });
      await auditTransition(trx, actor, c, next, req, deps.clock);
      return true;
    });
    if (done) escalated.push(c.id);
  }
  return { checked: open.length, escalated };
}
