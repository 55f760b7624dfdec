/**
 * The six built-in rule kinds, judged alike: `evaluateRule` says whether a rule fires at the subject's
 * latest period, with a sentence and the evidence; `clearPeriods` says for how many of the latest periods
 * in a row it has not fired, judging each as if it were the latest — how recovery is seen. A period
 * with nothing to judge (no figure, no position, no data for a target) neither counts nor breaks the
 * count.
 */
import type {
  IndicatorFacts,
  RuleInputsByKind,
  RuleOutcome,
  TargetFacts,
  TriggerKind,
  TriggerParamsByKind,
} from '../improvement.types.ts';
import { evaluateBottomQuartile } from './bottom-quartile.ts';
import { evaluateDataLate } from './data-late.ts';
import { evaluateOffTarget, judgementsByPeriod } from './off-target.ts';
import { evaluateRedRed } from './red-red.ts';
import { evaluateSatisfactionFall } from './satisfaction-fall.ts';
import { evaluateSeriesBreak } from './series-break.ts';
import { factsUpTo, orderedPeriods } from './series.ts';

type Evaluators = {
  [K in TriggerKind]: (params: TriggerParamsByKind[K], input: RuleInputsByKind[K], now: Date) => RuleOutcome;
};

const EVALUATORS: Evaluators = {
  off_target: evaluateOffTarget,
  red_red: evaluateRedRed,
  bottom_quartile: evaluateBottomQuartile,
  series_break: evaluateSeriesBreak,
  data_late: evaluateDataLate,
  satisfaction_fall: evaluateSatisfactionFall,
};

/** Does the rule fire at the subject's latest period? With the sentence and evidence either way. */
export function evaluateRule<K extends TriggerKind>(
  kind: K,
  params: TriggerParamsByKind[K],
  input: RuleInputsByKind[K],
  now: Date,
): RuleOutcome {
  const evaluate = EVALUATORS[kind] as (p: TriggerParamsByKind[K], i: RuleInputsByKind[K], n: Date) => RuleOutcome;
  return evaluate(params, input, now);
}

/** Count outcomes newest first: stop at the first that fires, skip those that judge nothing. */
function countClear(outcomes: Iterable<RuleOutcome>): number {
  let clear = 0;
  for (const outcome of outcomes) {
    if (outcome.fires) break;
    if (outcome.period !== null) clear++;
  }
  return clear;
}

function* targetHistory(kind: 'off_target', params: TriggerParamsByKind['off_target'], target: TargetFacts, now: Date) {
  const judgements = judgementsByPeriod(target);
  for (let n = judgements.length; n > 0; n--) {
    yield evaluateRule(kind, params, { ...target, judgements: judgements.slice(0, n) }, now);
  }
}

/** The periods an indicator rule is judged at: the area's own figures, or every period for a series break (gaps count). */
function judgedPeriods(kind: TriggerKind, facts: IndicatorFacts, periods: string[]): string[] {
  if (kind !== 'series_break') return facts.series.map((p) => p.period);
  const have = new Set(facts.series.map((p) => p.period));
  const first = periods.findIndex((p) => have.has(p));
  return first < 0 ? [] : periods.slice(first);
}

function* indicatorHistory<K extends TriggerKind>(kind: K, params: TriggerParamsByKind[K], facts: IndicatorFacts, now: Date) {
  const periods = orderedPeriods(facts);
  const judged = judgedPeriods(kind, facts, periods);
  for (let i = judged.length - 1; i >= 0; i--) {
    const upTo = factsUpTo(facts, judged[i]!, periods) as RuleInputsByKind[K];
    yield evaluateRule(kind, params, upTo, now);
  }
}

/**
 * How many of the subject's latest periods in a row (newest first) the rule does not fire in, each
 * judged as if it were the latest. For a figure due (data_late) there is one period: 1 when it is not
 * late now, else 0.
 */
export function clearPeriods<K extends TriggerKind>(
  kind: K,
  params: TriggerParamsByKind[K],
  input: RuleInputsByKind[K],
  now: Date,
): number {
  if (kind === 'data_late') return evaluateRule(kind, params, input, now).fires ? 0 : 1;
  if (kind === 'off_target') {
    return countClear(targetHistory('off_target', params as TriggerParamsByKind['off_target'], input as TargetFacts, now));
  }
  return countClear(indicatorHistory(kind, params, input as IndicatorFacts, now));
}
