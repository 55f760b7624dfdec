/** The published scoring model: its versions, the first stored from the defaults the first time it is needed. */
import { type Clock, systemClock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import type { RiskModel } from '../improvement.types.ts';
import { DEFAULT_RISK_MODEL } from '../rules/index.ts';
import { toRiskModel } from './assurance.mapper.ts';
import { findLatestModelRow, findLatestModelVersion, findModelRows, insertFirstModelRow } from './risk.repository.ts';

export const DEFAULT_MODEL_AUTHOR = 'system: default model';

export type ModelContent = Pick<RiskModel, 'weights' | 'casePoints' | 'casePointsForFullShare' | 'bands'>;

export const contentOf = (m: ModelContent): ModelContent => ({
  weights: m.weights,
  casePoints: m.casePoints,
  casePointsForFullShare: m.casePointsForFullShare,
  bands: m.bands,
});

export const rowOf = (m: ModelContent, version: number, at: string, by: string, reason: string | null) => ({
  version,
  weights: JSON.stringify(m.weights),
  case_points: JSON.stringify(m.casePoints),
  case_points_for_full_share: m.casePointsForFullShare,
  bands: JSON.stringify(m.bands),
  created_at: at,
  created_by: by,
  reason,
});

/** The model in force: the newest version (the defaults, stored as version 1, when there is none). */
export async function currentRiskModel(db: Executor, deps: { clock?: Clock } = {}): Promise<RiskModel> {
  const latest = await findLatestModelRow(db);
  if (latest) return toRiskModel(latest);
  await insertFirstModelRow(
    db,
    rowOf(
      contentOf(DEFAULT_RISK_MODEL),
      1,
      (deps.clock ?? systemClock).now().toISOString(),
      DEFAULT_MODEL_AUTHOR,
      'The default model',
    ),
  );
  return toRiskModel((await findLatestModelRow(db))!);
}

/** Every version, oldest first. */
export async function riskModelVersions(db: Executor): Promise<RiskModel[]> {
  return (await findModelRows(db)).map(toRiskModel);
}

/** The newest model version stored, 0 before any: a change means every council is to be scored again. */
export async function latestRiskModelVersion(db: Executor): Promise<number> {
  return findLatestModelVersion(db);
}
