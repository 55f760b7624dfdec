/** The targets each council answers for, and the figures due from it. */
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { getIndicators } from '../../indicators/index.ts';
import { type JudgedTarget, judgedTargets } from '../../plans/index.ts';
import type { CouncilFacts, DeadlineFacts, IndicatorFacts, TargetFacts } from '../improvement.types.ts';
import { findDeadlineRows, findFirstPublished, publishedKey } from './deadline-facts.repository.ts';
import type { Council } from './facts.service.ts';

type CouncilTarget = CouncilFacts['targets'][number];

/**
 * A target is a council's when its area is the council's, or its plan is owned by the council or by
 * a partnership (an LSP) the council is the accountable body of.
 */
export async function gatherTargets(
  db: Executor,
  councils: readonly Council[],
  clock: Clock,
): Promise<Map<string, CouncilTarget[]>> {
  const byArea = new Map<string, string[]>();
  for (const c of councils) byArea.set(c.areaCode, [...(byArea.get(c.areaCode) ?? []), c.bodyId]);
  const known = new Set(councils.map((c) => c.bodyId));
  const out = new Map<string, CouncilTarget[]>();
  for (const t of await judgedTargets(db, { clock })) {
    const owners = new Set([
      ...(byArea.get(t.target.areaCode) ?? []),
      ...[t.planOwnerBodyId, ...t.accountableBodyIds].filter((b) => known.has(b)),
    ]);
    if (owners.size === 0) continue;
    const facts = targetFacts(t);
    for (const bodyId of owners) out.set(bodyId, [...(out.get(bodyId) ?? []), facts]);
  }
  return out;
}

function targetFacts(t: JudgedTarget): CouncilTarget {
  const facts: TargetFacts = {
    planId: t.planId,
    targetKey: t.target.key,
    title: t.target.title,
    indicatorCode: t.target.indicatorCode,
    areaCode: t.target.areaCode,
    judgements: t.judgements.map((j) => ({
      period: j.period!,
      status: j.status,
      reason: j.reason,
      actual: j.actual,
      expected: j.expected === null ? null : 'value' in j.expected ? j.expected.value : (j.expected.low + j.expected.high) / 2,
      ruleVersion: j.ruleVersion,
      assessedAt: j.assessedAt,
    })),
  };
  return { ...facts, ownerBodyId: t.target.ownerBodyId };
}

/**
 * The figures due from each council: deadlines set for the council itself, and general deadlines
 * for indicators it has published figures for before (a council is not late with what it never supplies).
 */
export async function gatherDeadlines(
  db: Executor,
  councils: readonly Council[],
  indicators: Map<string, IndicatorFacts[]>,
): Promise<Map<string, DeadlineFacts[]>> {
  const rows = await findDeadlineRows(db);
  const out = new Map<string, DeadlineFacts[]>();
  if (rows.length === 0) return out;
  const definitions = await getIndicators(db, [...new Set(rows.map((r) => r.indicator_code))]);
  const published = await findFirstPublished(
    db,
    rows.map((r) => ({ indicator: r.indicator_code, period: r.period })),
    councils.map((c) => c.areaCode),
  );
  for (const c of councils) {
    const own = indicators.get(c.areaCode) ?? [];
    const titles = new Map(own.map((i) => [i.indicatorCode, i.indicatorTitle]));
    const mine = rows.filter((r) => r.body_id === c.bodyId);
    const ownKeys = new Set(mine.map((r) => `${r.indicator_code}\u0000${r.period}`));
    const general = rows.filter(
      (r) => r.body_id === null && titles.has(r.indicator_code) && !ownKeys.has(`${r.indicator_code}\u0000${r.period}`),
    );
    const due = [...mine, ...general].map((r) => ({
      indicatorCode: r.indicator_code,
      indicatorTitle: titles.get(r.indicator_code) ?? definitions.get(r.indicator_code)?.title ?? r.indicator_code,
      period: r.period,
      dueDate: r.due_date,
      receivedAt: published.get(publishedKey(r.indicator_code, c.areaCode, r.period)) ?? null,
    }));
    if (due.length > 0) out.set(c.bodyId, due);
  }
  return out;
}
