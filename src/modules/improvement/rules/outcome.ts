/** Pieces the indicator rules share: an outcome that judges nothing, and figures and groups in words. */
import type { GroupPosition, IndicatorFacts, RuleOutcome, SeriesPoint } from '../improvement.types.ts';
import { periodWords, valueWords } from './words.ts';

/** Nothing to judge: it does not fire, and says why. */
export function notJudged(summary: string, evidence: Record<string, unknown>): RuleOutcome {
  return { fires: false, period: null, summary, evidence };
}

/** "29.4% in 2023/24" */
export function figureWords(facts: IndicatorFacts, point: Pick<SeriesPoint, 'value' | 'period'>): string {
  return `${valueWords(facts, point.value)} in ${periodWords(point.period)}`;
}

/** A figure as evidence: period, value and interval. */
export function pointEvidence(point: SeriesPoint): Record<string, unknown> {
  return { period: point.period, value: point.value, ciLower: point.ciLower, ciUpper: point.ciUpper };
}

/** A comparator position as evidence. */
export function groupEvidence(position: GroupPosition): Record<string, unknown> {
  const { groupId, groupName, size, rank, quartile, median, worstQuartileBound, period, value } = position;
  return { groupId, groupName, size, rank, quartile, median, worstQuartileBound, period, value };
}

/** "Nearest neighbours (16 councils with figures)" */
export function groupWords(position: GroupPosition): string {
  return `${position.groupName} (${position.size} councils with figures)`;
}

/** The indicator's subject and facts every outcome keeps. */
export function indicatorEvidence(facts: IndicatorFacts): Record<string, unknown> {
  return {
    indicatorCode: facts.indicatorCode,
    indicatorTitle: facts.indicatorTitle,
    polarity: facts.polarity,
    unit: facts.unit,
    decimalPlaces: facts.decimalPlaces,
  };
}

/** Why a comparison rule does not judge an indicator without a direction. */
export function withoutDirection(facts: IndicatorFacts, params: unknown): RuleOutcome | null {
  return facts.polarity === 'none'
    ? notJudged(`${facts.indicatorTitle} has no better direction, so it is not judged as worse or better`, {
        ...indicatorEvidence(facts),
        params,
      })
    : null;
}
