/**
 * Writing plans, for the services: a recorded plan with its draft and latest published version, a
 * draft's content replaced, versions created and published (with the rules of publishing), target
 * rules kept in step with the tolerances stated, and progress reports appended. Every function
 * writes with the executor it is given: the services hold the transaction.
 */
import { isoInstant, type Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { ValidationError, type ProblemDetail } from '../../platform/errors.ts';
import { auditActorOf, personIdOf, type Actor } from '../accounts/index.ts';
import { deleteItems, findItemRows, insertItem } from './item.repository.ts';
import { contentOf, itemRows } from './plan-content.ts';
import { DEFAULT_TOLERANCE, type PlanContent, type ProgressReport, type Tolerance } from './plan-input.ts';
import { findPlanRow, findVersionRows, insertVersion, updateDraftRow, type PlanRow } from './plan.repository.ts';
import { toActionUpdate, itemsOf, toPlan, toRule, toVersion } from './plans.mapper.ts';
import type { Plan, PlanItem, PlanVersion, StatusRule } from './plans.types.ts';
import { findLatestUpdateRows, findRuleRows, insertRule, insertUpdate } from './status.repository.ts';
import { ruleInForce } from './status-rules.ts';

export interface RecordedVersions {
  plan: Plan;
  row: PlanRow;
  versions: PlanVersion[];
  draft: PlanVersion | null;
  latestPublished: PlanVersion | null;
}

export async function recordedVersions(db: Executor, planId: string): Promise<RecordedVersions | null> {
  const row = await findPlanRow(db, planId);
  if (!row) return null;
  const versions = (await findVersionRows(db, [planId])).map(toVersion);
  const published = versions.filter((v) => v.state === 'published');
  return {
    plan: toPlan(row),
    row,
    versions,
    draft: versions.find((v) => v.state === 'draft') ?? null,
    latestPublished: published[published.length - 1] ?? null,
  };
}

export async function versionContent(db: Executor, version: PlanVersion): Promise<PlanContent> {
  return contentOf(version, await versionItems(db, version));
}

export async function versionItems(db: Executor, version: PlanVersion): Promise<PlanItem[]> {
  return itemsOf(await findItemRows(db, [version.id]), version.planId);
}

export interface Who {
  actor: Actor;
  clock: Clock;
}

const label = (who: Who) => auditActorOf(who.actor).label;
const now = (who: Who) => isoInstant(who.clock.now());
export const today = (who: Who) => who.clock.now().toISOString().slice(0, 10);

/** A new version (a draft, or published at once) holding the content. */
export async function createVersion(
  trx: Executor,
  planId: string,
  number: number,
  content: PlanContent,
  who: Who,
  publish: { inForceFrom: string; changeNote: string | null } | null,
): Promise<PlanVersion> {
  const id = await insertVersion(trx, {
    plan_id: planId,
    number,
    state: publish ? 'published' : 'draft',
    title: content.title,
    vision: content.vision,
    covers_from: content.coversFrom,
    covers_to: content.coversTo,
    in_force_from: publish?.inForceFrom ?? null,
    change_note: publish?.changeNote ?? null,
    partner_body_ids: JSON.stringify(content.partnerBodyIds),
    disclaimer: content.disclaimer,
    created_at: now(who),
    created_by: label(who),
    published_at: publish ? now(who) : null,
    published_by: publish ? label(who) : null,
  });
  for (const item of content.items) await insertItem(trx, id, itemRows(item));
  const version = (await findVersionRows(trx, [planId])).map(toVersion).find((v) => v.id === id);
  return version!;
}

/** Replaces a draft's fields and items. */
export async function replaceDraftContent(trx: Executor, draft: PlanVersion, content: PlanContent): Promise<void> {
  await updateDraftRow(trx, draft.id, {
    title: content.title,
    vision: content.vision,
    covers_from: content.coversFrom,
    covers_to: content.coversTo,
    partner_body_ids: JSON.stringify(content.partnerBodyIds),
    disclaimer: content.disclaimer,
  });
  const rows = await findItemRows(trx, [draft.id]);
  await deleteItems(
    trx,
    rows.map((r) => r.item.id),
  );
  for (const item of content.items) await insertItem(trx, draft.id, itemRows(item));
}

/**
 * What publishing needs: a date it is in force from, not before the latest published version's;
 * and, after the first version, a note of what changed. Each missing thing is a problem.
 */
export function publishProblems(
  recorded: Pick<RecordedVersions, 'latestPublished'>,
  number: number,
  inForceFrom: string | null,
  changeNote: string | null,
): ProblemDetail[] {
  const problems: ProblemDetail[] = [];
  if (!inForceFrom)
    problems.push({ field: 'inForceFrom', reason: 'is required to publish: the date the version is in force from' });
  const previous = recorded.latestPublished?.inForceFrom;
  if (inForceFrom && previous && inForceFrom < previous)
    problems.push({
      field: 'inForceFrom',
      value: inForceFrom,
      reason: `must not come before ${previous}, when the latest published version came into force`,
    });
  if (number > 1 && !changeNote)
    problems.push({ field: 'changeNote', reason: 'is required to publish a revision: say what changed' });
  return problems;
}

export async function publishVersion(
  trx: Executor,
  draft: PlanVersion,
  inForceFrom: string,
  changeNote: string | null,
  who: Who,
): Promise<void> {
  await updateDraftRow(trx, draft.id, {
    state: 'published',
    in_force_from: inForceFrom,
    change_note: changeNote,
    published_at: now(who),
    published_by: label(who),
  });
}

export interface RuleChange {
  targetKey: string;
  before: Tolerance | null;
  after: Tolerance;
  version: number;
}

/**
 * What keeping the rules in step with the stated tolerances needs: a rule for every target without
 * one (the tolerance stated, or the default), and a new version where a stated tolerance differs from
 * the rule in force. Reads only.
 */
export async function ruleChangesFor(
  db: Executor,
  planId: string,
  items: readonly PlanItem[],
  stated: ReadonlyMap<string, Tolerance>,
  date: string,
): Promise<RuleChange[]> {
  const targets = items.filter((i) => i.kind === 'target');
  const rules = (
    await findRuleRows(
      db,
      targets.map((t) => ({ planId, key: t.key })),
    )
  ).map(toRule);
  const changes: RuleChange[] = [];
  for (const t of targets) {
    const own = rules.filter((r) => r.targetKey === t.key);
    const current = ruleInForce(own, date) ?? own[own.length - 1] ?? null;
    const wanted = stated.get(t.key) ?? (current ? null : DEFAULT_TOLERANCE);
    if (!wanted || (current && sameTolerance(current, wanted))) continue;
    changes.push({
      targetKey: t.key,
      before: current ? toleranceOf(current) : null,
      after: wanted,
      version: (own[own.length - 1]?.version ?? 0) + 1,
    });
  }
  return changes;
}

export async function writeRuleChanges(
  trx: Executor,
  planId: string,
  changes: readonly RuleChange[],
  who: Who,
  reason: string,
): Promise<void> {
  for (const c of changes)
    await addRuleVersion(trx, planId, c.targetKey, c.version, c.after, who, today(who), c.before ? reason : null);
}

export async function addRuleVersion(
  trx: Executor,
  planId: string,
  key: string,
  version: number,
  tolerance: Tolerance,
  who: Who,
  inForceFrom: string,
  reason: string | null,
): Promise<number> {
  return insertRule(trx, {
    plan_id: planId,
    target_key: key,
    version,
    tolerance: tolerance.tolerance,
    tolerance_kind: tolerance.toleranceKind,
    in_force_from: inForceFrom,
    created_at: now(who),
    created_by: label(who),
    reason,
  });
}

export const sameTolerance = (a: Tolerance, b: Tolerance) => a.tolerance === b.tolerance && a.toleranceKind === b.toleranceKind;
export const toleranceOf = (r: StatusRule): Tolerance => ({ tolerance: r.tolerance, toleranceKind: r.toleranceKind });

/** The reports that differ from their action's latest (the others would change nothing). Reads only. */
export async function progressToAppend(
  db: Executor,
  planId: string,
  reports: ReadonlyMap<string, ProgressReport>,
): Promise<[string, ProgressReport][]> {
  if (reports.size === 0) return [];
  const latest = new Map(
    (
      await findLatestUpdateRows(
        db,
        [...reports.keys()].map((key) => ({ planId, key })),
      )
    ).map((r) => [r.action_key, toActionUpdate(r)]),
  );
  return [...reports].filter(([key, report]) => {
    const last = latest.get(key);
    return !(
      last &&
      last.progress === report.progress &&
      last.state === report.state &&
      last.asOf === report.asOf &&
      last.note === report.note
    );
  });
}

export async function appendProgress(
  trx: Executor,
  planId: string,
  reports: readonly [string, ProgressReport][],
  who: Who,
): Promise<number[]> {
  const ids: number[] = [];
  for (const [key, report] of reports) {
    ids.push(
      await insertUpdate(trx, {
        plan_id: planId,
        action_key: key,
        progress: report.progress,
        state: report.state,
        note: report.note,
        as_of: report.asOf,
        created_at: now(who),
        created_by: label(who),
        created_by_person_id: personIdOf(who.actor),
      }),
    );
  }
  return ids;
}

/** A ValidationError listing the problems, saying nothing was changed. */
export function refusal(what: string, problems: ProblemDetail[]): ValidationError {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new ValidationError(`${what}: ${count} found; nothing was changed`, problems);
}
