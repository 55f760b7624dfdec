/** Reading observations (docs/module-contracts.md, "data"). */
import type { ObservationRow } from '../../platform/db/schema.ts';
import { ValidationError } from '../../platform/errors.ts';
import { getIndicator } from '../indicators/index.ts';
import { parsePeriod, periodFromKey, tryPeriodFromKey, type Period, type PeriodType } from '../periods/index.ts';
import {
  findIndicatorCodesForArea,
  findLatestPeriodWithValues,
  findObservations,
  findPeriodsWithValues,
  findFiguresForArea,
  findFiguresForPeriods,
  findSeries,
  findValuesForPeriod,
  type FigureRow,
} from './observation.repository.ts';
import type { Executor, Observation, ObservationQuery, ObservationStatus, ObservedFigures } from './observation.types.ts';

export async function queryObservations(db: Executor, q: ObservationQuery): Promise<{ items: Observation[]; total: number }> {
  const period = q.period === undefined ? undefined : await periodKey(db, q.period, q.indicator);
  const { rows, total } = await findObservations(
    db,
    { indicator: q.indicator, area: q.area, period, asOf: asOfInstant(q.asOf) },
    q,
  );
  return { items: rows.map(toObservation), total };
}

/** The indicator's figures for one area, oldest period first. */
export async function getSeries(db: Executor, indicator: string, area: string, asOf?: string): Promise<Observation[]> {
  return (await findSeries(db, indicator, area, asOfInstant(asOf))).map(toObservation);
}

/** The current figures of every area (or of the areas given) for one period (a key or any spelling). */
export async function getValuesForPeriod(
  db: Executor,
  indicator: string,
  period: string,
  areaCodes?: readonly string[],
): Promise<Observation[]> {
  const key = await periodKey(db, period, indicator);
  return (await findValuesForPeriod(db, indicator, key, areaCodes)).map(toObservation);
}

/**
 * One area's figures for every indicator, by indicator code then period key: the current ones, or
 * those published as of an instant. Only the figures, so much cheaper than queryObservations.
 */
export async function getFiguresForArea(db: Executor, area: string, asOf?: string): Promise<ObservedFigures[]> {
  return latestRevisions((await findFiguresForArea(db, area, asOfInstant(asOf))).map(toObservedFigures));
}

/**
 * The figures for several (indicator, period) pairs in one go (periods as keys or any spelling), of
 * every area or of the areas given; current, or as published at `asOf`. Ordered by indicator,
 * period key and area code.
 */
export async function getFiguresForPeriods(
  db: Executor,
  pairs: readonly { indicator: string; period: string }[],
  areaCodes?: readonly string[],
  asOf?: string,
): Promise<ObservedFigures[]> {
  const keyed = await Promise.all(
    pairs.map(async (p) => ({ indicator: p.indicator, period: await periodKey(db, p.period, p.indicator) })),
  );
  const rows = (await findFiguresForPeriods(db, keyed, areaCodes, asOfInstant(asOf))).map(toObservedFigures);
  rows.sort(
    (a, b) =>
      compareText(a.indicatorCode, b.indicatorCode) || compareText(a.period, b.period) || compareText(a.areaCode, b.areaCode),
  );
  return latestRevisions(rows);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One figure per (indicator, area, period), the highest revision, keeping the order given. */
function latestRevisions(rows: ObservedFigures[]): ObservedFigures[] {
  const seen = new Map<string, number>();
  const out: ObservedFigures[] = [];
  for (const r of rows) {
    const key = `${r.indicatorCode}\u0000${r.areaCode}\u0000${r.period}`;
    const at = seen.get(key);
    if (at === undefined) {
      seen.set(key, out.length);
      out.push(r);
    } else if (r.revision > out[at]!.revision) out[at] = r;
  }
  return out;
}

function toObservedFigures(r: FigureRow): ObservedFigures {
  return {
    indicatorCode: r.indicator_code,
    areaCode: r.area_code,
    period: r.period,
    revision: r.revision,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    sampleSize: r.sample_size,
    ciLower: r.ci_lower,
    ciUpper: r.ci_upper,
    status: r.status as ObservationStatus,
  };
}

/** The periods in which some area has a current value (not only suppressed or missing figures), in order. */
export async function listPeriodsWithData(db: Executor, indicator: string): Promise<Period[]> {
  return (await findPeriodsWithValues(db, indicator)).map(periodFromKey);
}

export async function latestPeriodWithData(db: Executor, indicator: string): Promise<Period | undefined> {
  const key = await findLatestPeriodWithValues(db, indicator);
  return key === undefined ? undefined : periodFromKey(key);
}

export async function listIndicatorCodesForArea(db: Executor, area: string): Promise<string[]> {
  return findIndicatorCodesForArea(db, area);
}

/** A period key from a key or any spelling; read with the indicator's period type when there is one. */
export async function periodKey(db: Executor, text: string, indicator?: string): Promise<string> {
  const asKey = tryPeriodFromKey(text.trim());
  if (asKey) return asKey.key;
  const definition = indicator === undefined ? undefined : await getIndicator(db, indicator);
  const parsed = parsePeriod(text, definition?.periodType as PeriodType | undefined);
  if (!parsed.ok)
    throw new ValidationError(`'${text}' is not a period`, [{ field: 'period', value: text, reason: parsed.reason }]);
  return parsed.period.key;
}

/** An instant to compare with published_at; a bare date means the end of that day (UTC). */
export function asOfInstant(asOf: string | undefined): string | undefined {
  if (asOf === undefined) return undefined;
  const text = asOf.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) return `${text}T23:59:59.999Z`;
  const t = Date.parse(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(t)) {
    throw new ValidationError(`'${asOf}' is not a date or an instant`, [
      { field: 'asOf', value: asOf, reason: 'give a date (2024-05-31) or an instant (2024-05-31T12:00:00Z)' },
    ]);
  }
  return new Date(t).toISOString();
}

const labels = new Map<string, Period>();

export function toObservation(r: ObservationRow): Observation {
  let period = labels.get(r.period);
  if (!period) {
    period = periodFromKey(r.period);
    labels.set(r.period, period);
  }
  return {
    indicatorCode: r.indicator_code,
    indicatorVersion: r.indicator_version,
    areaCode: r.area_code,
    period: r.period,
    periodLabel: period.label,
    periodType: r.period_type as PeriodType,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    sampleSize: r.sample_size,
    ciLower: r.ci_lower,
    ciUpper: r.ci_upper,
    status: r.status as ObservationStatus,
    sourceBodyId: r.source_body_id,
    revision: r.revision,
    publishedAt: r.published_at,
  };
}
