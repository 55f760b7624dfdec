/**
 * Series break: a sudden change in the worse direction — larger than `dropFactor` times the series'
 * usual change (the median size of its earlier changes between consecutive periods, of which there must
 * be `minimumHistory`) and at least `minimumDrop` units — or, when `fireOnGap`, a gap: the area has no
 * figure for the latest period the indicator has figures for while it had one for the period before
 * (the series has just stopped), or its latest figure follows periods it has no figure for. A series
 * that stopped longer ago is not judged again: the gap was news when it appeared, and a case it opened
 * stays open until figures return. Gaps are judged for any indicator; drops only for one with a
 * direction.
 */
import type { IndicatorFacts, RuleOutcome, SeriesBreakParams } from '../improvement.types.ts';
import { median, roundingOf, worseBy } from './compare.ts';
import { figureWords, indicatorEvidence, notJudged, pointEvidence } from './outcome.ts';
import { consecutiveChanges, latestPoint, orderedPeriods, pointsByPeriod } from './series.ts';
import { differenceWords, periodWords, plural } from './words.ts';

type Base = Record<string, unknown>;

/** The periods after the area's last figure (the series stopped), or [] when it has the latest. */
function periodsSinceLastFigure(facts: IndicatorFacts, periods: string[]): string[] {
  const last = latestPoint(facts);
  return last ? periods.slice(periods.indexOf(last.period) + 1) : [];
}

/** The periods just before the area's latest figure that it has no figure for (back to an earlier figure). */
function gapBeforeLatest(facts: IndicatorFacts, periods: string[]): string[] {
  const points = pointsByPeriod(facts);
  const first = periods.findIndex((p) => points.has(p));
  const missing: string[] = [];
  for (let i = periods.length - 2; i > first && !points.has(periods[i]!); i--) missing.unshift(periods[i]!);
  return missing;
}

function gapOutcome(facts: IndicatorFacts, periods: string[], missing: string[], base: Base): RuleOutcome {
  const latestPeriod = periods[periods.length - 1]!;
  const last = latestPoint(facts)!;
  const stopped = last.period !== latestPeriod;
  const which = missing.map(periodWords).join(', ');
  const summary = stopped
    ? `${facts.indicatorTitle} has no figure for ${which}, which other councils have published; the last was ${figureWords(facts, last)}`
    : `${facts.indicatorTitle} has a gap in its series: no figure for ${which} before ${figureWords(facts, last)}`;
  return {
    fires: true,
    period: latestPeriod,
    summary,
    evidence: { ...base, break: 'gap', missingPeriods: missing, lastFigure: pointEvidence(last) },
  };
}

function dropOutcome(facts: IndicatorFacts, periods: string[], params: SeriesBreakParams, base: Base): RuleOutcome {
  const changes = consecutiveChanges(facts, periods);
  const last = changes[changes.length - 1];
  const latest = latestPoint(facts)!;
  if (!last || last.to.period !== latest.period) {
    return notJudged(`${facts.indicatorTitle} ${figureWords(facts, latest)} has no figure for the period before`, base);
  }
  const earlier = changes.slice(0, -1);
  if (earlier.length < params.minimumHistory) {
    return notJudged(
      `${facts.indicatorTitle} has ${plural(earlier.length, 'earlier change')} between consecutive periods; judging a sudden drop needs ${params.minimumHistory}`,
      { ...base, earlierChanges: earlier.length },
    );
  }
  const usual = median(earlier.map((c) => Math.abs(c.change)))!;
  const worse = worseBy(facts.polarity, last.from.value, last.to.value)!;
  const threshold = Math.max(params.dropFactor * usual, params.minimumDrop);
  const size = Math.abs(last.change);
  const noise = 1e-9 * Math.max(1, Math.abs(last.from.value), Math.abs(last.to.value));
  const fires = worse > 0 && size - params.dropFactor * usual > noise && size - params.minimumDrop > -noise;
  const moved = `${last.change < 0 ? 'fell' : last.change > 0 ? 'rose' : 'stayed'} from ${figureWords(facts, last.from)} to ${figureWords(facts, last.to)}`;
  const against = `a change of ${differenceWords(facts, size)} against a usual change of ${differenceWords(facts, usual)}`;
  const rule = `the rule fires on a change for the worse above ${params.dropFactor} times the usual and at least ${differenceWords(facts, params.minimumDrop)}`;
  return {
    fires,
    period: latest.period,
    summary: `${facts.indicatorTitle} ${moved}, ${against}${fires ? ': a sudden drop' : ''} (${rule})`,
    evidence: {
      ...base,
      break: fires ? 'drop' : null,
      latest: pointEvidence(last.to),
      previous: pointEvidence(last.from),
      change: last.change,
      worseBy: worse,
      usualChange: usual,
      earlierChanges: earlier.map((c) => ({ from: c.from.period, to: c.to.period, change: c.change })),
      threshold,
      rounding: roundingOf(facts.decimalPlaces),
    },
  };
}

export function evaluateSeriesBreak(params: SeriesBreakParams, facts: IndicatorFacts): RuleOutcome {
  const base = { ...indicatorEvidence(facts), params };
  const latest = latestPoint(facts);
  if (!latest) return notJudged(`${facts.indicatorTitle} has no figures for this area`, base);
  const periods = orderedPeriods(facts);
  const stopped = periodsSinceLastFigure(facts, periods);
  if (params.fireOnGap && stopped.length === 1) return gapOutcome(facts, periods, stopped, base);
  if (params.fireOnGap && stopped.length > 1) {
    return notJudged(
      `${facts.indicatorTitle} has had no figure since ${figureWords(facts, latest)}: the series stopped ${plural(stopped.length, 'period')} ago, a gap judged when it appeared`,
      { ...base, missingPeriods: stopped, lastFigure: pointEvidence(latest) },
    );
  }
  const missing = params.fireOnGap && stopped.length === 0 ? gapBeforeLatest(facts, periods) : [];
  if (missing.length > 0) return gapOutcome(facts, periods, missing, base);
  const latestPeriod = periods[periods.length - 1]!;
  if (facts.polarity === 'none') {
    return params.fireOnGap
      ? {
          fires: false,
          period: latestPeriod,
          summary: `${facts.indicatorTitle} has no gap in its series; it has no better direction, so drops are not judged`,
          evidence: base,
        }
      : notJudged(`${facts.indicatorTitle} has no better direction, so drops are not judged`, base);
  }
  if (latest.period !== latestPeriod) {
    return notJudged(
      `${facts.indicatorTitle} has no figure for ${periodWords(latestPeriod)}; a drop is judged at the latest period, and gaps are not judged by this rule`,
      { ...base, lastFigure: pointEvidence(latest) },
    );
  }
  const drop = dropOutcome(facts, periods, params, base);
  if (drop.period === null && params.fireOnGap) {
    return { ...drop, period: latestPeriod, summary: `${drop.summary}; there is no gap in the series` };
  }
  return drop;
}
