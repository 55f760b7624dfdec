/** Reading plans: the list, one plan's version (in force on a date, by number, or the draft) with its items. */
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Actor } from '../accounts/index.ts';
import { getBody } from '../bodies/index.ts';
import { getArea } from '../places/index.ts';
import { findItemRows } from './item.repository.ts';
import { planAccess, type PlanAccess } from './plan-access.ts';
import { findPlanRow, findVersionRows, listPlanRows } from './plan.repository.ts';
import { groupVersions, itemsOf, toNationalPriority, toPlan, toVersion } from './plans.mapper.ts';
import type { NationalPriority, Plan, PlanItem, PlanKind, PlanVersion, Target } from './plans.types.ts';
import { findNationalPriorityRows } from './status.repository.ts';
import { chooseVersion, draftOf, inForceOn, visibleVersions, type VersionChoice } from './versions.ts';

export interface NamedBody {
  id: string;
  name: string;
}

export interface PlanListing {
  plan: Plan;
  owner: NamedBody;
  area: { code: string; name: string } | null;
  /** the version in force on the date asked (today by default); null when none was */
  inForce: PlanVersion | null;
  /** the latest published version (it may come into force later than the date asked) */
  latestPublished: PlanVersion | null;
  /** the draft, for those who may see drafts */
  draft: PlanVersion | null;
  /** the versions the reader may see */
  versionCount: number;
}

export interface PlanListQuery {
  kind?: PlanKind;
  ownerBodyId?: string;
  /** YYYY-MM-DD: which version counts as in force (default today) */
  on?: string;
}

export interface PlanView {
  plan: Plan;
  owner: NamedBody;
  area: { code: string; name: string } | null;
  partners: NamedBody[];
  /** the version shown */
  version: PlanVersion;
  /** the date the version was chosen for (today when a number or the draft was asked for) */
  on: string;
  /** every version the reader may see, oldest first */
  versions: PlanVersion[];
  /** the version in force on `on`, which may be another than the one shown */
  inForce: PlanVersion | null;
  items: PlanItem[];
  /** the national priorities its national targets are linked to */
  nationalPriorities: NationalPriority[];
  access: PlanAccess;
}

export function todayOf(clock: Clock): string {
  return clock.now().toISOString().slice(0, 10);
}

/** Plans the reader may see (any published version, or drafts for those who may see them), by id. */
export async function listPlans(
  db: Executor,
  actor: Actor | null,
  query: PlanListQuery,
  deps: { clock: Clock },
): Promise<PlanListing[]> {
  const on = query.on ?? todayOf(deps.clock);
  const plans = (await listPlanRows(db, query)).map(toPlan);
  const versions = groupVersions(
    await findVersionRows(
      db,
      plans.map((p) => p.id),
    ),
  );
  const out: PlanListing[] = [];
  for (const plan of plans) {
    const all = versions.get(plan.id) ?? [];
    const access = await planAccess(db, actor, plan);
    const visible = visibleVersions(all, access.mayReadDrafts);
    if (visible.length === 0) continue;
    const published = all.filter((v) => v.state === 'published');
    out.push({
      plan,
      ...(await placeOf(db, plan)),
      inForce: inForceOn(all, on),
      latestPublished: published[published.length - 1] ?? null,
      draft: access.mayReadDrafts ? draftOf(all) : null,
      versionCount: visible.length,
    });
  }
  return out;
}

/** One plan as of a date (the version in force), a version by number, or its draft, with its items. */
export async function getPlan(
  db: Executor,
  actor: Actor | null,
  planId: string,
  choice: VersionChoice,
  deps: { clock: Clock },
): Promise<PlanView> {
  const loaded = await loadPlan(db, actor, planId, choice, deps);
  const { plan, version, versions, access } = loaded;
  const targets = loaded.items.filter((i): i is Target => i.kind === 'target');
  const codes = [...new Set(targets.map((t) => t.nationalPriorityCode).filter((c): c is string => c !== null))];
  const partners: NamedBody[] = [];
  for (const id of version.partnerBodyIds) partners.push({ id, name: (await getBody(db, id))?.name ?? id });
  return {
    plan,
    ...(await placeOf(db, plan)),
    partners,
    version,
    on: loaded.on,
    versions: visibleVersions(versions, access.mayReadDrafts),
    inForce: inForceOn(versions, loaded.on),
    items: loaded.items,
    nationalPriorities: (await findNationalPriorityRows(db, codes)).map(toNationalPriority),
    access,
  };
}

export interface LoadedPlan {
  plan: Plan;
  version: PlanVersion;
  versions: PlanVersion[];
  items: PlanItem[];
  on: string;
  access: PlanAccess;
}

/** The plan, the version chosen, its items and what the reader may do; NotFound for an unknown plan or one they may not see. */
export async function loadPlan(
  db: Executor,
  actor: Actor | null,
  planId: string,
  choice: VersionChoice,
  deps: { clock: Clock },
): Promise<LoadedPlan> {
  const row = await findPlanRow(db, planId);
  if (!row) throw noSuchPlan(planId);
  const plan = toPlan(row);
  const versions = (await findVersionRows(db, [plan.id])).map(toVersion);
  const access = await planAccess(db, actor, plan);
  if (visibleVersions(versions, access.mayReadDrafts).length === 0) throw noSuchPlan(planId);
  const today = todayOf(deps.clock);
  const titled = versions[versions.length - 1]?.title ?? plan.id;
  const version = chooseVersion(titled, versions, choice, today, access.mayReadDrafts);
  const items = itemsOf(await findItemRows(db, [version.id]), plan.id);
  return {
    plan,
    version,
    versions,
    items,
    on: choice.version === undefined && !choice.draft ? (choice.on ?? today) : today,
    access,
  };
}

export function noSuchPlan(planId: string): NotFoundError {
  return new NotFoundError(`No plan has the id ${planId}`, [{ field: 'plan', value: planId, reason: 'is not a known plan' }]);
}

async function placeOf(db: Executor, plan: Plan): Promise<Pick<PlanView, 'owner' | 'area'>> {
  const owner = await getBody(db, plan.ownerBodyId);
  const area = plan.areaCode ? await getArea(db, plan.areaCode) : undefined;
  return {
    owner: { id: plan.ownerBodyId, name: owner?.name ?? plan.ownerBodyId },
    area: plan.areaCode ? { code: plan.areaCode, name: area?.name ?? plan.areaCode } : null,
  };
}

/** Every national priority, by code. */
export async function listNationalPriorities(db: Executor): Promise<NationalPriority[]> {
  return (await findNationalPriorityRows(db)).map(toNationalPriority);
}
