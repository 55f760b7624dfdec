/**
 * One indicator's figures for one area over time, oldest first, with the direction of travel from
 * each point to the next. For an area of a type the indicator is not published for (a council, for
 * ward figures), periods are derived from its parts (not with asOf: derivation uses current figures).
 */
import { getSeries, listPeriodsWithData } from '../data/index.ts';
import { formatValue } from '../indicators/index.ts';
import { comparePeriods, type Period } from '../periods/index.ts';
import { getArea, type Area } from '../places/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { directionOfTravel, type DirectionOfTravel } from './direction.ts';
import type { Executor } from './executor.ts';
import { summariseIndicator, type IndicatorSummary } from './indicator-summary.ts';
import type { AreaFigure } from './figures.ts';
import { figuresFor, startFigures, type PartsCache } from './period-figures.service.ts';
import { seriesFromObservations, type SeriesPoint } from './profile.ts';
import { requireIndicator } from './rollup.service.ts';

export interface TimeSeriesQuery {
  indicator: string;
  area: string;
  asOf?: string;
  /**
   * derive periods without a published figure from the area's parts; by default only when the
   * indicator is not published for areas of this type (never with asOf)
   */
  derive?: boolean;
}

export interface TimeSeriesPoint {
  period: Period;
  figure: AreaFigure;
  formatted: string;
  /** from the previous point of the same period type with a value */
  direction: DirectionOfTravel | null;
}

export interface TimeSeries {
  indicator: IndicatorSummary;
  area: { code: string; name: string };
  points: TimeSeriesPoint[];
}

export async function timeSeries(db: Executor, q: TimeSeriesQuery): Promise<TimeSeries> {
  const def = await requireIndicator(db, q.indicator);
  const area = await getArea(db, q.area);
  if (!area) throw new NotFoundError(`No area has the code ${q.area}`);
  const series = seriesFromObservations(await getSeries(db, def.code, area.code, q.asOf));
  if ((q.derive ?? !def.areaTypes.includes(area.type)) && !q.asOf) {
    const have = new Set(
      series.filter((p) => p.figure.value !== null || p.figure.status === 'suppressed').map((p) => p.period.key),
    );
    const missing = (await listPeriodsWithData(db, def.code)).filter((p) => !have.has(p.key));
    // the hierarchy and the parts' populations do not change between periods: read them once
    const parts: PartsCache = new Map();
    const areas = new Map<string, Area>();
    for (const period of missing) {
      const figure = (await figuresFor(db, startFigures(def, period.key, parts, areas), [area.code])).get(area.code)!;
      if (figure.value !== null) replacePoint(series, { period, figure });
    }
  }
  series.sort((a, b) => comparePeriods(a.period, b.period));
  let previous: SeriesPoint | undefined;
  const points = series.map((p): TimeSeriesPoint => {
    const before = previous?.period.type === p.period.type ? previous : undefined;
    const direction =
      p.figure.value !== null && before?.figure.value != null
        ? directionOfTravel(
            { value: p.figure.value, ciLower: p.figure.ciLower, ciUpper: p.figure.ciUpper },
            { value: before.figure.value, ciLower: before.figure.ciLower, ciUpper: before.figure.ciUpper },
            def,
          )
        : null;
    if (p.figure.value !== null) previous = p;
    return {
      period: p.period,
      figure: p.figure,
      formatted: p.figure.status === 'suppressed' ? 'suppressed' : formatValue(def, p.figure.value),
      direction,
    };
  });
  return { indicator: summariseIndicator(def), area: { code: area.code, name: area.name }, points };
}

function replacePoint(series: SeriesPoint[], point: SeriesPoint): void {
  const i = series.findIndex((p) => p.period.key === point.period.key);
  if (i === -1) series.push(point);
  else series[i] = point;
}
