/**
 * Off target: the target's newest judgement in each period is off track (or at risk, when the rule
 * counts it) for the rule's number of consecutive judged periods. A period with no data breaks a run and
 * is not itself judged.
 */
import type { OffTargetParams, RuleOutcome, TargetFacts } from '../improvement.types.ts';
import { periodWords, plural } from './words.ts';

type Judgement = TargetFacts['judgements'][number];

const STATUS_WORDS: Record<Judgement['status'], string> = {
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
  no_data: 'without data',
};

/** One judgement per period, the newest of each, oldest period first (in the order given). */
export function judgementsByPeriod(target: TargetFacts): Judgement[] {
  const newest = new Map<string, Judgement>();
  for (const j of target.judgements) {
    const kept = newest.get(j.period);
    if (!kept || j.assessedAt >= kept.assessedAt) newest.set(j.period, j);
  }
  return [...newest.values()];
}

function counts(status: Judgement['status'], params: OffTargetParams): boolean {
  return status === 'off_track' || (params.includeAtRisk && status === 'at_risk');
}

export function evaluateOffTarget(params: OffTargetParams, target: TargetFacts): RuleOutcome {
  const judgements = judgementsByPeriod(target);
  const latest = judgements[judgements.length - 1];
  const base = { planId: target.planId, targetKey: target.targetKey, title: target.title, params };
  if (!latest) {
    return { fires: false, period: null, summary: `Target “${target.title}” has not been judged yet`, evidence: base };
  }
  if (latest.status === 'no_data') {
    return {
      fires: false,
      period: null,
      summary: `Target “${target.title}” has no figure to judge for ${periodWords(latest.period)}`,
      evidence: { ...base, period: latest.period, status: latest.status },
    };
  }
  let run = 0;
  for (let i = judgements.length - 1; i >= 0 && counts(judgements[i]!.status, params); i--) run++;
  const fires = run >= params.periods;
  const which = params.includeAtRisk ? 'off track or at risk' : 'off track';
  const label = periodWords(latest.period);
  const summary = fires
    ? `Target “${target.title}” ${run > 1 ? `${which} for ${plural(run, 'judged period')} running to ${label}` : `${STATUS_WORDS[latest.status]} in ${label}`}: ${latest.reason}`
    : run > 0
      ? `Target “${target.title}” ${STATUS_WORDS[latest.status]} in ${label}, ${which} for ${plural(run, 'judged period')}; the rule needs ${params.periods}`
      : `Target “${target.title}” ${STATUS_WORDS[latest.status]} in ${label}`;
  return {
    fires,
    period: latest.period,
    summary,
    evidence: {
      ...base,
      indicatorCode: target.indicatorCode,
      areaCode: target.areaCode,
      period: latest.period,
      status: latest.status,
      reason: latest.reason,
      actual: latest.actual,
      expected: latest.expected,
      statusRuleVersion: latest.ruleVersion,
      run,
      judgements: judgements.slice(-Math.max(run, 1)).map(({ period, status, actual, expected }) => ({
        period,
        status,
        actual,
        expected,
      })),
    },
  };
}
