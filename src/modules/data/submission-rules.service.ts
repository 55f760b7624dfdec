/** A body's own rule for its submissions: whether the person who uploaded or submitted may also approve. */
import { isoInstant, type Clock } from '../../platform/clock.ts';
import { inTransaction } from '../../platform/db/executor.ts';
import { ValidationError } from '../../platform/errors.ts';
import { type Actor, auditActorOf, requirePermission } from '../accounts/index.ts';
import { getBody } from '../bodies/index.ts';
import { audit } from './data-audit.ts';
import type { Executor } from './observation.types.ts';
import { findSelfApprovalAllowed, upsertSelfApproval } from './sharing.repository.ts';

/** Off unless an administrator has switched it on for the body. */
export async function selfApprovalAllowed(db: Executor, bodyId: string): Promise<boolean> {
  return findSelfApprovalAllowed(db, bodyId);
}

export async function setSelfApproval(
  db: Executor,
  actor: Actor,
  input: { bodyId: string; allowed: boolean },
  deps: { clock: Clock },
): Promise<void> {
  requirePermission(actor, 'set_submission_rules', { bodyId: input.bodyId });
  const body = await getBody(db, input.bodyId);
  if (!body)
    throw new ValidationError(`No body ${input.bodyId}`, [
      { field: 'bodyId', value: input.bodyId, reason: 'is not a known body' },
    ]);
  await inTransaction(db, async (trx) => {
    const before = await findSelfApprovalAllowed(trx, body.id);
    if (before === input.allowed) return;
    await upsertSelfApproval(trx, body.id, input.allowed, auditActorOf(actor).label, isoInstant(deps.clock.now()));
    const summary = `${body.name} ${input.allowed ? 'allows' : 'no longer allows'} a submission to be approved by the person who uploaded or submitted it`;
    await audit(
      trx,
      actor,
      {
        action: 'submission_rules.set',
        subject: { kind: 'body', id: body.id },
        bodyId: body.id,
        before: { selfApprovalAllowed: before },
        after: { selfApprovalAllowed: input.allowed },
        summary,
      },
      deps.clock,
    );
  });
}
