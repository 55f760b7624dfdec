/** What the start page needs from the modules below: the latest figures published. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../../platform/db/schema.ts';
import { latestPeriodWithData, listImportBatches } from '../../../data/index.ts';
import { listIndicators, type IndicatorDefinition } from '../../../indicators/index.ts';
import type { Period } from '../../../periods/index.ts';

/** How many indicators' latest periods are looked up (the catalogue in code order). */
const INDICATORS_LOOKED_AT = 50;

export interface LatestFigures {
  indicator: IndicatorDefinition;
  period: Period;
}

export interface StartPageData {
  /** When figures were last imported, if ever (ISO instant). */
  lastImportedAt: string | undefined;
  latest: LatestFigures[];
  indicatorCount: number;
}

export async function loadStartPage(db: Kysely<Database>): Promise<StartPageData> {
  const batches = await listImportBatches(db, { limit: 1, offset: 0 });
  const catalogue = await listIndicators(db, { limit: INDICATORS_LOOKED_AT, offset: 0 });
  const latest: LatestFigures[] = [];
  for (const indicator of catalogue.items) {
    const period = await latestPeriodWithData(db, indicator.code);
    if (period) latest.push({ indicator, period });
  }
  return { lastImportedAt: batches.items[0]?.importedAt, latest, indicatorCount: catalogue.total };
}
