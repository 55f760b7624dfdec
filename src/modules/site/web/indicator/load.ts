/** The indicator page's figures: the definition and its versions, the ranked areas, England and the regions, the trend. */
import type { Kysely } from 'kysely';
import type { Database } from '../../../../platform/db/schema.ts';
import { NotFoundError } from '../../../../platform/errors.ts';
import {
  compareAll,
  rollUp,
  timeSeries,
  type AllAreasComparison,
  type RollUp,
  type TimeSeries,
} from '../../../analysis/index.ts';
import { listPeriodsWithData } from '../../../data/index.ts';
import { getIndicator, listIndicatorVersions, type IndicatorDefinition } from '../../../indicators/index.ts';
import type { Period } from '../../../periods/index.ts';
import { getAreas, isAreaType, listAreaCodesByType, type Area, type AreaType } from '../../../places/index.ts';
import type { IndicatorQuery } from './query.ts';

export const ENGLAND = 'E92000001';

export interface IndicatorPageData {
  indicator: IndicatorDefinition;
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
}

export async function loadIndicatorPage(db: Kysely<Database>, code: string, query: IndicatorQuery): Promise<IndicatorPageData> {
  const indicator = (await getIndicator(db, code)) ?? (await getIndicator(db, code.toUpperCase()));
  if (!indicator) throw new NotFoundError(`No indicator has the code ${code}`);
  const [versions, periods] = await Promise.all([
    listIndicatorVersions(db, indicator.code),
    listPeriodsWithData(db, indicator.code),
  ]);
  const period = periods.find((p) => p.key === query.period || p.label === query.period) ?? periods[periods.length - 1];
  const areaType = chosenType(indicator, query.type);
  if (!period)
    return {
      indicator,
      versions,
      periods,
      period,
      areaType,
      ranking: undefined,
      places: undefined,
      placeNames: new Map(),
      englandSeries: undefined,
    };
  const placeCodes = await listAreaCodesByType(db, ['country', 'region']);
  const [ranking, places, placeNames, englandSeries] = await Promise.all([
    compareAll(db, { indicator: indicator.code, period: period.key, areaType }),
    placeCodes.length > 0 ? rollUp(db, { indicator: indicator.code, period: period.key, to: placeCodes }) : undefined,
    getAreas(db, placeCodes),
    placeCodes.includes(ENGLAND) ? timeSeries(db, { indicator: indicator.code, area: ENGLAND }) : undefined,
  ]);
  return { indicator, versions, periods, period, areaType, ranking, places, placeNames, englandSeries };
}

/** The type asked for when the indicator is published for it; else the first type it is published for. */
export function chosenType(indicator: Pick<IndicatorDefinition, 'areaTypes'>, asked: string): AreaType {
  if (isAreaType(asked) && indicator.areaTypes.includes(asked)) return asked;
  return indicator.areaTypes[0] ?? 'metropolitan_district';
}
