/** What a plan's page shows, read through the plans services: the version chosen, and its thread or its agreement's targets. */
import type { Clock } from '../../../../platform/clock.ts';
import type { Executor } from '../../../../platform/db/executor.ts';
import { NotFoundError } from '../../../../platform/errors.ts';
import type { Actor } from '../../../accounts/index.ts';
import { getIndicators } from '../../../indicators/index.ts';
import {
  getPlan,
  goldenThread,
  laaReport,
  type GoldenThread,
  type LaaReport,
  type PlanView,
  type ThreadNode,
  type VersionChoice,
} from '../../index.ts';
import type { Indicators } from '../plan-common/figures.ts';

export interface PlanPageData {
  view: PlanView;
  /** a strategy's or service plan's thread */
  thread: GoldenThread | null;
  /** an agreement's targets */
  report: LaaReport | null;
  indicators: Indicators;
  today: string;
}

type Deps = { clock: Clock };

function targetCodes(nodes: readonly ThreadNode[], into: Set<string>): Set<string> {
  for (const n of nodes) {
    if (n.item.kind === 'target') into.add(n.item.indicatorCode);
    targetCodes(n.children, into);
  }
  return into;
}

/**
 * Reads with the version asked for; with nothing asked and no version in force today (the first is
 * yet to come into force, or there is only a draft), with the latest version the reader may see.
 */
export async function withVersion<T>(
  db: Executor,
  actor: Actor | null,
  planId: string,
  choice: VersionChoice,
  deps: Deps,
  read: (choice: VersionChoice) => Promise<T>,
): Promise<T> {
  const asked = choice.on !== undefined || choice.version !== undefined || choice.draft === true;
  try {
    return await read(choice);
  } catch (error) {
    if (asked || !(error instanceof NotFoundError)) throw error;
    const { versions } = await getPlan(db, actor, planId, { version: 1 }, deps).catch(() => ({ versions: [] }));
    const latest = versions.filter((v) => v.state === 'published').pop() ?? versions[versions.length - 1];
    if (!latest) throw error;
    return read(latest.state === 'draft' ? { draft: true } : { version: latest.number });
  }
}

export const todayOf = (deps: Deps): string => deps.clock.now().toISOString().slice(0, 10);

/** The plan's version (as `withVersion` chooses it), without its thread. */
export async function loadPlanView(db: Executor, actor: Actor | null, planId: string, choice: VersionChoice, deps: Deps) {
  return withVersion(db, actor, planId, choice, deps, (c) => getPlan(db, actor, planId, c, deps));
}

export async function loadPlanPage(
  db: Executor,
  actor: Actor | null,
  planId: string,
  choice: VersionChoice,
  deps: Deps,
): Promise<PlanPageData> {
  return withVersion(db, actor, planId, choice, deps, async (c) => {
    const view = await getPlan(db, actor, planId, c, deps);
    const laa = view.plan.kind === 'laa';
    const thread = laa ? null : await goldenThread(db, actor, planId, c, deps);
    const report = laa ? await laaReport(db, actor, planId, c, deps) : null;
    const codes = thread ? targetCodes(thread.nodes, new Set()) : new Set(report?.rows.map((r) => r.target.indicatorCode));
    return { view, thread, report, indicators: await getIndicators(db, [...codes]), today: todayOf(deps) };
  });
}
