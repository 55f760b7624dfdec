/**
 * The Local Area Agreement report: every target of the agreement with its outcome and theme, status,
 * owner, lead, sub-area coverage, national priority and stretch reward, in the agreement's order, and
 * the reward at stake: the sum of the rewards of the stretch targets not yet met (a target counts as
 * met when its latest assessment says so).
 */
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Actor } from '../accounts/index.ts';
import { getBody } from '../bodies/index.ts';
import { getIndicators } from '../indicators/index.ts';
import { getArea, getAreas } from '../places/index.ts';
import { itemStatuses } from './item-status.service.ts';
import type { PlanAccess } from './plan-access.ts';
import { refKey } from './plan-graph.ts';
import { loadPlan, todayOf, type NamedBody } from './plan-read.service.ts';
import type {
  Forecast,
  NationalPriority,
  Plan,
  PlanItem,
  PlanVersion,
  Status,
  StatusCounts,
  StretchReward,
  Target,
  TargetAssessment,
} from './plans.types.ts';
import { rollUp } from './rules/index.ts';
import { findNationalPriorityRows } from './status.repository.ts';
import { toNationalPriority } from './plans.mapper.ts';
import type { VersionChoice } from './versions.ts';

export interface LaaTargetRow {
  target: Target;
  indicatorTitle: string;
  theme: { key: string; title: string } | null;
  outcome: { key: string; title: string } | null;
  status: Status;
  assessment: TargetAssessment | null;
  forecast: Forecast | null;
  owner: NamedBody;
  area: { code: string; name: string };
  /** the sub-areas covered; empty when the whole area */
  coverage: { code: string; name: string }[];
  nationalPriority: NationalPriority | null;
  stretch: StretchReward | null;
  /** the stretch reward still to be earned: its amount while the target is not met, else 0 */
  rewardAtStake: number;
}

export interface LaaReport {
  plan: Plan;
  version: PlanVersion;
  on: string;
  owner: NamedBody;
  area: { code: string; name: string } | null;
  partners: NamedBody[];
  rows: LaaTargetRow[];
  status: Status;
  counts: StatusCounts;
  stretch: { targets: number; met: number; rewardTotal: number; rewardAtStake: number };
  access: PlanAccess;
}

export async function laaReport(
  db: Executor,
  actor: Actor | null,
  planId: string,
  choice: VersionChoice,
  deps: { clock: Clock },
): Promise<LaaReport> {
  return targetReport(db, actor, planId, choice, deps, { agreementsOnly: true });
}

/** The targets of any plan (a strategy's or a service plan's too), as the report lists an agreement's. */
export async function planTargets(
  db: Executor,
  actor: Actor | null,
  planId: string,
  choice: VersionChoice,
  deps: { clock: Clock },
): Promise<LaaReport> {
  return targetReport(db, actor, planId, choice, deps, { agreementsOnly: false });
}

async function targetReport(
  db: Executor,
  actor: Actor | null,
  planId: string,
  choice: VersionChoice,
  deps: { clock: Clock },
  opts: { agreementsOnly: boolean },
): Promise<LaaReport> {
  const loaded = await loadPlan(db, actor, planId, choice, deps);
  if (opts.agreementsOnly && loaded.plan.kind !== 'laa')
    throw new NotFoundError(`${loaded.version.title} is not a Local Area Agreement`, [
      { field: 'plan', value: planId, reason: 'has no Local Area Agreement report: it is not an agreement' },
    ]);
  const byKey = new Map(loaded.items.map((i) => [i.key, i]));
  const targets = orderedTargets(loaded.items);
  const statuses = await itemStatuses(
    db,
    targets.map((item) => ({ planId, item })),
    todayOf(deps.clock),
    { forecasts: true },
  );
  const indicators = await getIndicators(db, [...new Set(targets.map((t) => t.indicatorCode))]);
  const areas = await getAreas(db, [...new Set(targets.flatMap((t) => [t.areaCode, ...t.coverageAreaCodes]))]);
  const named = (code: string) => ({ code, name: areas.get(code)?.name ?? code });
  const codes = [...new Set(targets.map((t) => t.nationalPriorityCode).filter((c): c is string => c !== null))];
  const priorities = new Map((await findNationalPriorityRows(db, codes)).map((r) => [r.code, toNationalPriority(r)]));
  const bodies = new Map<string, NamedBody>();
  const body = async (id: string) => {
    if (!bodies.has(id)) bodies.set(id, { id, name: (await getBody(db, id))?.name ?? id });
    return bodies.get(id)!;
  };
  const rows: LaaTargetRow[] = [];
  for (const t of targets) {
    const s = statuses.get(refKey({ planId, key: t.key }))!;
    const outcome = t.parentKey ? byKey.get(t.parentKey) : undefined;
    const theme = outcome?.parentKey ? byKey.get(outcome.parentKey) : undefined;
    const met = s.assessment?.targetMet ?? false;
    rows.push({
      target: t,
      indicatorTitle: indicators.get(t.indicatorCode)?.title ?? t.indicatorCode,
      theme: theme ? { key: theme.key, title: theme.title } : null,
      outcome: outcome ? { key: outcome.key, title: outcome.title } : null,
      status: s.status,
      assessment: s.assessment,
      forecast: s.forecast,
      owner: await body(t.ownerBodyId),
      area: named(t.areaCode),
      coverage: t.coverageAreaCodes.map(named),
      nationalPriority: t.nationalPriorityCode ? (priorities.get(t.nationalPriorityCode) ?? null) : null,
      stretch: t.stretch,
      rewardAtStake: t.targetKind === 'stretch' && !met ? (t.stretch?.amountGbp ?? 0) : 0,
    });
  }
  const stretchRows = rows.filter((r) => r.target.targetKind === 'stretch');
  const partners: NamedBody[] = [];
  for (const id of loaded.version.partnerBodyIds) partners.push(await body(id));
  const area = loaded.plan.areaCode ? await getArea(db, loaded.plan.areaCode) : undefined;
  return {
    plan: loaded.plan,
    version: loaded.version,
    on: loaded.on,
    owner: await body(loaded.plan.ownerBodyId),
    area: loaded.plan.areaCode ? { code: loaded.plan.areaCode, name: area?.name ?? loaded.plan.areaCode } : null,
    partners,
    rows,
    ...rollUp(rows.map((r) => r.status)),
    stretch: {
      targets: stretchRows.length,
      met: stretchRows.filter((r) => r.assessment?.targetMet).length,
      rewardTotal: stretchRows.reduce((sum, r) => sum + (r.stretch?.amountGbp ?? 0), 0),
      rewardAtStake: stretchRows.reduce((sum, r) => sum + r.rewardAtStake, 0),
    },
    access: loaded.access,
  };
}

/** The targets in the agreement's order: depth first through themes and outcomes by position. */
function orderedTargets(items: readonly PlanItem[]): Target[] {
  const out: Target[] = [];
  const visit = (parentKey: string | null) => {
    for (const item of items.filter((i) => i.parentKey === parentKey)) {
      if (item.kind === 'target') out.push(item);
      visit(item.key);
    }
  };
  visit(null);
  return out;
}
