/**
 * Satisfaction fall: the latest figure is worse than the one for the period before by more than the
 * margin of error — the confidence intervals do not overlap when both figures have them, else the change
 * is larger than the configured margin.
 */
import type { IndicatorFacts, RuleOutcome, SatisfactionFallParams } from '../improvement.types.ts';
import { judgeChange } from './compare.ts';
import { figureWords, indicatorEvidence, notJudged, pointEvidence, withoutDirection } from './outcome.ts';
import { latestPoint, previousPoint } from './series.ts';
import { differenceWords, valueWords } from './words.ts';

function intervalWords(facts: IndicatorFacts, low: number | null, high: number | null): string {
  return `${valueWords(facts, low ?? NaN)} to ${valueWords(facts, high ?? NaN)}`;
}

export function evaluateSatisfactionFall(params: SatisfactionFallParams, facts: IndicatorFacts): RuleOutcome {
  const base = { ...indicatorEvidence(facts), params };
  const undirected = withoutDirection(facts, params);
  if (undirected) return undirected;
  const latest = latestPoint(facts);
  if (!latest) return notJudged(`${facts.indicatorTitle} has no figures for this area`, base);
  const previous = previousPoint(facts, latest.period);
  if (!previous) {
    return notJudged(
      `${facts.indicatorTitle} ${figureWords(facts, latest)} has no figure for the period before to compare with`,
      { ...base, latest: pointEvidence(latest) },
    );
  }
  const change = judgeChange(facts.polarity, previous, latest, facts.decimalPlaces, params.marginOfError);
  const moved =
    change.change === 0
      ? `unchanged from ${figureWords(facts, previous)}`
      : `${change.change < 0 ? 'down' : 'up'} ${differenceWords(facts, change.change)} from ${figureWords(facts, previous)}`;
  const intervals = `the confidence intervals (${intervalWords(facts, previous.ciLower, previous.ciUpper)} and ${intervalWords(facts, latest.ciLower, latest.ciUpper)})`;
  const margin = `the margin of error of ${differenceWords(facts, params.marginOfError)}`;
  const verdict = change.worse
    ? change.test === 'intervals'
      ? `a fall: ${intervals} do not overlap`
      : `a fall beyond ${margin}`
    : change.worseBy !== null && change.worseBy > 0
      ? change.test === 'intervals'
        ? `not a fall beyond the margin of error: ${intervals} overlap`
        : `within ${margin}`
      : 'not a fall';
  return {
    fires: change.worse,
    period: latest.period,
    summary: `${facts.indicatorTitle} ${figureWords(facts, latest)}, ${moved}: ${verdict}`,
    evidence: {
      ...base,
      latest: pointEvidence(latest),
      previous: pointEvidence(previous),
      change: change.change,
      worseBy: change.worseBy,
      changeTest: change.test,
      marginOfError: change.test === 'margin' ? params.marginOfError : null,
    },
  };
}
