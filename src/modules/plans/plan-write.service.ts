/**
 * Changing plans through forms and the API, each change in one transaction with its audit event:
 * a new plan; a draft's fields; an item put into (added or replaced by key) or removed from a draft.
 * Published versions are never changed (publishing and revising: plan-publish.service.ts).
 */
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Executor } from '../../platform/db/executor.ts';
import { ConflictError, NotFoundError, type ProblemDetail } from '../../platform/errors.ts';
import { type Actor, requirePermission } from '../accounts/index.ts';
import { CheckLookups } from './check-lookups.ts';
import { FieldReader } from './field-reader.ts';
import { checkItems, checkPlanInput, withPositions, type KeysOfPlan } from './plan-check.ts';
import { applyPlan, decidePlan } from './plan-apply.ts';
import { planScope } from './plan-access.ts';
import { MAX_TEXT, type ItemInput, type PlanContent, type PlanInput } from './plan-input.ts';
import { parsePeriod } from '../periods/index.ts';
import {
  appendProgress,
  progressToAppend,
  recordedVersions,
  refusal,
  replaceDraftContent,
  ruleChangesFor,
  today,
  versionContent,
  writeRuleChanges,
  type RecordedVersions,
} from './plan-store.ts';
import { audit, itemSubject, planSubject } from './plans-audit.ts';
import type { Plan, PlanItem, PlanVersion } from './plans.types.ts';

interface Deps {
  clock: Clock;
}

export interface PlanWritten {
  plan: Plan;
  version: PlanVersion;
}

/** A new plan (version 1: a draft, or published when the input says publish with a date). */
export async function createPlan(db: Executor, actor: Actor, input: PlanInput, deps: Deps): Promise<PlanWritten> {
  const id = typeof input.id === 'string' ? input.id.trim() : '';
  if (id && (await recordedVersions(db, id)))
    throw new ConflictError(`A plan with the id ${id} is already recorded`, [{ field: 'id', value: id, reason: 'is taken' }]);
  if (typeof input.owner === 'string' && input.owner.trim() !== '')
    requirePermission(actor, 'edit_plan', await planScope(db, input.owner.trim()));
  const problems: ProblemDetail[] = [];
  const lookups = new CheckLookups(db);
  const keysOf: KeysOfPlan = async (planId) => (await lookups.recordedPlan(planId))?.keys ?? null;
  const checked = await checkPlanInput(input, {}, { lookups, fileNationalPriorities: new Set(), keysOf }, problems);
  if (!checked) throw refusal('The plan cannot be created', problems);
  requirePermission(actor, 'edit_plan', await planScope(db, checked.ownerBodyId));
  return inTransaction(db, async (trx) => {
    const decision = await decidePlan(
      trx,
      checked,
      { actor, clock: deps.clock, fileName: 'the form', publishAll: false },
      problems,
    );
    if (!decision) throw refusal('The plan cannot be created', problems);
    await applyPlan(trx, decision, { actor, clock: deps.clock, fileName: 'the form' });
    const recorded = (await recordedVersions(trx, id))!;
    return { plan: recorded.plan, version: recorded.versions[0]! };
  });
}

/** The plan and its draft, for a change the actor may make; NotFound or Conflict (no draft) otherwise. */
export async function draftToChange(
  db: Executor,
  actor: Actor,
  planId: string,
): Promise<RecordedVersions & { draft: PlanVersion }> {
  const recorded = await recordedVersions(db, planId);
  if (!recorded)
    throw new NotFoundError(`No plan has the id ${planId}`, [{ field: 'plan', value: planId, reason: 'is not a known plan' }]);
  requirePermission(actor, 'edit_plan', await planScope(db, recorded.plan.ownerBodyId));
  if (!recorded.draft)
    throw new ConflictError(`${recorded.latestPublished?.title ?? planId} has no draft: start a revision to change it`, [
      { field: 'plan', value: planId, reason: 'has no draft; published versions are never changed' },
    ]);
  return recorded as RecordedVersions & { draft: PlanVersion };
}

export interface DraftChanges {
  title?: unknown;
  vision?: unknown;
  coversFrom?: unknown;
  coversTo?: unknown;
  partners?: unknown;
  disclaimer?: unknown;
}

/** Changes the draft's own fields (not its items); a field left out keeps its value. */
export async function updateDraft(
  db: Executor,
  actor: Actor,
  planId: string,
  changes: DraftChanges,
  deps: Deps,
): Promise<PlanVersion> {
  const recorded = await draftToChange(db, actor, planId);
  const content = await versionContent(db, recorded.draft);
  const problems: ProblemDetail[] = [];
  const next = await draftFields(db, recorded, content, changes, problems);
  if (problems.length > 0) throw refusal('The draft cannot be changed', problems);
  return inTransaction(db, async (trx) => {
    await replaceDraftContent(trx, recorded.draft, next);
    await audit(
      trx,
      actor,
      {
        action: 'plan.draft_update',
        subject: planSubject(planId),
        bodyId: recorded.plan.ownerBodyId,
        before: fieldsOf(content),
        after: fieldsOf(next),
        summary: `Changed the draft (version ${recorded.draft.number}) of ${next.title}`,
      },
      deps.clock,
    );
    return (await recordedVersions(trx, planId))!.draft!;
  });
}

const fieldsOf = ({ items: _items, ...fields }: PlanContent) => fields;

async function draftFields(
  db: Executor,
  recorded: RecordedVersions,
  content: PlanContent,
  changes: DraftChanges,
  problems: ProblemDetail[],
): Promise<PlanContent> {
  const r = new FieldReader(changes as Record<string, unknown>, {}, problems);
  r.refuseOthers(['title', 'vision', 'coversFrom', 'coversTo', 'partners', 'disclaimer']);
  const next = { ...content };
  if ('title' in changes) next.title = r.text('title', { required: true, max: MAX_TEXT.title }) ?? content.title;
  if ('vision' in changes) next.vision = r.text('vision', { max: MAX_TEXT.text });
  if ('disclaimer' in changes) next.disclaimer = r.text('disclaimer', { max: MAX_TEXT.text });
  for (const field of ['coversFrom', 'coversTo'] as const) {
    if (!(field in changes)) continue;
    const v = changes[field];
    if (v === null || v === undefined || v === '') next[field] = null;
    else {
      const parsed = parsePeriod(String(v));
      if (parsed.ok) next[field] = parsed.period.key;
      else r.report(field, v, parsed.reason);
    }
  }
  if ('partners' in changes) {
    const lookups = new CheckLookups(db);
    next.partnerBodyIds = [];
    for (const [i, p] of r.list('partners').entries()) {
      if (typeof p === 'string' && (await lookups.bodyExists(p.trim()))) next.partnerBodyIds.push(p.trim());
      else r.report(`partners[${i}]`, p, 'is not a known body');
    }
    if (next.partnerBodyIds.length > 0 && recorded.plan.kind !== 'laa')
      r.report('partners', changes.partners, 'only a Local Area Agreement has partner bodies');
  }
  return next;
}

/** Adds an item to the draft, or replaces the item with the same key (keeping its place among its siblings). */
export async function putItem(db: Executor, actor: Actor, planId: string, input: ItemInput, deps: Deps): Promise<PlanItem> {
  const recorded = await draftToChange(db, actor, planId);
  const content = await versionContent(db, recorded.draft);
  const problems: ProblemDetail[] = [];
  const lookups = new CheckLookups(db);
  const keysOf: KeysOfPlan = async (id) => (await lookups.recordedPlan(id))?.keys ?? null;
  const ctx = {
    lookups,
    ownerBodyId: recorded.plan.ownerBodyId,
    areaCode: recorded.plan.areaCode,
    fileNationalPriorities: new Set<string>(),
  };
  const checked = await checkItems(planId, [{ input, place: {} }], ctx, keysOf, problems, content.items);
  const item = checked?.items[0];
  if (!checked || !item) throw refusal('The item cannot be saved', problems);
  const before = content.items.find((i) => i.key === item.key) ?? null;
  const items = before
    ? content.items.map((i) => (i.key === item.key ? { ...item, position: i.position } : i))
    : [...content.items, { ...item, position: Number.MAX_SAFE_INTEGER }];
  const next = { ...content, items: withPositions(reparented(items)) };
  return inTransaction(db, async (trx) => {
    await replaceDraftContent(trx, recorded.draft, next);
    const who = { actor, clock: deps.clock };
    await writeRuleChanges(
      trx,
      planId,
      await ruleChangesFor(trx, planId, [item], checked.tolerances, today(who)),
      who,
      'changed with the item',
    );
    await appendProgress(trx, planId, await progressToAppend(trx, planId, checked.progress), who);
    const saved = next.items.find((i) => i.key === item.key)!;
    await audit(
      trx,
      actor,
      {
        action: 'plan_item.put',
        subject: itemSubject(planId, item.key),
        bodyId: recorded.plan.ownerBodyId,
        indicatorCode: saved.kind === 'target' ? saved.indicatorCode : null,
        before,
        after: saved,
        summary: `${before ? 'Changed' : 'Added'} the ${saved.kind} ${saved.key} (${saved.title}) in the draft of ${content.title}`,
      },
      deps.clock,
    );
    return saved;
  });
}

/** Items in sibling order, so that positions are given in the order the draft shows them. */
function reparented(items: readonly PlanItem[]): PlanItem[] {
  return [...items].sort((a, b) => a.position - b.position);
}

/** Removes an item from the draft; one with items under it is refused until they are moved or removed. */
export async function removeItem(db: Executor, actor: Actor, planId: string, key: string, deps: Deps): Promise<void> {
  const recorded = await draftToChange(db, actor, planId);
  const content = await versionContent(db, recorded.draft);
  const item = content.items.find((i) => i.key === key);
  if (!item)
    throw new NotFoundError(`The draft of ${content.title} has no item ${key}`, [
      { field: 'key', value: key, reason: 'is not an item of the draft' },
    ]);
  const under = content.items.filter((i) => i.parentKey === key);
  if (under.length > 0) {
    const keys = under.map((i) => i.key).join(', ');
    throw new ConflictError(`The ${item.kind} ${key} has items under it (${keys}): move or remove them first`, [
      { field: 'key', value: key, reason: `has items under it (${keys})` },
    ]);
  }
  await inTransaction(db, async (trx) => {
    await replaceDraftContent(trx, recorded.draft, {
      ...content,
      items: withPositions(content.items.filter((i) => i.key !== key)),
    });
    await audit(
      trx,
      actor,
      {
        action: 'plan_item.remove',
        subject: itemSubject(planId, key),
        bodyId: recorded.plan.ownerBodyId,
        before: item,
        summary: `Removed the ${item.kind} ${key} (${item.title}) from the draft of ${content.title}`,
      },
      deps.clock,
    );
  });
}
