/**
 * The built-in trigger source: the six rule kinds over each council's published figures, target
 * judgements and collection deadlines, each under the rule version in force for the council and the
 * indicator. A case it fired into has recovered when none of its kinds has fired for the periods the
 * rules ask (each kind's `clearPeriods` against the largest `recoveryPeriods`).
 */
import {
  type Case,
  type ComparatorChoice,
  type CouncilFacts,
  type IndicatorFacts,
  type RecoveryCheck,
  type RuleInputsByKind,
  type TriggerFiring,
  type TriggerKind,
  type TriggerParams,
  type TriggerParamsByKind,
  TRIGGER_KINDS,
  TRIGGER_KIND_NAMES,
  type TriggerRuleVersion,
} from '../improvement.types.ts';
import { clearPeriods, evaluateRule, ruleInForce } from '../rules/index.ts';
import type { TriggerSource, TriggerSourceContext } from './cases.types.ts';

export const INDICATOR_RULES = 'indicator_rules';

const INDICATOR_KINDS = ['red_red', 'bottom_quartile', 'series_break', 'satisfaction_fall'] as const;

/** One subject a kind judges: its input, the indicator and area it is about. */
interface Judged<K extends TriggerKind = TriggerKind> {
  kind: K;
  indicatorCode: string;
  areaCode: string;
  input: RuleInputsByKind[K];
}

/** Everything the rules judge about one council. */
function judgedOf(council: CouncilFacts): Judged[] {
  const out: Judged[] = [];
  for (const facts of council.indicators)
    for (const kind of INDICATOR_KINDS)
      out.push({ kind, indicatorCode: facts.indicatorCode, areaCode: council.areaCode, input: facts });
  for (const target of council.targets)
    out.push({ kind: 'off_target', indicatorCode: target.indicatorCode, areaCode: target.areaCode, input: target });
  for (const due of council.deadlines)
    out.push({ kind: 'data_late', indicatorCode: due.indicatorCode, areaCode: council.areaCode, input: due });
  return out;
}

export function fingerprintOf(
  f: Pick<TriggerFiring, 'source' | 'kind' | 'bodyId' | 'areaCode' | 'indicatorCode' | 'period'>,
  rule: Pick<TriggerRuleVersion, 'id' | 'version'> | null,
): string {
  return [f.source, f.kind, f.bodyId, f.areaCode, f.indicatorCode ?? '', f.period ?? '', rule ? `${rule.id}.${rule.version}` : '']
    .map((p) => p.replace(/\|/g, '/'))
    .join('|');
}

/** The comparator groups the comparison rules in force ask for (the engine gathers positions in each). */
export function comparatorsInUse(rules: readonly TriggerRuleVersion[]): ComparatorChoice[] {
  const out = new Set<ComparatorChoice>();
  for (const r of rules)
    if ((r.kind === 'red_red' || r.kind === 'bottom_quartile') && r.enabled)
      out.add((r.params as TriggerParamsByKind['red_red']).comparator);
  return [...out];
}

/** A comparison rule reads the positions in the group its own parameters name. */
function inputFor(j: Judged, params: TriggerParams): unknown {
  if ((j.kind !== 'red_red' && j.kind !== 'bottom_quartile') || !('comparator' in params)) return j.input;
  const facts = j.input as IndicatorFacts;
  const positions = facts.positionsByComparator?.[params.comparator];
  return positions ? { ...facts, positions } : facts;
}

function fire(council: CouncilFacts, j: Judged, rules: readonly TriggerRuleVersion[], now: Date): TriggerFiring | null {
  const rule = ruleInForce(rules, j.kind, council.bodyId, j.indicatorCode);
  if (!rule || !rule.enabled) return null;
  const outcome = evaluateRule(j.kind, rule.params as never, inputFor(j, rule.params) as never, now);
  if (!outcome.fires) return null;
  const base = {
    source: INDICATOR_RULES,
    kind: j.kind,
    bodyId: council.bodyId,
    areaCode: j.areaCode,
    indicatorCode: j.indicatorCode,
    period: outcome.period,
  };
  return {
    ...base,
    ruleId: rule.id,
    ruleVersion: rule.version,
    fingerprint: fingerprintOf(base, rule),
    summary: outcome.summary,
    evidence: { ...outcome.evidence, ...(j.kind === 'off_target' ? { target: targetRef(j as Judged<'off_target'>) } : {}) },
    openAtRung: rule.params.openAtRung,
  };
}

const targetRef = (j: Judged<'off_target'>) => ({ planId: j.input.planId, key: j.input.targetKey, title: j.input.title });

/** Each run's councils by body id, and what is judged of each, worked out once per run. */
const judgedByRun = new WeakMap<CouncilFacts[], Map<string, { council: CouncilFacts; judged: Judged[] }>>();

function judgedFor(ctx: TriggerSourceContext, bodyId: string): { council: CouncilFacts; judged: Judged[] } | undefined {
  let byBody = judgedByRun.get(ctx.facts);
  if (!byBody) {
    byBody = new Map(ctx.facts.map((council) => [council.bodyId, { council, judged: judgedOf(council) }]));
    judgedByRun.set(ctx.facts, byBody);
  }
  return byBody.get(bodyId);
}

/** What the case's kinds say now about its subject. */
function recoveryOf(c: Case, ctx: TriggerSourceContext): RecoveryCheck | null {
  const found = judgedFor(ctx, c.subject.bodyId);
  if (!found) return null;
  const { council, judged } = found;
  const kinds = c.kinds.filter((k): k is TriggerKind => (TRIGGER_KINDS as readonly string[]).includes(k));
  if (kinds.length === 0) return null;
  const now = ctx.clock.now();
  let clear = Number.POSITIVE_INFINITY;
  let needed = 0;
  const words: string[] = [];
  for (const kind of kinds) {
    const subjects = judged.filter(
      (j) => j.kind === kind && j.indicatorCode === c.subject.indicatorCode && j.areaCode === c.subject.areaCode,
    );
    // the figures, target or deadline the case was about are no longer there: nothing to judge recovery by
    if (subjects.length === 0) return null;
    for (const j of subjects) {
      const rule = ruleInForce(ctx.rules, kind, council.bodyId, j.indicatorCode);
      if (!rule) return null;
      const periods = clearPeriods(kind, rule.params as never, inputFor(j, rule.params) as never, now);
      clear = Math.min(clear, periods);
      needed = Math.max(needed, rule.params.recoveryPeriods);
      words.push(
        `${TRIGGER_KIND_NAMES[kind]}: clear for ${periods} of the ${rule.params.recoveryPeriods} period${rule.params.recoveryPeriods === 1 ? '' : 's'} needed`,
      );
    }
  }
  return { clearPeriods: clear, needed, summary: `${words.join('; ')}.` };
}

export const indicatorRulesSource: TriggerSource = {
  id: INDICATOR_RULES,
  name: 'Rules over published figures, targets and collection deadlines',
  async fire(_db, ctx) {
    const now = ctx.clock.now();
    const out: TriggerFiring[] = [];
    for (const council of ctx.facts)
      for (const j of judgedOf(council)) {
        const firing = fire(council, j, ctx.rules, now);
        if (firing) out.push(firing);
      }
    return out;
  },
  async recovery(_db, c, ctx) {
    return recoveryOf(c, ctx);
  },
};

/** The sources the engine runs when it is given none: the built-in rules. */
export const BUILT_IN_SOURCES: readonly TriggerSource[] = [indicatorRulesSource];
