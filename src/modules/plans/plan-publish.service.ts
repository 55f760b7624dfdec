/**
 * Publishing a draft (in force from a date not before the latest published version's, with a note of
 * what changed after the first version) and starting a revision (a draft copied from the version in
 * force), each in one transaction with its audit event.
 */
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Executor } from '../../platform/db/executor.ts';
import { ConflictError, NotFoundError, type ProblemDetail } from '../../platform/errors.ts';
import { type Actor, requirePermission } from '../accounts/index.ts';
import { FieldReader } from './field-reader.ts';
import { planScope } from './plan-access.ts';
import { MAX_TEXT } from './plan-input.ts';
import {
  createVersion,
  publishProblems,
  publishVersion,
  recordedVersions,
  refusal,
  today,
  versionContent,
} from './plan-store.ts';
import { draftToChange } from './plan-write.service.ts';
import { audit, planSubject } from './plans-audit.ts';
import type { PlanVersion } from './plans.types.ts';
import { inForceOn } from './versions.ts';

interface Deps {
  clock: Clock;
}

/** Publishes the draft: in force from a date (not before the latest published version's), with a note of what changed after the first. */
export async function publishDraft(
  db: Executor,
  actor: Actor,
  planId: string,
  input: { inForceFrom: unknown; changeNote?: unknown },
  deps: Deps,
): Promise<PlanVersion> {
  const recorded = await draftToChange(db, actor, planId);
  const problems: ProblemDetail[] = [];
  const r = new FieldReader(input as Record<string, unknown>, {}, problems);
  const inForceFrom = r.date('inForceFrom', { required: true });
  const changeNote = r.text('changeNote', { max: MAX_TEXT.text });
  if (problems.length === 0) problems.push(...publishProblems(recorded, recorded.draft.number, inForceFrom, changeNote));
  if (problems.length > 0) throw refusal(`${recorded.draft.title} cannot be published`, problems);
  return inTransaction(db, async (trx) => {
    await publishVersion(trx, recorded.draft, inForceFrom!, changeNote, { actor, clock: deps.clock });
    await audit(
      trx,
      actor,
      {
        action: 'plan.publish',
        subject: planSubject(planId),
        bodyId: recorded.plan.ownerBodyId,
        after: { version: recorded.draft.number, inForceFrom, changeNote },
        summary: `Published version ${recorded.draft.number} of ${recorded.draft.title}, in force from ${inForceFrom}${changeNote ? `: ${changeNote}` : ''}`,
      },
      deps.clock,
    );
    return (await recordedVersions(trx, planId))!.versions.find((v) => v.id === recorded.draft.id)!;
  });
}

/** Starts a revision: a draft copied from the version in force today (or the latest published one). */
export async function reviseDraft(db: Executor, actor: Actor, planId: string, deps: Deps): Promise<PlanVersion> {
  const recorded = await recordedVersions(db, planId);
  if (!recorded)
    throw new NotFoundError(`No plan has the id ${planId}`, [{ field: 'plan', value: planId, reason: 'is not a known plan' }]);
  requirePermission(actor, 'edit_plan', await planScope(db, recorded.plan.ownerBodyId));
  if (recorded.draft)
    throw new ConflictError(`${recorded.draft.title} already has a draft (version ${recorded.draft.number})`, [
      { field: 'plan', value: planId, reason: 'already has a draft: change or publish it' },
    ]);
  const base = inForceOn(recorded.versions, today({ actor, clock: deps.clock })) ?? recorded.latestPublished!;
  const number = Math.max(...recorded.versions.map((v) => v.number)) + 1;
  return inTransaction(db, async (trx) => {
    const draft = await createVersion(trx, planId, number, await versionContent(trx, base), { actor, clock: deps.clock }, null);
    await audit(
      trx,
      actor,
      {
        action: 'plan.revise',
        subject: planSubject(planId),
        bodyId: recorded.plan.ownerBodyId,
        after: { version: number, from: base.number },
        summary: `Started version ${number} of ${base.title} as a draft, copied from version ${base.number}`,
      },
      deps.clock,
    );
    return draft;
  });
}
