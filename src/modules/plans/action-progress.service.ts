/**
 * Reporting progress on an action: a report (progress %, state, the date it is about, a note) is
 * appended, never changed, and the latest is the action's progress. Whoever may edit the plan, and
 * the officers and token of the body that owns the action, may report. A report the same as the
 * latest records nothing.
 */
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Executor } from '../../platform/db/executor.ts';
import { NotFoundError, type ProblemDetail } from '../../platform/errors.ts';
import { type Actor, requirePermission } from '../accounts/index.ts';
import { FieldReader } from './field-reader.ts';
import { planScope } from './plan-access.ts';
import { MAX_TEXT } from './plan-input.ts';
import { appendProgress, progressToAppend, recordedVersions, refusal, today, versionItems } from './plan-store.ts';
import { audit, itemSubject } from './plans-audit.ts';
import { toActionUpdate } from './plans.mapper.ts';
import { ACTION_STATES, type ActionUpdate, type ItemRef } from './plans.types.ts';
import { findUpdateRows } from './status.repository.ts';
import { inForceOn } from './versions.ts';

export interface ProgressInput {
  progress: unknown;
  state: unknown;
  /** YYYY-MM-DD, not after today */
  asOf: unknown;
  note?: unknown;
}

export async function reportActionProgress(
  db: Executor,
  actor: Actor,
  ref: ItemRef,
  input: ProgressInput,
  deps: { clock: Clock },
): Promise<{ update: ActionUpdate; recorded: boolean }> {
  const plan = await recordedVersions(db, ref.planId);
  if (!plan)
    throw new NotFoundError(`No plan has the id ${ref.planId}`, [
      { field: 'plan', value: ref.planId, reason: 'is not a known plan' },
    ]);
  const date = today({ actor, clock: deps.clock });
  const version = inForceOn(plan.versions, date) ?? plan.latestPublished ?? plan.draft!;
  const action = (await versionItems(db, version)).find((i) => i.key === ref.key);
  if (!action || action.kind !== 'action')
    throw new NotFoundError(`${version.title} has no action ${ref.key}`, [
      { field: 'key', value: ref.key, reason: 'is not an action of the plan' },
    ]);
  requirePermission(actor, 'report_action_progress', {
    ...(await planScope(db, plan.plan.ownerBodyId)),
    actionOwnerBodyId: action.ownerBodyId,
  });
  const problems: ProblemDetail[] = [];
  const r = new FieldReader(input as unknown as Record<string, unknown>, {}, problems);
  r.refuseOthers(['progress', 'state', 'asOf', 'note']);
  const progress = r.number('progress', { required: true, min: 0, max: 100, integer: true });
  const state = r.oneOf('state', ACTION_STATES, null);
  const asOf = r.date('asOf', { required: true });
  if (asOf && asOf > date) r.report('asOf', asOf, `must not be after today (${date}): a report is about what has happened`);
  const note = r.text('note', { max: MAX_TEXT.text });
  if (problems.length > 0) throw refusal(`Progress on ${ref.key} cannot be reported`, problems);
  const report = { progress: progress!, state: state!, asOf: asOf!, note };
  return inTransaction(db, async (trx) => {
    const toAppend = await progressToAppend(trx, ref.planId, new Map([[ref.key, report]]));
    if (toAppend.length > 0) {
      await appendProgress(trx, ref.planId, toAppend, { actor, clock: deps.clock });
      await audit(
        trx,
        actor,
        {
          action: 'action.progress',
          subject: itemSubject(ref.planId, ref.key),
          bodyId: action.ownerBodyId,
          after: report,
          summary: `Progress on action ${ref.key} (${action.title}) of ${ref.planId}: ${report.progress}%, ${report.state.replace('_', ' ')}, as of ${report.asOf}`,
        },
        deps.clock,
      );
    }
    const latest = (await findUpdateRows(trx, ref))[0]!;
    return { update: toActionUpdate(latest), recorded: toAppend.length > 0 };
  });
}
