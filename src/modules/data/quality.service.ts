/**
 * Data quality of one indicator and period: completeness (areas expected vs received), timeliness
 * (against the collection deadline: the general one, else the earliest a body was given), outliers and breaks in series (quality.ts), and comparability
 * breaks (the definition's version changed between the periods).
 */
import { isoInstant, type Clock } from '../../platform/clock.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { getIndicator, type IndicatorDefinition } from '../indicators/index.ts';
import { periodFromKey, previousPeriod, type Period } from '../periods/index.ts';
import { countryCodeOf, getAreas, listAreaCodesByType } from '../places/index.ts';
import { findDueDate } from './deadline.repository.ts';
import { findAreasWithData, findPublicationSpan } from './observation.repository.ts';
import { getValuesForPeriod, periodKey } from './observation.service.ts';
import type { Executor, Observation } from './observation.types.ts';
import { daysBetween, findBreaks, findOutliers, type Outlier, type SeriesBreak } from './quality.ts';

/** Earlier periods looked at for an area's own typical change. */
const HISTORY = 5;

export interface QualityReport {
  indicator: string;
  period: Period;
  completeness: {
    /** current areas of the indicator's area types, in the countries that have any data for it */
    expected: number;
    /** expected areas with a value */
    received: number;
    ratio: number | null;
    missing: string[];
    countries: string[];
  };
  timeliness: {
    dueDate: string | null;
    /** no_deadline; not_yet_due / overdue (nothing received); on_time / late (by the first figures received) */
    status: 'no_deadline' | 'not_yet_due' | 'overdue' | 'on_time' | 'late';
    lateByDays: number | null;
    firstPublishedAt: string | null;
  };
  outliers: Outlier[];
  breaks: (SeriesBreak & { previousPeriod: string })[];
  comparabilityBreak: {
    fromPeriod: string;
    toPeriod: string;
    fromVersion: number;
    toVersion: number;
    note: string | null;
  } | null;
}

export async function assessQuality(
  db: Executor,
  indicator: string,
  period: string,
  opts: { clock: Clock },
): Promise<QualityReport> {
  const definition = await requireIndicator(db, indicator);
  const p = periodFromKey(await periodKey(db, period, definition.code));
  const window = periodsBefore(p, HISTORY);
  const values = await Promise.all(window.map((w) => getValuesForPeriod(db, definition.code, w.key)));
  const current = values.at(-1)!;
  const previous = values.at(-2) ?? [];
  return {
    indicator: definition.code,
    period: p,
    completeness: await completeness(db, definition, current),
    timeliness: await timeliness(db, definition.code, p, isoInstant(opts.clock.now())),
    outliers: findOutliers(current.filter(hasValue).map((o) => ({ areaCode: o.areaCode, value: o.value! }))),
    breaks: findBreaks(seriesByArea(values)).map((b) => ({ ...b, previousPeriod: window.at(-2)!.key })),
    comparabilityBreak: await comparabilityBreak(db, definition.code, window.at(-2)!, p, previous, current),
  };
}

async function requireIndicator(db: Executor, code: string): Promise<IndicatorDefinition> {
  const definition = await getIndicator(db, code);
  if (!definition)
    throw new NotFoundError(`No indicator ${code}`, [{ field: 'indicator', value: code, reason: 'not a known indicator code' }]);
  return definition;
}

const hasValue = (o: Observation) => o.value !== null;

/** `count` periods before p, then p, oldest first. */
function periodsBefore(p: Period, count: number): Period[] {
  const out = [p];
  for (let i = 0; i < count; i++) out.unshift(previousPeriod(out[0]!));
  return out;
}

async function completeness(
  db: Executor,
  definition: IndicatorDefinition,
  current: Observation[],
): Promise<QualityReport['completeness']> {
  const expectedCodes = await listAreaCodesByType(db, definition.areaTypes);
  const areas = await getAreas(db, expectedCodes);
  const countryOf = (code: string) => areas.get(code)?.countryCode ?? countryCodeOf(code);
  const countries = new Set((await findAreasWithData(db, definition.code)).map(countryOf).filter((c): c is string => c !== null));
  const expected = expectedCodes.filter((c) => countries.has(countryOf(c) ?? ''));
  const received = new Set(current.filter(hasValue).map((o) => o.areaCode));
  const missing = expected.filter((c) => !received.has(c));
  const got = expected.length - missing.length;
  return {
    expected: expected.length,
    received: got,
    ratio: expected.length === 0 ? null : got / expected.length,
    missing,
    countries: [...countries].sort(),
  };
}

async function timeliness(db: Executor, indicator: string, p: Period, now: string): Promise<QualityReport['timeliness']> {
  const dueDate = (await findDueDate(db, indicator, p.key)) ?? null;
  const { first } = await findPublicationSpan(db, indicator, p.key);
  if (dueDate === null) return { dueDate, status: 'no_deadline', lateByDays: null, firstPublishedAt: first };
  const late = daysBetween(dueDate, first ?? now);
  if (first === null)
    return { dueDate, status: late > 0 ? 'overdue' : 'not_yet_due', lateByDays: late > 0 ? late : null, firstPublishedAt: null };
  return { dueDate, status: late > 0 ? 'late' : 'on_time', lateByDays: late > 0 ? late : null, firstPublishedAt: first };
}

function seriesByArea(periods: Observation[][]): { areaCode: string; values: (number | null)[] }[] {
  const byArea = new Map<string, (number | null)[]>();
  periods.forEach((observations, i) => {
    for (const o of observations) {
      const values = byArea.get(o.areaCode) ?? Array<number | null>(periods.length).fill(null);
      values[i] = o.value;
      byArea.set(o.areaCode, values);
    }
  });
  return [...byArea].map(([areaCode, values]) => ({ areaCode, values }));
}

async function comparabilityBreak(
  db: Executor,
  code: string,
  from: Period,
  to: Period,
  before: Observation[],
  after: Observation[],
): Promise<QualityReport['comparabilityBreak']> {
  const fromVersion = commonestVersion(before);
  const toVersion = commonestVersion(after);
  if (fromVersion === undefined || toVersion === undefined || fromVersion === toVersion) return null;
  const note = (await getIndicator(db, code, toVersion))?.comparabilityNote ?? null;
  return { fromPeriod: from.key, toPeriod: to.key, fromVersion, toVersion, note };
}

function commonestVersion(observations: Observation[]): number | undefined {
  const counts = new Map<number, number>();
  for (const o of observations) counts.set(o.indicatorVersion, (counts.get(o.indicatorVersion) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}
