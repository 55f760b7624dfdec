/**
 * Councils' risk profiles: each council's score under the model in force, from the facts about its
 * figures, targets and deadlines and its open cases by rung, stored when its breakdown or the model's
 * version changed (so refreshing twice stores nothing new), with the history of its scores.
 */
import type { Clock } from '../../../platform/clock.ts';
import { inTransaction, type Executor } from '../../../platform/db/executor.ts';
// the gatherer's own file, not the cases' barrel: the trigger engine behind that barrel calls this service
import { gatherCouncilFacts } from '../cases/facts.service.ts';
import { type CouncilFacts, OPEN_CASE_STATES, type RiskBand, type RiskProfile, type Rung } from '../improvement.types.ts';
import { flaggedThemesOf, riskInputsOf, riskScore } from '../rules/index.ts';
import { toRiskProfile } from './assurance.mapper.ts';
import { currentRiskModel } from './risk-model.service.ts';
import { countOpenCasesByRung, findLatestProfileRows, findProfileHistoryRows, insertProfileRows } from './risk.repository.ts';

export type RiskProfileListing = RiskProfile & { areaName: string };

export interface RiskProfileHistory extends RiskProfileListing {
  /** every stored score, newest first */
  history: { computedAt: string; score: number; band: RiskBand; modelVersion: number }[];
}

const noCases = (): Record<Rung, number> => ({ 1: 0, 2: 0, 3: 0 });

/** What decides whether a profile is stored again: everything but when it was computed. */
const fingerprint = (p: Pick<RiskProfile, 'score' | 'band' | 'modelVersion' | 'components' | 'flaggedThemes' | 'inputs'>) =>
  JSON.stringify([p.score, p.band, p.modelVersion, p.components, p.flaggedThemes, p.inputs]);

/** Scores every council with facts (gathered unless given) and stores the profiles that changed. */
export async function refreshRiskProfiles(
  db: Executor,
  deps: { clock: Clock; facts?: CouncilFacts[] },
): Promise<{ changed: number }> {
  const now = deps.clock.now();
  const model = await currentRiskModel(db, deps);
  const facts = deps.facts ?? (await withProfiledCouncils(db, await gatherCouncilFacts(db, { clock: deps.clock })));
  const openCases = new Map<string, Record<Rung, number>>();
  for (const row of await countOpenCasesByRung(db, OPEN_CASE_STATES)) {
    const counts = openCases.get(row.body_id) ?? noCases();
    if (row.rung === 1 || row.rung === 2 || row.rung === 3) counts[row.rung] += row.n;
    openCases.set(row.body_id, counts);
  }
  return inTransaction(db, async (trx) => {
    const newest = new Map(
      (
        await findLatestProfileRows(
          trx,
          facts.map((f) => f.bodyId),
        )
      ).map((r) => [r.body_id, toRiskProfile(r)]),
    );
    const rows = [];
    for (const council of facts) {
      const inputs = riskInputsOf(council, openCases.get(council.bodyId) ?? noCases(), now);
      const breakdown = riskScore(inputs, model, flaggedThemesOf(council, now));
      const profile = { ...breakdown, inputs };
      const before = newest.get(council.bodyId);
      if (before && fingerprint(before) === fingerprint(profile)) continue;
      rows.push({
        body_id: council.bodyId,
        area_code: council.areaCode,
        computed_at: now.toISOString(),
        score: profile.score,
        band: profile.band,
        model_version: profile.modelVersion,
        inputs: JSON.stringify(profile.inputs),
        components: JSON.stringify(profile.components),
        flagged_themes: JSON.stringify(profile.flaggedThemes),
      });
    }
    await insertProfileRows(trx, rows);
    return { changed: rows.length };
  });
}

/**
 * A full refresh also scores again the councils with a stored profile that now have nothing to judge
 * (no figures, targets or deadlines), so no profile stays under an older model or an older count.
 */
async function withProfiledCouncils(db: Executor, gathered: CouncilFacts[]): Promise<CouncilFacts[]> {
  const known = new Set(gathered.map((f) => f.bodyId));
  const missing = (await findLatestProfileRows(db)).filter((r) => !known.has(r.body_id));
  return [
    ...gathered,
    ...missing.map((r) => ({
      bodyId: r.body_id,
      bodyName: r.body_name,
      areaCode: r.area_code,
      areaName: r.area_name,
      indicators: [],
      targets: [],
      deadlines: [],
    })),
  ];
}

/** The newest profile of each council, highest score first. */
export async function listRiskProfiles(db: Executor): Promise<RiskProfileListing[]> {
  return (await findLatestProfileRows(db)).map((r) => ({ ...toRiskProfile(r), areaName: r.area_name }));
}

/** A council's newest profile with the history of its scores. */
export async function getRiskProfile(db: Executor, bodyId: string): Promise<RiskProfileHistory | undefined> {
  const [latest] = await findLatestProfileRows(db, [bodyId]);
  if (!latest) return undefined;
  const history = (await findProfileHistoryRows(db, bodyId)).map((r) => ({
    computedAt: r.computed_at,
    score: Number(r.score),
    band: r.band as RiskBand,
    modelVersion: Number(r.model_version),
  }));
  return { ...toRiskProfile(latest), areaName: latest.area_name, history };
}
