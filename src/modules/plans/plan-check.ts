/**
 * Checking whole plans: a plan's own fields (a recorded plan keeps its kind, owner and area), then its
 * items, then how they hang together: keys unique, each parent in the plan and of the right kind
 * (theme > priority > target or action; a priority may stand alone), and every `serves` link to an
 * item of another plan (in the same file, or recorded). Every problem is collected; nothing is written
 * while there is one.
 */
import type { ProblemDetail } from '../../platform/errors.ts';
import { parsePeriod } from '../periods/index.ts';
import type { CheckLookups } from './check-lookups.ts';
import { FieldReader } from './field-reader.ts';
import { checkItem, type ItemContext, type ItemSkeleton } from './item-check.ts';
import {
  MAX_ITEMS_PER_PLAN,
  MAX_TEXT,
  problemAt,
  type CheckedPlan,
  type ItemAt,
  type PlanInput,
  type Place,
  type ProgressReport,
  type Tolerance,
} from './plan-input.ts';
import { PLAN_KINDS, type ItemKind, type PlanItem, type PlanKind } from './plans.types.ts';

export const PLAN_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;
const PLAN_FIELDS = [
  'id',
  'kind',
  'owner',
  'area',
  'title',
  'vision',
  'coversFrom',
  'coversTo',
  'inForceFrom',
  'publish',
  'changeNote',
  'partners',
  'disclaimer',
  'items',
  'note',
];

/** What `serves` links may point at: the keys of the plans in the same file, else of recorded plans. */
export type KeysOfPlan = (planId: string) => Promise<Map<string, ItemKind> | null>;

export interface PlanCheckContext {
  lookups: CheckLookups;
  fileNationalPriorities: ReadonlySet<string>;
  keysOf: KeysOfPlan;
}

/** A plan as a file gives it; null when it has problems (each recorded). */
export async function checkPlanInput(
  input: PlanInput,
  place: Place,
  ctx: PlanCheckContext,
  problems: ProblemDetail[],
): Promise<CheckedPlan | null> {
  const before = problems.length;
  const r = new FieldReader(input, place, problems);
  r.refuseOthers(PLAN_FIELDS);
  const id = r.text('id', { required: true, max: 100 });
  if (id !== null && !PLAN_ID_PATTERN.test(id)) r.report('id', id, 'must be lower-case letters, digits and dashes');
  const recorded = id !== null && PLAN_ID_PATTERN.test(id) ? await ctx.lookups.recordedPlan(id) : null;
  const kind = recorded ? sameAs(r, 'kind', recorded.row.kind) : r.oneOf('kind', PLAN_KINDS, null);
  const ownerBodyId = recorded
    ? sameAs(r, 'owner', recorded.row.owner_body_id)
    : await knownBody(r, 'owner', r.text('owner', { required: true, max: 200 }), ctx);
  const areaCode = recorded ? sameAs(r, 'area', recorded.row.area_code) : await knownArea(r, r.text('area', { max: 20 }), ctx);
  const title = r.text('title', { required: true, max: MAX_TEXT.title });
  const vision = r.text('vision', { max: MAX_TEXT.text });
  const coversFrom = coverPeriod(r, 'coversFrom');
  const coversTo = coverPeriod(r, 'coversTo');
  if (coversFrom && coversTo && coversTo.start < coversFrom.start)
    r.report('coversTo', coversTo.label, `must not come before coversFrom (${coversFrom.label})`);
  const inForceFrom = r.date('inForceFrom');
  const publish = r.bool('publish') ?? false;
  const changeNote = r.text('changeNote', { max: MAX_TEXT.text });
  const partnerBodyIds: string[] = [];
  for (const [i, p] of r.list('partners').entries()) {
    const known = await knownBody(r, `partners[${i}]`, typeof p === 'string' ? p.trim() : null, ctx);
    if (known) partnerBodyIds.push(known);
  }
  if (partnerBodyIds.length > 0 && kind !== null && kind !== 'laa')
    r.report('partners', input.partners, 'only a Local Area Agreement has partner bodies');
  const disclaimer = r.text('disclaimer', { max: MAX_TEXT.text });
  const itemInputs = itemsOf(r);
  if (id === null || kind === null || ownerBodyId === null || title === null) return null;
  const itemCtx: ItemContext = {
    lookups: ctx.lookups,
    ownerBodyId,
    areaCode,
    fileNationalPriorities: ctx.fileNationalPriorities,
  };
  const items = await checkItems(
    id,
    itemInputs.map((input, i) => ({ input, place: { ...place, path: `${place.path ?? ''}.items[${i}]`.replace(/^\./, '') } })),
    itemCtx,
    ctx.keysOf,
    problems,
  );
  if (problems.length > before || !items) return null;
  return {
    id,
    kind: kind as PlanKind,
    ownerBodyId,
    areaCode,
    content: {
      title,
      vision,
      coversFrom: coversFrom?.key ?? null,
      coversTo: coversTo?.key ?? null,
      partnerBodyIds,
      disclaimer,
      items: items.items,
    },
    publish,
    inForceFrom,
    changeNote,
    tolerances: items.tolerances,
    progress: items.progress,
    place,
  };
}

function sameAs(r: FieldReader, field: string, recorded: string | null): string | null {
  const given = r.input[field];
  if (given !== undefined && given !== null && given !== '' && given !== recorded)
    r.report(field, given, `must stay ${recorded ?? 'empty'}: a recorded plan keeps its ${field === 'owner' ? 'owner' : field}`);
  return recorded;
}

async function knownBody(r: FieldReader, field: string, id: string | null, ctx: PlanCheckContext): Promise<string | null> {
  if (id === null) return null;
  if (await ctx.lookups.bodyExists(id)) return id;
  r.report(field, id, 'is not a known body');
  return null;
}

async function knownArea(r: FieldReader, code: string | null, ctx: PlanCheckContext): Promise<string | null> {
  if (code === null) return null;
  if (await ctx.lookups.areaExists(code)) return code;
  r.report('area', code, 'is not a known area');
  return null;
}

function coverPeriod(r: FieldReader, field: string) {
  const v = r.input[field];
  if (v === undefined || v === null || v === '') return null;
  const parsed = parsePeriod(String(v));
  if (!parsed.ok) r.report(field, v, parsed.reason);
  return parsed.ok ? parsed.period : null;
}

function itemsOf(r: FieldReader): Record<string, unknown>[] {
  const v = r.input.items;
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    r.report('items', v, 'must be a list of items');
    return [];
  }
  if (v.length > MAX_ITEMS_PER_PLAN) {
    r.report('items', v.length, `a plan holds at most ${MAX_ITEMS_PER_PLAN} items`);
    return [];
  }
  return v.map((item, i) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) return item as Record<string, unknown>;
    r.report(`items[${i}]`, item, 'must be an object');
    return {};
  });
}

export interface CheckedItems {
  items: PlanItem[];
  tolerances: Map<string, Tolerance>;
  progress: Map<string, ProgressReport>;
}

/**
 * Items checked one by one, then together with the plan's other items (those of a draft they are
 * put into, not replaced by them); positions follow the order among siblings.
 */
export async function checkItems(
  planId: string,
  inputs: readonly ItemAt[],
  ctx: ItemContext,
  keysOf: KeysOfPlan,
  problems: ProblemDetail[],
  others: readonly PlanItem[] = [],
): Promise<CheckedItems | null> {
  const before = problems.length;
  const checked: PlanItem[] = [];
  const skeletons: { item: ItemSkeleton; place: Place }[] = [];
  const tolerances = new Map<string, Tolerance>();
  const progress = new Map<string, ProgressReport>();
  for (const at of inputs) {
    const { checked: c, skeleton } = await checkItem(at, ctx, problems);
    if (skeleton) skeletons.push({ item: skeleton, place: at.place });
    if (!c) continue;
    checked.push(c.item);
    if (c.tolerance) tolerances.set(c.item.key, c.tolerance);
    if (c.progress) progress.set(c.item.key, c.progress);
  }
  const given = new Set(skeletons.map((s) => s.item.key));
  const kept = others.filter((o) => !given.has(o.key)).map((item) => ({ item: item as ItemSkeleton, place: {} }));
  await checkStructure(planId, [...skeletons, ...kept], keysOf, problems);
  if (problems.length > before) return null;
  return { items: withPositions(checked), tolerances, progress };
}

const ALLOWED_PARENT: Record<ItemKind, readonly (ItemKind | null)[]> = {
  theme: [null],
  priority: [null, 'theme'],
  target: ['priority'],
  action: ['priority'],
};

const PARENT_WORDS: Record<ItemKind, string> = {
  theme: 'a theme has no parent',
  priority: 'a priority sits under a theme, or stands alone',
  target: 'a target sits under a priority (an outcome)',
  action: 'an action sits under a priority',
};

/** Keys unique, parents of the right kind, serves links resolved (not to the plan itself). */
export async function checkStructure(
  planId: string,
  items: readonly { item: ItemSkeleton; place: Place }[],
  keysOf: KeysOfPlan,
  problems: ProblemDetail[],
): Promise<void> {
  const kinds = new Map<string, ItemKind>();
  for (const { item, place } of items) {
    if (kinds.has(item.key)) problems.push(problemAt(place, 'key', item.key, `appears twice in plan ${planId}`));
    else kinds.set(item.key, item.kind);
  }
  for (const { item, place } of items) {
    const parentKind = item.parentKey === null ? null : kinds.get(item.parentKey);
    if (item.parentKey !== null && parentKind === undefined)
      problems.push(problemAt(place, 'parent', item.parentKey, `is not the key of an item of plan ${planId}`));
    else if (!ALLOWED_PARENT[item.kind].includes(parentKind ?? null))
      problems.push(
        problemAt(
          place,
          'parent',
          item.parentKey ?? '',
          `${PARENT_WORDS[item.kind]}${parentKind ? `, not under a ${parentKind}` : ''}`,
        ),
      );
    for (const [i, ref] of item.serves.entries()) {
      const field = `serves[${i}]`;
      const value = `${ref.planId}#${ref.key}`;
      if (ref.planId === planId) {
        problems.push(problemAt(place, field, value, 'an item serves items of other plans; within a plan, use parent'));
        continue;
      }
      const keys = await keysOf(ref.planId);
      if (!keys) problems.push(problemAt(place, field, value, `${ref.planId} is not a known plan`));
      else if (!keys.has(ref.key)) problems.push(problemAt(place, field, value, `plan ${ref.planId} has no item ${ref.key}`));
    }
  }
}

/** Position 1, 2, … among the items with the same parent, in the order given. */
export function withPositions(items: readonly PlanItem[]): PlanItem[] {
  const next = new Map<string | null, number>();
  return items.map((item) => {
    const position = (next.get(item.parentKey) ?? 0) + 1;
    next.set(item.parentKey, position);
    return { ...item, position };
  });
}
