/**
 * Red-red: the latest figure is worse than the comparator group's median for its period AND worse than
 * the figure of the period before — beyond the confidence intervals when both figures have them, else
 * beyond the rounding of the published figures. An indicator without a direction is never red-red.
 */
import type { IndicatorFacts, RedRedParams, RuleOutcome } from '../improvement.types.ts';
import { judgeChange, worseThan } from './compare.ts';
import {
  figureWords,
  groupEvidence,
  groupWords,
  indicatorEvidence,
  notJudged,
  pointEvidence,
  withoutDirection,
} from './outcome.ts';
import { latestPoint, previousPoint } from './series.ts';
import { differenceWords, periodWords, valueWords } from './words.ts';

export function evaluateRedRed(params: RedRedParams, facts: IndicatorFacts): RuleOutcome {
  const base = { ...indicatorEvidence(facts), params };
  const undirected = withoutDirection(facts, params);
  if (undirected) return undirected;
  const latest = latestPoint(facts);
  if (!latest) return notJudged(`${facts.indicatorTitle} has no figures for this area`, base);
  const position = facts.positions.find((p) => p.period === latest.period);
  if (!position) {
    return notJudged(`${facts.indicatorTitle} ${figureWords(facts, latest)} could not be ranked among comparators`, {
      ...base,
      latest: pointEvidence(latest),
    });
  }
  const previous = previousPoint(facts, latest.period);
  if (!previous) {
    return notJudged(
      `${facts.indicatorTitle} ${figureWords(facts, latest)} has no figure for the period before to compare with`,
      { ...base, latest: pointEvidence(latest), group: groupEvidence(position) },
    );
  }
  const belowMedian = worseThan(facts.polarity, latest.value, position.median, facts.decimalPlaces);
  const change = judgeChange(facts.polarity, previous, latest, facts.decimalPlaces);
  const fires = belowMedian && change.worse;
  const median = `the median of ${groupWords(position)}, ${valueWords(facts, position.median)}`;
  const moved = `${change.change < 0 ? 'down' : 'up'} ${differenceWords(facts, change.change)} from ${figureWords(facts, previous)}`;
  const how = change.test === 'intervals' ? 'beyond the confidence intervals' : 'beyond rounding';
  const comparison = `${belowMedian ? 'worse than' : 'not worse than'} ${median}`;
  const trend = change.worse
    ? `and worse than ${periodWords(previous.period)} (${moved}, ${how})`
    : change.change === 0
      ? `and the same as ${periodWords(previous.period)}`
      : `and not worse than ${periodWords(previous.period)} beyond ${change.test === 'intervals' ? 'the confidence intervals' : 'rounding'} (${moved})`;
  return {
    fires,
    period: latest.period,
    summary: `${facts.indicatorTitle} ${figureWords(facts, latest)}: ${comparison}, ${trend}`,
    evidence: {
      ...base,
      latest: pointEvidence(latest),
      previous: pointEvidence(previous),
      change: change.change,
      worseBy: change.worseBy,
      changeTest: change.test,
      worseThanMedian: belowMedian,
      worsening: change.worse,
      group: groupEvidence(position),
    },
  };
}
