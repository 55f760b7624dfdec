/**
 * A body's own rule for its submissions: whether the person who uploaded or submitted may also
 * approve. Off unless an administrator (or the command line) switched it on, with a reason that the
 * audit log keeps; API tokens never change it.
 */
import { isoInstant, type Clock } from '../../platform/clock.ts';
import { inTransaction } from '../../platform/db/executor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { type Actor, auditActorOf, can, requirePermission } from '../accounts/index.ts';
import { auditForSubject } from '../audit/index.ts';
import { type Body, getBody } from '../bodies/index.ts';
import { audit } from './data-audit.ts';
import type { Executor } from './observation.types.ts';
import { mayReadUnpublished } from './sharing.service.ts';
import { findSelfApprovalAllowed, findSubmissionSetting, upsertSelfApproval } from './sharing.repository.ts';

/** The longest reason kept for a change of the rule. */
export const MAX_RULE_REASON_LENGTH = 500;
const RULE_ACTION = 'submission_rules.set';

export interface SubmissionRules {
  bodyId: string;
  bodyName: string;
  selfApprovalAllowed: boolean;
  /** the last change of the rule, with the reason given for it; null while it has never been changed */
  lastChange: { by: string; at: string; reason: string | null } | null;
}

export interface SelfApprovalChange {
  bodyId: string;
  bodyName: string;
  selfApprovalAllowed: boolean;
  /** false when the body already had this rule: nothing was written */
  changed: boolean;
}

/** Off unless an administrator has switched it on for the body. */
export async function selfApprovalAllowed(db: Executor, bodyId: string): Promise<boolean> {
  return findSelfApprovalAllowed(db, bodyId);
}

/** Whether the actor may see a body's rules: whoever may read its submissions, and whoever may change the rules. */
export async function mayReadSubmissionRules(db: Executor, actor: Actor, bodyId: string): Promise<boolean> {
  return can(actor, 'set_submission_rules', { bodyId }) || mayReadUnpublished(db, actor, bodyId);
}

export async function getSubmissionRules(db: Executor, actor: Actor, bodyId: string): Promise<SubmissionRules> {
  const body = await knownBody(db, bodyId, NotFoundError);
  if (!(await mayReadSubmissionRules(db, actor, body.id)))
    throw new ForbiddenError('You may not see this body’s rules for submissions');
  const setting = await findSubmissionSetting(db, body.id);
  const last = (await auditForSubject(db, subjectOf(body.id), { action: RULE_ACTION }, { limit: 1, offset: 0 })).items[0];
  const reason = (last?.after as { reason?: unknown } | null)?.reason;
  return {
    bodyId: body.id,
    bodyName: body.name,
    selfApprovalAllowed: setting?.self_approval_allowed === 1,
    lastChange: setting
      ? { by: setting.updated_by_label, at: setting.updated_at, reason: typeof reason === 'string' ? reason : null }
      : null,
  };
}

/**
 * Allows or forbids self-approval for a body, with the reason for the change (required, kept in the
 * audit event). Setting the rule the body already has writes nothing.
 */
export async function setSelfApproval(
  db: Executor,
  actor: Actor,
  input: { bodyId: string; allowed: boolean; reason: string },
  deps: { clock: Clock },
): Promise<SelfApprovalChange> {
  requirePermission(actor, 'set_submission_rules', { bodyId: input.bodyId });
  const body = await knownBody(db, input.bodyId, ValidationError);
  const reason = checkReason(input.reason);
  return inTransaction(db, async (trx) => {
    const before = await findSelfApprovalAllowed(trx, body.id);
    const change = { bodyId: body.id, bodyName: body.name, selfApprovalAllowed: input.allowed };
    if (before === input.allowed) return { ...change, changed: false };
    await upsertSelfApproval(trx, body.id, input.allowed, auditActorOf(actor).label, isoInstant(deps.clock.now()));
    const rule = input.allowed ? 'allows' : 'no longer allows';
    await audit(
      trx,
      actor,
      {
        action: RULE_ACTION,
        subject: subjectOf(body.id),
        bodyId: body.id,
        before: { selfApprovalAllowed: before },
        after: { selfApprovalAllowed: input.allowed, reason },
        summary: `${body.name} ${rule} a submission to be approved by the person who uploaded or submitted it, because: ${reason}`,
      },
      deps.clock,
    );
    return { ...change, changed: true };
  });
}

async function knownBody(db: Executor, bodyId: string, Refusal: typeof NotFoundError | typeof ValidationError): Promise<Body> {
  const body = await getBody(db, bodyId);
  if (!body) throw new Refusal(`No body ${bodyId}`, [{ field: 'bodyId', value: bodyId, reason: 'is not a known body' }]);
  return body;
}

function checkReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed === '')
    throw new ValidationError('Give the reason for changing the rule; nothing was changed', [
      { field: 'reason', value: reason, reason: 'is required: say why the rule changes' },
    ]);
  if (trimmed.length > MAX_RULE_REASON_LENGTH)
    throw new ValidationError('The reason is too long; nothing was changed', [
      { field: 'reason', value: reason, reason: `must be at most ${MAX_RULE_REASON_LENGTH} characters` },
    ]);
  return trimmed;
}

const subjectOf = (bodyId: string) => ({ kind: 'body', id: bodyId });
