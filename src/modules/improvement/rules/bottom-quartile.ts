/**
 * Bottom quartile: in the worst quarter of the comparator group in each of the latest N periods, the
 * periods consecutive in the indicator's series (a period the area has no figure or no position for
 * breaks the run).
 */
import type { BottomQuartileParams, IndicatorFacts, RuleOutcome } from '../improvement.types.ts';
import { figureWords, groupEvidence, indicatorEvidence, notJudged, pointEvidence, withoutDirection } from './outcome.ts';
import { latestPoint, orderedPeriods } from './series.ts';
import { plural, runningWords, valueWords } from './words.ts';

export function evaluateBottomQuartile(params: BottomQuartileParams, facts: IndicatorFacts): RuleOutcome {
  const base = { ...indicatorEvidence(facts), params };
  const undirected = withoutDirection(facts, params);
  if (undirected) return undirected;
  const latest = latestPoint(facts);
  if (!latest) return notJudged(`${facts.indicatorTitle} has no figures for this area`, base);
  const byPeriod = new Map(facts.positions.map((p) => [p.period, p]));
  const position = byPeriod.get(latest.period);
  if (!position) {
    return notJudged(`${facts.indicatorTitle} ${figureWords(facts, latest)} could not be ranked among comparators`, {
      ...base,
      latest: pointEvidence(latest),
    });
  }
  const periods = orderedPeriods(facts);
  const run: typeof facts.positions = [];
  for (let i = periods.indexOf(latest.period); i >= 0; i--) {
    const p = byPeriod.get(periods[i]!);
    if (!p || p.quartile !== 4) break;
    run.push(p);
  }
  const fires = run.length >= params.periods;
  const bound = facts.polarity === 'higher_is_better' ? 'lower quartile' : 'upper quartile';
  const where = `rank ${position.rank} of ${position.size}, ${bound} ${valueWords(facts, position.worstQuartileBound)}`;
  const head = `${facts.indicatorTitle} ${figureWords(facts, latest)}`;
  const summary =
    run.length === 0
      ? `${head}, not in the worst quarter of ${position.groupName} (${where})`
      : fires
        ? `${head}, in the worst quarter of ${position.groupName} (${where})${run.length > 1 ? ` ${runningWords(run.length, latest.period)}` : ''}`
        : `${head}, in the worst quarter of ${position.groupName} (${where}) for ${plural(run.length, 'period')}; the rule needs ${params.periods} in a row`;
  return {
    fires,
    period: latest.period,
    summary,
    evidence: {
      ...base,
      latest: pointEvidence(latest),
      group: groupEvidence(position),
      run: run.length,
      positions: run.reverse().map(groupEvidence),
    },
  };
}
