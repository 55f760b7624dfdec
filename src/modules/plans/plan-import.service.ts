/**
 * Importing plans from a JSON file (national priorities and whole plans) or a CSV file (items of one
 * recorded plan, merged into its draft or latest published version by key). Everything is checked
 * first and every problem reported with its line or JSON path, field and value; nothing is written
 * while there is one. Importing the same file twice changes nothing. Changed content goes into the
 * plan's draft, or into a new version: published when the file (or the import) says publish, else a
 * draft. Stated tolerances keep the targets' rules in step; stated progress is reported.
 */
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Executor } from '../../platform/db/executor.ts';
import { type ProblemDetail } from '../../platform/errors.ts';
import { isJsonFile, type SubmittedFile } from '../../platform/files.ts';
import { type Actor, can, requirePermission } from '../accounts/index.ts';
import { CheckLookups } from './check-lookups.ts';
import { checkItems, checkPlanInput, withPositions, type KeysOfPlan } from './plan-check.ts';
import { readPlanCsv, readPlanJson } from './plan-file.ts';
import { checkNationalPriorities, saveNationalPriorities, type PriorityOutcome } from './national-priorities.ts';
import { applyPlan, decidePlan, type PlanDecision, type PlanImportOutcome } from './plan-apply.ts';
import { planScope } from './plan-access.ts';
import type { CheckedPlan } from './plan-input.ts';
import { recordedVersions, refusal, versionContent } from './plan-store.ts';
import type { ItemKind, NationalPriority } from './plans.types.ts';

export interface PlanImportOptions {
  clock: Clock;
  /** publish what the file changes (in force from the file's date, or today; the note defaults to the file's name) */
  publish?: boolean;
  /** check, and say what would change, writing nothing */
  dryRun?: boolean;
}

export interface PlanImportResult {
  planId: string;
  outcome: PlanImportOutcome;
  /** the version the plan's content is now in (or would be, on a dry run) */
  versionNumber: number;
  rulesChanged: number;
  progressReported: number;
}

export interface PlanImportReport {
  fileName: string;
  format: 'json' | 'csv';
  dryRun: boolean;
  plans: PlanImportResult[];
  nationalPriorities: Record<PriorityOutcome, number>;
  /** whether anything was (or, on a dry run, would be) written */
  changed: boolean;
}

export async function importPlans(
  db: Executor,
  actor: Actor,
  file: SubmittedFile,
  opts: PlanImportOptions,
): Promise<PlanImportReport> {
  const json = isJsonFile(file);
  const checked = json ? await checkJsonFile(db, file, actor) : await checkCsvFile(db, file, actor, opts);
  for (const plan of checked.plans) await requireEdit(db, actor, plan.ownerBodyId);
  const who = { actor, clock: opts.clock };
  return inTransaction(db, async (trx) => {
    const problems: ProblemDetail[] = [];
    const priorities = await checkNationalPriorities(
      trx,
      checked.nationalPriorities,
      can(actor, 'maintain_national_indicator'),
      problems,
    );
    const decisions: PlanDecision[] = [];
    for (const plan of checked.plans) {
      const decision = await decidePlan(trx, plan, { ...who, fileName: file.name, publishAll: opts.publish ?? false }, problems);
      if (decision) decisions.push(decision);
    }
    if (problems.length > 0) throw refusal(file.name, problems);
    if (!opts.dryRun) {
      await saveNationalPriorities(trx, actor, priorities, opts.clock);
      for (const d of decisions) await applyPlan(trx, d, { ...who, fileName: file.name });
    }
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const p of priorities) counts[p.outcome] += 1;
    const plans = decisions.map((d) => ({
      planId: d.plan.id,
      outcome: d.outcome,
      versionNumber: d.versionNumber,
      rulesChanged: d.ruleChanges.length,
      progressReported: d.progress.length,
    }));
    const changed =
      counts.created + counts.updated > 0 ||
      plans.some((p) => p.outcome !== 'unchanged' || p.rulesChanged + p.progressReported > 0);
    return {
      fileName: file.name,
      format: json ? 'json' : 'csv',
      dryRun: opts.dryRun ?? false,
      plans,
      nationalPriorities: counts,
      changed,
    };
  });
}

interface CheckedImport {
  nationalPriorities: NationalPriority[];
  plans: CheckedPlan[];
}

async function requireEdit(db: Executor, actor: Actor, ownerBodyId: string): Promise<void> {
  requirePermission(actor, 'edit_plan', await planScope(db, ownerBodyId));
}

/** Before anything of a plan is checked: may the actor edit it (a recorded plan's owner, or the owner a new one names)? */
async function requireEditOfNamed(db: Executor, actor: Actor, planId: unknown, owner: unknown): Promise<void> {
  const recorded = typeof planId === 'string' ? await recordedVersions(db, planId.trim()) : null;
  if (recorded) await requireEdit(db, actor, recorded.plan.ownerBodyId);
  else if (typeof owner === 'string' && owner.trim() !== '') await requireEdit(db, actor, owner.trim());
}

async function checkJsonFile(db: Executor, file: SubmittedFile, actor: Actor): Promise<CheckedImport> {
  const problems: ProblemDetail[] = [];
  const raw = readPlanJson(file, problems);
  for (const { input } of raw.plans) await requireEditOfNamed(db, actor, input.id, input.owner);
  const lookups = new CheckLookups(db);
  const priorities = raw.nationalPriorities.map((p) => ({
    ...p,
    code: typeof p.input.code === 'string' ? p.input.code.trim() : '',
  }));
  const fileKeys = new Map<string, Map<string, ItemKind>>();
  const seen = new Set<string>();
  for (const { input, place } of raw.plans) {
    const id = typeof input.id === 'string' ? input.id.trim() : '';
    if (seen.has(id) && id !== '') problems.push({ field: `${place.path}.id`, value: id, reason: 'appears twice in the file' });
    seen.add(id);
    const items = Array.isArray(input.items) ? (input.items as Record<string, unknown>[]) : [];
    fileKeys.set(
      id,
      new Map(items.filter((i) => i && typeof i.key === 'string').map((i) => [String(i.key), i.kind as ItemKind])),
    );
  }
  const keysOf: KeysOfPlan = async (planId) => fileKeys.get(planId) ?? (await lookups.recordedPlan(planId))?.keys ?? null;
  const ctx = { lookups, fileNationalPriorities: new Set(priorities.map((p) => p.code)), keysOf };
  const plans: CheckedPlan[] = [];
  for (const { input, place } of raw.plans) {
    const plan = await checkPlanInput(input, place, ctx, problems);
    if (plan) plans.push(plan);
  }
  const nationalPriorities = readNationalPriorities(priorities, problems);
  if (problems.length > 0) throw refusal(file.name, problems);
  return { nationalPriorities, plans };
}

/** A CSV file's items merged into the plan's draft (or latest published version): replaced by key, new ones after their siblings. */
async function checkCsvFile(db: Executor, file: SubmittedFile, actor: Actor, opts: PlanImportOptions): Promise<CheckedImport> {
  const problems: ProblemDetail[] = [];
  const csv = readPlanCsv(file, problems);
  const recorded = csv.planId ? await recordedVersions(db, csv.planId) : null;
  if (recorded) await requireEdit(db, actor, recorded.plan.ownerBodyId);
  if (csv.planId && !recorded)
    problems.push({ line: 2, field: 'plan', value: csv.planId, reason: 'is not a recorded plan: import it as JSON first' });
  const base = recorded ? (recorded.draft ?? recorded.latestPublished) : null;
  if (!recorded || !base) throw refusal(file.name, problems.length > 0 ? problems : [{ reason: 'the file has no items' }]);
  const content = await versionContent(db, base);
  const lookups = new CheckLookups(db);
  const keysOf: KeysOfPlan = async (planId) => (await lookups.recordedPlan(planId))?.keys ?? null;
  const ctx = {
    lookups,
    ownerBodyId: recorded.plan.ownerBodyId,
    areaCode: recorded.plan.areaCode,
    fileNationalPriorities: new Set<string>(),
  };
  const checked = await checkItems(recorded.plan.id, csv.items, ctx, keysOf, problems, content.items);
  if (!checked || problems.length > 0) throw refusal(file.name, problems);
  const merged = [...content.items];
  for (const item of checked.items) {
    const at = merged.findIndex((i) => i.key === item.key);
    if (at >= 0) merged[at] = { ...item, position: merged[at]!.position };
    else merged.push({ ...item, position: Number.MAX_SAFE_INTEGER });
  }
  const items = withPositions([...merged].sort((a, b) => a.position - b.position));
  return {
    nationalPriorities: [],
    plans: [
      {
        id: recorded.plan.id,
        kind: recorded.plan.kind,
        ownerBodyId: recorded.plan.ownerBodyId,
        areaCode: recorded.plan.areaCode,
        content: { ...content, items },
        publish: opts.publish ?? false,
        inForceFrom: null,
        changeNote: null,
        tolerances: checked.tolerances,
        progress: checked.progress,
        place: {},
      },
    ],
  };
}

function readNationalPriorities(
  priorities: { input: Record<string, unknown>; place: { path?: string }; code: string }[],
  problems: ProblemDetail[],
): NationalPriority[] {
  const out: NationalPriority[] = [];
  const seen = new Set<string>();
  for (const { input, place, code } of priorities) {
    const at = (field: string) => `${place.path}.${field}`;
    for (const field of Object.keys(input))
      if (!['code', 'wording', 'department', 'kind', 'note'].includes(field))
        problems.push({ field: at(field), value: input[field], reason: 'is not a field of a national priority' });
    const wording = typeof input.wording === 'string' ? input.wording.trim() : '';
    const department = typeof input.department === 'string' && input.department.trim() !== '' ? input.department.trim() : null;
    const kind = input.kind ?? 'psa_target';
    if (code === '' || code.length > 40)
      problems.push({ field: at('code'), value: input.code ?? '', reason: 'is required: the code, e.g. PSA 18' });
    else if (seen.has(code)) problems.push({ field: at('code'), value: code, reason: 'appears twice in the file' });
    seen.add(code);
    if (wording === '' || wording.length > 1000)
      problems.push({
        field: at('wording'),
        value: input.wording ?? '',
        reason: 'is required: the wording, at most 1000 characters',
      });
    if (kind !== 'psa_target' && kind !== 'psa_standard')
      problems.push({ field: at('kind'), value: kind, reason: 'must be psa_target or psa_standard' });
    else if (code !== '' && wording !== '') out.push({ code, wording, department, kind });
  }
  return out;
}
