/**
 * What importing one checked plan does, decided before anything is written, then done:
 * - a new plan gets version 1 (a draft, or published);
 * - a plan with a draft: changed content replaces the draft's; the draft is published when asked;
 * - a plan without a draft: changed content becomes a new version (a draft, or published when asked);
 * - content the same as the draft's (or, without a draft, the latest published version's) changes
 *   nothing, and publishing it again is not asked for.
 * Tolerances and progress stated in the file are applied whatever happens to the content.
 */
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/executor.ts';
import type { ProblemDetail } from '../../platform/errors.ts';
import { auditActorOf, type Actor } from '../accounts/index.ts';
import { sameContent } from './plan-content.ts';
import { problemAt, type CheckedPlan, type ProgressReport } from './plan-input.ts';
import { insertPlan } from './plan.repository.ts';
import {
  appendProgress,
  createVersion,
  progressToAppend,
  publishProblems,
  publishVersion,
  recordedVersions,
  replaceDraftContent,
  ruleChangesFor,
  today,
  versionContent,
  writeRuleChanges,
  type RecordedVersions,
  type RuleChange,
} from './plan-store.ts';
import { audit, itemSubject, planSubject } from './plans-audit.ts';
import type { VersionState } from './plans.types.ts';

export type PlanImportOutcome = 'created' | 'draft_updated' | 'new_draft' | 'published' | 'unchanged';

export interface PlanDecision {
  plan: CheckedPlan;
  recorded: RecordedVersions | null;
  outcome: PlanImportOutcome;
  write: 'none' | 'create_plan' | 'update_draft' | 'publish_draft' | 'new_version';
  publish: { inForceFrom: string; changeNote: string | null } | null;
  versionNumber: number;
  state: VersionState;
  ruleChanges: RuleChange[];
  progress: [string, ProgressReport][];
}

interface DecideContext {
  actor: Actor;
  clock: Clock;
  fileName: string;
  /** the import itself asks for publishing (not the file) */
  publishAll: boolean;
}

export async function decidePlan(
  db: Executor,
  plan: CheckedPlan,
  ctx: DecideContext,
  problems: ProblemDetail[],
): Promise<PlanDecision | null> {
  const recorded = await recordedVersions(db, plan.id);
  const wanted = plan.publish || ctx.publishAll;
  const date = today(ctx);
  // a file that says publish says from when; an import asked to publish defaults to today
  const inForceFrom = plan.inForceFrom ?? (ctx.publishAll ? date : null);
  const changeNote = plan.changeNote ?? (ctx.publishAll && !plan.publish ? `Imported from ${ctx.fileName}` : null);
  const base = recorded ? (recorded.draft ?? recorded.latestPublished) : null;
  const same = base ? sameContent(plan.content, await versionContent(db, base)) : false;
  let write: PlanDecision['write'];
  let number: number;
  if (!recorded || !base) {
    write = 'create_plan';
    number = 1;
  } else if (recorded.draft) {
    write = !same ? 'update_draft' : wanted ? 'publish_draft' : 'none';
    number = recorded.draft.number;
  } else {
    write = same ? 'none' : 'new_version';
    number = same ? base.number : Math.max(...recorded.versions.map((v) => v.number)) + 1;
  }
  const publishing = write !== 'none' && wanted;
  if (publishing) {
    const found = publishProblems(recorded ?? { latestPublished: null }, number, inForceFrom, changeNote);
    for (const p of found) problems.push(problemAt(plan.place, p.field ?? '', p.value, p.reason));
    if (found.length > 0) return null;
  }
  const outcome: PlanImportOutcome =
    write === 'none'
      ? 'unchanged'
      : write === 'create_plan'
        ? 'created'
        : publishing
          ? 'published'
          : write === 'update_draft'
            ? 'draft_updated'
            : 'new_draft';
  return {
    plan,
    recorded,
    outcome,
    write,
    publish: publishing ? { inForceFrom: inForceFrom!, changeNote } : null,
    versionNumber: number,
    state: publishing || (write === 'none' && !recorded?.draft) ? 'published' : 'draft',
    ruleChanges: await ruleChangesFor(db, plan.id, plan.content.items, plan.tolerances, date),
    progress: await progressToAppend(db, plan.id, plan.progress),
  };
}

const OUTCOME_WORDS: Record<PlanImportOutcome, string> = {
  created: 'recorded as a new plan',
  draft_updated: 'its draft changed',
  new_draft: 'a new draft',
  published: 'published',
  unchanged: 'unchanged',
};

export async function applyPlan(
  trx: Executor,
  d: PlanDecision,
  ctx: { actor: Actor; clock: Clock; fileName: string },
): Promise<void> {
  const { plan } = d;
  const who = { actor: ctx.actor, clock: ctx.clock };
  if (d.write === 'create_plan') {
    await insertPlan(trx, {
      id: plan.id,
      kind: plan.kind,
      owner_body_id: plan.ownerBodyId,
      area_code: plan.areaCode,
      created_at: ctx.clock.now().toISOString(),
      created_by: auditActorOf(ctx.actor).label,
    });
    await createVersion(trx, plan.id, 1, plan.content, who, d.publish);
  } else if (d.write === 'new_version') {
    await createVersion(trx, plan.id, d.versionNumber, plan.content, who, d.publish);
  } else if (d.write === 'update_draft' || d.write === 'publish_draft') {
    const draft = d.recorded!.draft!;
    if (d.write === 'update_draft') await replaceDraftContent(trx, draft, plan.content);
    if (d.publish) await publishVersion(trx, draft, d.publish.inForceFrom, d.publish.changeNote, who);
  }
  const reason = `stated in ${ctx.fileName}`;
  await writeRuleChanges(trx, plan.id, d.ruleChanges, who, reason);
  const reports = await appendProgress(trx, plan.id, d.progress, who);
  await auditImport(trx, d, ctx, reports.length);
}

async function auditImport(
  trx: Executor,
  d: PlanDecision,
  ctx: { actor: Actor; clock: Clock; fileName: string },
  reports: number,
) {
  const { plan } = d;
  const where = { bodyId: plan.ownerBodyId, areaCode: plan.areaCode };
  if (d.write !== 'none')
    await audit(
      trx,
      ctx.actor,
      {
        action: 'plan.import',
        subject: planSubject(plan.id),
        ...where,
        after: {
          outcome: d.outcome,
          version: d.versionNumber,
          state: d.state,
          items: plan.content.items.length,
          publish: d.publish,
        },
        summary: `Imported ${plan.content.title} from ${ctx.fileName}: ${OUTCOME_WORDS[d.outcome]} (version ${d.versionNumber}, ${d.state})`,
      },
      ctx.clock,
    );
  for (const c of d.ruleChanges.filter((c) => c.before !== null))
    await audit(
      trx,
      ctx.actor,
      {
        action: 'status_rule.change',
        subject: itemSubject(plan.id, c.targetKey),
        ...where,
        before: c.before,
        after: { ...c.after, version: c.version },
        summary: `The tolerance of target ${c.targetKey} of ${plan.id} is now ${c.after.tolerance} (${c.after.toleranceKind}), rule version ${c.version}, as stated in ${ctx.fileName}`,
      },
      ctx.clock,
    );
  for (const [key, report] of d.progress.slice(0, reports))
    await audit(
      trx,
      ctx.actor,
      {
        action: 'action.progress',
        subject: itemSubject(plan.id, key),
        ...where,
        after: report,
        summary: `Progress on action ${key} of ${plan.id}: ${report.progress}% (${report.state.replace('_', ' ')}) as of ${report.asOf}, from ${ctx.fileName}`,
      },
      ctx.clock,
    );
}
