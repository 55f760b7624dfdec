/** The indicator page's figures: the definition and its versions, the ranked areas, England and the regions, the trend. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../../platform/db/schema.ts';
import { NotFoundError } from '../../../../platform/errors.ts';
import {
  COUNCIL_TYPES,
  compareAll,
  countByType,
  rollUp,
  timeSeries,
  type AllAreasComparison,
  type RollUp,
  type TimeSeries,
} from '../../../analysis/index.ts';
import { getBody } from '../../../bodies/index.ts';
import { getValuesForPeriod, listPeriodsWithData, queryObservations } from '../../../data/index.ts';
import { getIndicator, listIndicatorVersions, type IndicatorDefinition } from '../../../indicators/index.ts';
import type { Period } from '../../../periods/index.ts';
import { getAreas, isAreaType, listAreaCodesByType, type Area, type AreaType } from '../../../places/index.ts';
import { boundariesFor, type MapBoundaries } from '../common/boundaries.ts';
import { ENGLAND } from '../common/england.ts';
import type { IndicatorQuery } from './query.ts';

export { ENGLAND };

export interface IndicatorPageData {
  indicator: IndicatorDefinition;
  /** the council whose local indicator it is (its name, or its id when the body is not known); undefined for a national one */
  ownerName: string | undefined;
  versions: IndicatorDefinition[];
  periods: Period[];
  /** the period and area type shown (undefined when there are no figures) */
  period: Period | undefined;
  areaType: AreaType;
  ranking: AllAreasComparison | undefined;
  /** England and the regions (and other countries) */
  places: RollUp | undefined;
  placeNames: Map<string, Area>;
  englandSeries: TimeSeries | undefined;
  /** the median of the areas of the type, by period key, for the periods of the chosen period's type */
  medians: Map<string, number | null>;
  /** the boundaries for the map, when a stored boundary set covers areas with figures */
  boundaries: MapBoundaries | undefined;
  /** when no area of the type has a figure in the period shown: the latest period in which some have */
  latestWithFigures?: Period;
}

export async function loadIndicatorPage(db: Kysely<Database>, code: string, query: IndicatorQuery): Promise<IndicatorPageData> {
  const indicator = (await getIndicator(db, code)) ?? (await getIndicator(db, code.toUpperCase()));
  if (!indicator) throw new NotFoundError(`No indicator has the code ${code}`);
  const [versions, periods, ownerName] = await Promise.all([
    listIndicatorVersions(db, indicator.code),
    listPeriodsWithData(db, indicator.code),
    ownerNameOf(db, indicator.ownerBodyId),
  ]);
  const period =
    periods.find((p) => p.key === query.period || p.label === query.period) ??
    (await fullestRecentPeriod(db, indicator.code, periods));
  const areaType =
    isAreaType(query.type) && indicator.areaTypes.includes(query.type) ? query.type : await fullestType(db, indicator, period);
  if (!period)
    return {
      indicator,
      ownerName,
      versions,
      periods,
      period,
      areaType,
      ranking: undefined,
      places: undefined,
      placeNames: new Map(),
      englandSeries: undefined,
      medians: new Map(),
      boundaries: undefined,
    };
  const placeCodes = await listAreaCodesByType(db, ['country', 'region']);
  const [ranking, places, placeNames, englandSeries] = await Promise.all([
    compareAll(db, { indicator: indicator.code, period: period.key, areaType }),
    placeCodes.length > 0 ? rollUp(db, { indicator: indicator.code, period: period.key, to: placeCodes }) : undefined,
    getAreas(db, placeCodes),
    placeCodes.includes(ENGLAND) ? timeSeries(db, { indicator: indicator.code, area: ENGLAND }) : undefined,
  ]);
  const withFigures = new Set(ranking.rows.filter((r) => r.figure.value !== null).map((r) => r.figure.areaCode));
  const [medians, boundaries, latestWithFigures] = await Promise.all([
    mediansOf(db, indicator.code, areaType, periods, ranking),
    boundariesFor(db, areaType, endYearOf(period), withFigures),
    withFigures.size === 0 ? latestPeriodWithFigures(db, indicator.code, areaType, periods, period) : undefined,
  ]);
  return {
    indicator,
    ownerName,
    versions,
    periods,
    period,
    areaType,
    ranking,
    places,
    placeNames,
    englandSeries,
    medians,
    boundaries,
    ...(latestWithFigures ? { latestWithFigures } : {}),
  };
}

async function ownerNameOf(db: Kysely<Database>, ownerBodyId: string | null): Promise<string | undefined> {
  if (ownerBodyId === null) return undefined;
  return (await getBody(db, ownerBodyId))?.name ?? ownerBodyId;
}

/** The latest period other than `shown` in which some area of the type has a figure (only asked when `shown` has none). */
async function latestPeriodWithFigures(
  db: Kysely<Database>,
  indicator: string,
  areaType: AreaType,
  periods: readonly Period[],
  shown: Period,
): Promise<Period | undefined> {
  for (const p of [...periods].reverse()) {
    if (p.key === shown.key) continue;
    const { rows } = await compareAll(db, { indicator, period: p.key, areaType });
    if (rows.some((r) => r.figure.value !== null)) return p;
  }
  return undefined;
}

/** The year a period ends in: boundaries are chosen as they were then. */
export function endYearOf(period: Period): number {
  return Number(period.end.slice(0, 4));
}

/** The median of the type's areas in each period of the same type as the one shown (that one is known already). */
async function mediansOf(
  db: Kysely<Database>,
  indicator: string,
  areaType: AreaType,
  periods: readonly Period[],
  shown: AllAreasComparison,
): Promise<Map<string, number | null>> {
  const medians = new Map<string, number | null>([[shown.period.key, shown.summary.median]]);
  for (const p of periods) {
    if (p.type !== shown.period.type || medians.has(p.key)) continue;
    medians.set(p.key, (await compareAll(db, { indicator, period: p.key, areaType })).summary.median);
  }
  return medians;
}

/** The type asked for when the indicator is published for it; else the first type it is published for. */
export function chosenType(indicator: Pick<IndicatorDefinition, 'areaTypes'>, asked: string): AreaType {
  if (isAreaType(asked) && indicator.areaTypes.includes(asked)) return asked;
  return indicator.areaTypes[0] ?? 'metropolitan_district';
}

/**
 * The period shown when none is asked for: the latest with at least half as many figures as the best
 * covered period (a year in which only one nation has published yet is not the default).
 */
async function fullestRecentPeriod(
  db: Kysely<Database>,
  indicator: string,
  periods: readonly Period[],
): Promise<Period | undefined> {
  const counts = await Promise.all(
    periods.map(async (p) => (await queryObservations(db, { indicator, period: p.key, limit: 1, offset: 0 })).total),
  );
  const most = Math.max(0, ...counts);
  for (let i = periods.length - 1; i >= 0; i--) if ((counts[i] ?? 0) * 2 >= most) return periods[i];
  return periods[periods.length - 1];
}

/**
 * The area type shown when none is asked for: the council type with the most figures in the period
 * (councils are what readers compare first, and an indicator published for 33,000 LSOAs would
 * otherwise open on a table of them); when no council has a figure, the type with the most.
 */
async function fullestType(db: Kysely<Database>, indicator: IndicatorDefinition, period: Period | undefined): Promise<AreaType> {
  if (!period) return chosenType(indicator, '');
  const figures = await getValuesForPeriod(db, indicator.code, period.key);
  const counts = await countByType(db, [...new Set(figures.filter((f) => f.value !== null).map((f) => f.areaCode))]);
  const most = (types: readonly AreaType[]) =>
    types.reduce<AreaType | undefined>((b, t) => ((counts.get(t) ?? 0) > (b ? (counts.get(b) ?? 0) : 0) ? t : b), undefined);
  return (
    most(indicator.areaTypes.filter((t) => COUNCIL_TYPES.includes(t))) ?? most(indicator.areaTypes) ?? chosenType(indicator, '')
  );
}
