/** Building one line of an area profile from the area's series for an indicator. Pure. */
import type { ObservedFigures } from '../data/index.ts';
import { formatValue, type IndicatorDefinition } from '../indicators/index.ts';
import { comparePeriods, periodFromKey, type Period } from '../periods/index.ts';
import type { GroupRanking } from './comparison.ts';
import { directionOfTravel, type DirectionOfTravel } from './direction.ts';
import type { AreaFigure } from './figures.ts';

export interface ProfilePoint {
  period: Period;
  value: number | null;
  formatted: string;
  status: string | null;
}

export interface ProfileItem {
  indicator: Pick<IndicatorDefinition, 'code' | 'title' | 'theme' | 'unit' | 'polarity' | 'source'> & { summary: string };
  latest: ProfilePoint | null;
  previous: ProfilePoint | null;
  direction: DirectionOfTravel | null;
  /** rank and quartile among the profile's comparator group, for the latest period */
  comparison: { rank: number; rankLabel: string; quartile: 1 | 2 | 3 | 4; of: number; judged: boolean } | null;
  /** values by period, oldest first */
  sparkline: { period: string; label: string; value: number | null }[];
  flags: { provisional: boolean; suppressed: boolean; derived: boolean; coverage: string | null };
}

/** The first sentence of a description (at most 200 characters), for a one-line summary. */
export function summariseDefinition(description: string): string {
  const first = /^(.+?[.!?])(\s|$)/s.exec(description.trim())?.[1] ?? description.trim();
  return first.length > 200 ? `${first.slice(0, 199).trimEnd()}…` : first;
}

function point(def: IndicatorDefinition, f: Pick<AreaFigure, 'value' | 'status'>, period: Period): ProfilePoint {
  return {
    period,
    value: f.value,
    formatted: f.status === 'suppressed' ? 'suppressed' : formatValue(def, f.value),
    status: f.status,
  };
}

export interface SeriesPoint {
  period: Period;
  figure: AreaFigure;
}

/** Observations in period order, one per period (the latest revision wins if several are given). */
export function seriesFromObservations(observations: readonly ObservedFigures[]): SeriesPoint[] {
  const byPeriod = new Map<string, ObservedFigures>();
  for (const o of observations) {
    const seen = byPeriod.get(o.period);
    if (!seen || o.revision > seen.revision) byPeriod.set(o.period, o);
  }
  return [...byPeriod.values()]
    .map((o) => ({ period: periodFromKey(o.period), figure: figureOf(o) }))
    .sort((a, b) => comparePeriods(a.period, b.period));
}

function figureOf(o: ObservedFigures): AreaFigure {
  const { areaCode, value, status, numerator, denominator, ciLower, ciUpper } = o;
  return { areaCode, value, status, numerator, denominator, ciLower, ciUpper, source: 'published', coverage: null, reason: null };
}

/** The profile line: latest and previous figures (same period type), direction, rank, sparkline, flags. */
export function profileItem(
  def: IndicatorDefinition,
  series: readonly SeriesPoint[],
  ranking: GroupRanking | null,
  areaCode: string,
): ProfileItem {
  const shown = series.filter((p) => p.figure.value !== null || p.figure.status === 'suppressed');
  const last = shown[shown.length - 1];
  const prev = last
    ? [...shown].reverse().find((p) => p !== last && p.period.type === last.period.type && p.figure.value !== null)
    : undefined;
  const direction =
    last?.figure.value != null && prev?.figure.value != null
      ? directionOfTravel(
          { value: last.figure.value, ciLower: last.figure.ciLower, ciUpper: last.figure.ciUpper },
          { value: prev.figure.value, ciLower: prev.figure.ciLower, ciUpper: prev.figure.ciUpper },
          def,
        )
      : null;
  const row = ranking?.rows.find((r) => r.figure.areaCode === areaCode && r.rank !== null);
  const ranked = ranking?.rows.filter((r) => r.rank !== null).length ?? 0;
  return {
    indicator: {
      code: def.code,
      title: def.title,
      theme: def.theme,
      unit: def.unit,
      polarity: def.polarity,
      source: def.source,
      summary: summariseDefinition(def.description),
    },
    latest: last ? point(def, last.figure, last.period) : null,
    previous: prev ? point(def, prev.figure, prev.period) : null,
    direction,
    comparison:
      row && ranking
        ? { rank: row.rank!, rankLabel: row.rankLabel!, quartile: row.quartile!, of: ranked, judged: ranking.judged }
        : null,
    sparkline: series.map((p) => ({ period: p.period.key, label: p.period.label, value: p.figure.value })),
    flags: {
      provisional: last?.figure.status === 'provisional',
      suppressed: last?.figure.status === 'suppressed',
      derived: last?.figure.source === 'derived',
      coverage: last?.figure.coverage?.text ?? null,
    },
  };
}
