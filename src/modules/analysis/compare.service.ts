/**
 * Comparing an area with a comparator group for one indicator and period: rank, quartile, median,
 * MAD, the area's distance from the median in MADs and in plain words, each member's direction of
 * travel since the previous period with data, and the England and regional figures.
 */
import { getSeries, listPeriodsWithData } from '../data/index.ts';
import type { IndicatorDefinition } from '../indicators/index.ts';
import { comparePeriods, periodFromKey, type Period } from '../periods/index.ts';
import { getAncestors, getArea, getAreas, type Area } from '../places/index.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { ENGLAND } from './area-types.ts';
import { resolveComparatorGroup } from './comparator-group.service.ts';
import type { BuiltInGroup, ResolvedComparatorGroup } from './comparator-group.types.ts';
import { rankFigures, type RankedFigure } from './comparison.ts';
import { directionOfTravel, type DirectionOfTravel } from './direction.ts';
import { describeAgainstRange, describeDistance, type DistanceWords } from './distance-words.ts';
import type { Executor } from './executor.ts';
import { summariseIndicator, type IndicatorSummary } from './indicator-summary.ts';
import type { AreaFigure } from './figures.ts';
import { figuresFor, startFigures } from './period-figures.service.ts';
import { requireIndicator, requirePeriodKey } from './rollup.service.ts';
import type { GroupSummary } from './statistics.ts';

export interface CompareQuery {
  indicator: string;
  /** default: the latest period with a figure for the area (else for the indicator) */
  period?: string;
  area: string;
  group: BuiltInGroup | (string & {});
  /** for group 'custom' */
  codes?: readonly string[];
}

export interface ComparisonRow extends RankedFigure {
  areaName: string;
  highlighted: boolean;
  previous: AreaFigure | null;
  direction: DirectionOfTravel | null;
}

export interface PlaceFigure extends AreaFigure {
  areaName: string;
}

export interface Comparison {
  indicator: IndicatorSummary;
  period: Period;
  previousPeriod: Period | null;
  group: ResolvedComparatorGroup;
  /** false when the polarity gives no judgement: ranks then only order by value, highest first */
  judged: boolean;
  rows: ComparisonRow[];
  summary: GroupSummary;
  area: ComparisonRow;
  distance: DistanceWords;
  england: PlaceFigure | null;
  region: PlaceFigure | null;
}

export async function compare(db: Executor, q: CompareQuery): Promise<Comparison> {
  const def = await requireIndicator(db, q.indicator);
  const area = await getArea(db, q.area);
  if (!area) throw new NotFoundError(`No area has the code ${q.area}`);
  const group = await resolveComparatorGroup(db, {
    area: area.code,
    group: q.group,
    indicator: def.code,
    ...(q.codes ? { codes: q.codes } : {}),
  });
  const period = periodFromKey(q.period ? requirePeriodKey(q.period) : await latestPeriodFor(db, def, area.code));
  const previous = await previousPeriodWithData(db, def.code, period);
  const region = (await getAncestors(db, area.code)).find((a) => a.type === 'region');
  const places = [region?.code, area.code === ENGLAND ? undefined : ENGLAND].filter((c): c is string => c !== undefined);

  const current = await figuresFor(db, startFigures(def, period.key), [...group.memberCodes, ...places]);
  const before = previous
    ? await figuresFor(db, startFigures(def, previous.key), group.memberCodes)
    : new Map<string, AreaFigure>();
  const names = await getAreas(db, [...group.memberCodes, ...places]);
  const ranking = rankFigures(
    def,
    group.memberCodes.map((c) => current.get(c)!),
  );
  const rows = ranking.rows.map((r) => toRow(def, r, before.get(r.figure.areaCode) ?? null, names, area.code));
  const row = rows.find((r) => r.highlighted)!;
  return {
    indicator: summariseIndicator(def),
    period,
    previousPeriod: previous,
    group,
    judged: ranking.judged,
    rows,
    summary: ranking.summary,
    area: row,
    distance: distanceWords(def, row, group),
    england: placeFigure(current, names, ENGLAND, area),
    region: region ? placeFigure(current, names, region.code, area) : null,
  };
}

function toRow(
  def: IndicatorDefinition,
  r: RankedFigure,
  previous: AreaFigure | null,
  names: Map<string, Area>,
  highlight: string,
): ComparisonRow {
  const code = r.figure.areaCode;
  const now = r.figure;
  const direction =
    now.value !== null && previous?.value != null
      ? directionOfTravel(
          { value: now.value, ciLower: now.ciLower, ciUpper: now.ciUpper },
          { value: previous.value, ciLower: previous.ciLower, ciUpper: previous.ciUpper },
          def,
        )
      : null;
  return { ...r, areaName: names.get(code)?.name ?? code, highlighted: code === highlight, previous, direction };
}

function distanceWords(def: IndicatorDefinition, row: ComparisonRow, group: ResolvedComparatorGroup): DistanceWords {
  if (def.polarity === 'target_range' && def.targetRange && row.figure.value !== null)
    return describeAgainstRange(row.figure.value, def.targetRange);
  if (row.figure.value === null) return { band: 'not_comparable', words: 'no figure for this period' };
  return describeDistance(row.madsFromMedian, def.polarity, referenceFor(group));
}

/** How the words name the group: "the median of similar councils", "the median of all London boroughs". */
export function referenceFor(group: Pick<ResolvedComparatorGroup, 'kind' | 'name'>): string {
  if (group.kind === 'nearest_neighbours' || group.kind === 'statistical_neighbours') return 'the median of similar councils';
  if (group.kind === 'custom') return 'the median of the chosen group';
  return `the median of ${group.name.charAt(0).toLowerCase()}${group.name.slice(1)}`;
}

function placeFigure(figures: Map<string, AreaFigure>, names: Map<string, Area>, code: string, area: Area): PlaceFigure | null {
  const f = figures.get(code);
  if (!f || code === area.code) return null;
  return { ...f, areaName: names.get(code)?.name ?? code };
}

/** The latest period with a published value for the area, else the indicator's latest period. */
async function latestPeriodFor(db: Executor, def: IndicatorDefinition, area: string): Promise<string> {
  const series = await getSeries(db, def.code, area);
  const latest = [...series].reverse().find((o) => o.value !== null);
  if (latest) return latest.period;
  const periods = await listPeriodsWithData(db, def.code);
  const last = periods[periods.length - 1];
  if (!last) throw new NotFoundError(`No figures are recorded for ${def.title}`);
  return last.key;
}

/** The previous period with any figure for the indicator (surveys every other year skip one). */
export async function previousPeriodWithData(db: Executor, indicator: string, period: Period): Promise<Period | null> {
  const periods = await listPeriodsWithData(db, indicator);
  const earlier = periods.filter((p) => p.type === period.type && comparePeriods(p, period) < 0);
  return earlier[earlier.length - 1] ?? null;
}
