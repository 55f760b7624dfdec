/**
 * The gap between an area's most and least deprived parts for an indicator, period by period, and
 * whether it is narrowing. Deprivation comes from the parts' IMD rank (LSOAs) or score, or from a
 * deprivation indicator's latest figures for the parts (e.g. wards).
 */
import { getValuesForPeriod, listPeriodsWithData } from '../data/index.ts';
import { periodFromKey, type Period } from '../periods/index.ts';
import { getArea, getAreas, getDescendantCodes, type Area, type AreaType } from '../places/index.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { pluralOf } from './area-types.ts';
import { noChangeTolerance } from './direction.ts';
import type { Executor } from './executor.ts';
import { deprivationGap, gapTrend, type GapChange, type GapPart, type GapResult } from './gap.ts';
import { requireIndicator, requirePeriodKey } from './rollup.service.ts';

export interface GapQuery {
  area: string;
  indicator: string;
  /** the parts compared: 'lsoa' or 'ward' usually */
  partType: AreaType;
  /** period keys; default every period with data */
  periods?: readonly string[];
  /** an indicator measuring deprivation of the parts (its latest period is used) */
  deprivationIndicator?: string;
  /** which end of the deprivation measure is most deprived (default from its polarity) */
  mostDeprived?: 'lowest' | 'highest';
}

export interface DeprivationMeasure {
  /** 'imd_rank', 'imd_score' or the deprivation indicator's code */
  source: string;
  period: string | null;
  mostDeprived: 'lowest' | 'highest';
  byArea: Map<string, number>;
}

export interface GapForPeriod {
  period: Period;
  result: GapResult;
  /** against the previous period with a gap */
  change: GapChange | null;
}

export interface AreaGap {
  areaCode: string;
  indicator: string;
  partType: AreaType;
  parts: number;
  deprivation: Omit<DeprivationMeasure, 'byArea'>;
  periods: GapForPeriod[];
  /** first period with a gap against the last */
  overall: GapChange | null;
}

export async function gapFor(db: Executor, q: GapQuery): Promise<AreaGap> {
  const area = await getArea(db, q.area);
  if (!area) throw new NotFoundError(`No area has the code ${q.area}`);
  const def = await requireIndicator(db, q.indicator);
  const partCodes = await getDescendantCodes(db, area.code, [q.partType]);
  if (partCodes.length === 0) throw new NotFoundError(`${area.name} has no ${pluralOf(q.partType)} recorded`);
  const parts = await getAreas(db, partCodes);
  const deprivation = await deprivationOf(db, q, parts);
  const periods = q.periods ? q.periods.map((p) => periodFromKey(requirePeriodKey(p))) : await listPeriodsWithData(db, def.code);
  const results: { period: Period; result: GapResult }[] = [];
  for (const period of periods) {
    const values = await getValuesForPeriod(db, def.code, period.key, partCodes);
    const gapParts: GapPart[] = values.map((o) => ({
      code: o.areaCode,
      value: o.value,
      numerator: o.numerator,
      denominator: o.denominator,
      population: parts.get(o.areaCode)?.population ?? null,
      deprivation: deprivation.byArea.get(o.areaCode) ?? null,
    }));
    results.push({
      period,
      result: deprivationGap(gapParts, { mostDeprived: deprivation.mostDeprived, rule: def.areaAggregation }),
    });
  }
  const trend = gapTrend(
    results.map((r) => ({ period: r.period.key, gap: r.result.ok ? r.result.gap : null })),
    noChangeTolerance(def.decimalPlaces),
  );
  const { byArea: _byArea, ...measure } = deprivation;
  return {
    areaCode: area.code,
    indicator: def.code,
    partType: q.partType,
    parts: partCodes.length,
    deprivation: measure,
    periods: results.map((r, i) => ({ ...r, change: trend.steps[i]?.change ?? null })),
    overall: trend.overall,
  };
}

async function deprivationOf(db: Executor, q: GapQuery, parts: Map<string, Area>): Promise<DeprivationMeasure> {
  if (q.deprivationIndicator) return deprivationFromIndicator(db, q.deprivationIndicator, [...parts.keys()], q.mostDeprived);
  const ranks = new Map([...parts].filter(([, a]) => a.imdRank !== null).map(([c, a]) => [c, a.imdRank!]));
  if (ranks.size > 0) return { source: 'imd_rank', period: null, mostDeprived: q.mostDeprived ?? 'lowest', byArea: ranks };
  const scores = new Map([...parts].filter(([, a]) => a.imdScore !== null).map(([c, a]) => [c, a.imdScore!]));
  if (scores.size > 0) return { source: 'imd_score', period: null, mostDeprived: q.mostDeprived ?? 'highest', byArea: scores };
  throw new ValidationError(`The ${pluralOf(q.partType)} have no deprivation measure`, [
    {
      field: 'deprivationIndicator',
      reason: 'the parts have no IMD rank or score; name an indicator that measures their deprivation',
    },
  ]);
}

async function deprivationFromIndicator(
  db: Executor,
  code: string,
  partCodes: string[],
  mostDeprived: GapQuery['mostDeprived'],
): Promise<DeprivationMeasure> {
  const def = await requireIndicator(db, code);
  const periods = await listPeriodsWithData(db, def.code);
  const latest = periods[periods.length - 1];
  if (!latest) throw new NotFoundError(`No figures are recorded for ${def.title}`);
  const values = await getValuesForPeriod(db, def.code, latest.key, partCodes);
  const byArea = new Map(values.filter((o) => o.value !== null).map((o) => [o.areaCode, o.value!]));
  // An indicator where lower is better (a deprivation score, a share deprived): highest is most deprived.
  const fromPolarity = def.polarity === 'higher_is_better' ? 'lowest' : 'highest';
  return { source: def.code, period: latest.key, mostDeprived: mostDeprived ?? fromPolarity, byArea };
}
