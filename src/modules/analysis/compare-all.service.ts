/** Ranks and quartiles of every current area of one type, for one indicator and period. */
import { AREA_TYPES, getAreas, listAreaCodesByType, type AreaType } from '../places/index.ts';
import { periodFromKey, type Period } from '../periods/index.ts';
import { ValidationError } from '../../platform/errors.ts';
import { rankFigures, type RankedFigure } from './comparison.ts';
import { describeDistance, type DistanceWords } from './distance-words.ts';
import type { Executor } from './executor.ts';
import { figuresForMany } from './period-figures.service.ts';
import { summariseIndicator, type IndicatorSummary } from './indicator-summary.ts';
import { pluralOf } from './area-types.ts';
import { requireIndicator, requirePeriodKey } from './rollup.service.ts';
import type { GroupSummary } from './statistics.ts';

export interface CompareAllQuery {
  indicator: string;
  period: string;
  areaType: AreaType;
}

export interface AllAreasRow extends RankedFigure {
  areaName: string;
  distance: DistanceWords;
}

export interface AllAreasComparison {
  indicator: IndicatorSummary;
  period: Period;
  areaType: AreaType;
  judged: boolean;
  summary: GroupSummary;
  rows: AllAreasRow[];
}

export async function compareAll(db: Executor, q: CompareAllQuery): Promise<AllAreasComparison> {
  if (!(AREA_TYPES as readonly string[]).includes(q.areaType)) {
    throw new ValidationError(`${q.areaType} is not an area type`, [
      { field: 'areaType', value: q.areaType, reason: `expected one of ${AREA_TYPES.join(', ')}` },
    ]);
  }
  const def = await requireIndicator(db, q.indicator);
  const period = periodFromKey(requirePeriodKey(q.period));
  const codes = await listAreaCodesByType(db, [q.areaType]);
  const figures = await figuresForMany(db, def, period.key, codes);
  const names = await getAreas(db, codes);
  const ranking = rankFigures(
    def,
    codes.map((c) => figures.get(c)!),
  );
  const reference = `the median of all ${pluralOf(q.areaType)}`;
  const rows = ranking.rows.map((r) => ({
    ...r,
    areaName: names.get(r.figure.areaCode)?.name ?? r.figure.areaCode,
    distance:
      r.figure.value === null
        ? { band: 'not_comparable' as const, words: 'no figure for this period' }
        : describeDistance(r.madsFromMedian, def.polarity, reference),
  }));
  return {
    indicator: summariseIndicator(def),
    period,
    areaType: q.areaType,
    judged: ranking.judged,
    summary: ranking.summary,
    rows,
  };
}
