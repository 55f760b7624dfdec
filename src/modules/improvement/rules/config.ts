/**
 * The rules' configuration: the general defaults stored as version 1 the first time the engine runs,
 * the check of a change of parameters (a partial over the current, giving the full next parameters),
 * and which version is in force for a council and an indicator.
 */
import type { ProblemDetail } from '../../../platform/errors.ts';
import { ANY, type TriggerKind, type TriggerParamsByKind, type TriggerRuleVersion } from '../improvement.types.ts';
import { PARAM_FIELDS, readField, type ParamField } from './params.ts';

export type DefaultRule = {
  [K in TriggerKind]: { kind: K; bodyId: string; indicatorCode: string; enabled: boolean; params: TriggerParamsByKind[K] };
}[TriggerKind];

/**
 * Every case starts on rung 1: the council's own performance management and scrutiny comes first, and
 * moves up only when its deadline passes without improvement. Two clear periods make a recovery, as one
 * good year after a bad one is as likely noise as a turn; a late figure is recovered once it is in.
 */
const COMMON = { openAtRung: 1, recoveryPeriods: 2 } as const;

export const DEFAULT_PARAMS: { [K in TriggerKind]: TriggerParamsByKind[K] } = {
  // one off-track judgement is enough: the target's tolerance already allows for noise, and "at risk"
  // is the council's own early warning, not a case
  off_target: { ...COMMON, periods: 1, includeAtRisk: false },
  // councils are compared with their statistical nearest neighbours, the comparison they use themselves
  red_red: { ...COMMON, comparator: 'nearest' },
  // two years in the worst quarter: one year can be a blip in a group of sixteen
  bottom_quartile: { ...COMMON, comparator: 'nearest', periods: 2 },
  // three times the usual change and at least one unit, judged after three earlier changes, so that a
  // volatile or short series does not fire on its ordinary movement; a gap is always worth a look
  series_break: { ...COMMON, dropFactor: 3, minimumDrop: 1, minimumHistory: 3, fireOnGap: true },
  // a figure is late the day after it is due
  data_late: { ...COMMON, recoveryPeriods: 1, graceDays: 0 },
  // survey figures move within about ±3 percentage points by sampling alone
  satisfaction_fall: { ...COMMON, marginOfError: 3 },
};

/**
 * The general rule of each kind; satisfaction falls only for the adult social care survey indicators
 * (ASC3 satisfaction with care and support, ASC4 feeling safe), as a fall in an administrative
 * indicator is already the other rules' business.
 */
export const DEFAULT_RULES: readonly DefaultRule[] = [
  { kind: 'off_target', bodyId: ANY, indicatorCode: ANY, enabled: true, params: DEFAULT_PARAMS.off_target },
  { kind: 'red_red', bodyId: ANY, indicatorCode: ANY, enabled: true, params: DEFAULT_PARAMS.red_red },
  { kind: 'bottom_quartile', bodyId: ANY, indicatorCode: ANY, enabled: true, params: DEFAULT_PARAMS.bottom_quartile },
  { kind: 'series_break', bodyId: ANY, indicatorCode: ANY, enabled: true, params: DEFAULT_PARAMS.series_break },
  { kind: 'data_late', bodyId: ANY, indicatorCode: ANY, enabled: true, params: DEFAULT_PARAMS.data_late },
  { kind: 'satisfaction_fall', bodyId: ANY, indicatorCode: ANY, enabled: false, params: DEFAULT_PARAMS.satisfaction_fall },
  { kind: 'satisfaction_fall', bodyId: ANY, indicatorCode: 'ASC3', enabled: true, params: DEFAULT_PARAMS.satisfaction_fall },
  { kind: 'satisfaction_fall', bodyId: ANY, indicatorCode: 'ASC4', enabled: true, params: DEFAULT_PARAMS.satisfaction_fall },
];

export type ParamsCheck<K extends TriggerKind> = { params: TriggerParamsByKind[K] } | { problems: ProblemDetail[] };

/**
 * Check a change to a rule's parameters: `raw` names only the fields that change (numbers may come as
 * text from a form or the command line); the result is the full next parameters over `current` (the
 * defaults when there is none). Unknown fields and bad values are refused, each named with its value.
 */
export function checkParams<K extends TriggerKind>(
  kind: K,
  raw: unknown,
  current: TriggerParamsByKind[K] = DEFAULT_PARAMS[kind],
): ParamsCheck<K> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { problems: [{ field: 'params', value: raw, reason: 'must be an object of parameter names and values' }] };
  }
  const fields = PARAM_FIELDS[kind] as Record<string, ParamField>;
  const problems: ProblemDetail[] = [];
  const next: Record<string, unknown> = { ...current };
  for (const [name, value] of Object.entries(raw)) {
    const spec = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!spec) {
      problems.push({
        field: name,
        value,
        reason: `is not a parameter of the ${kind} rule; its parameters are ${Object.keys(fields).join(', ')}`,
      });
      continue;
    }
    const read = readField(spec, value);
    if ('problem' in read) problems.push({ field: name, value, reason: read.problem });
    else next[name] = read.value;
  }
  return problems.length > 0 ? { problems } : { params: next as unknown as TriggerParamsByKind[K] };
}

/** The scopes a rule may have for a council and an indicator, most specific first. */
export function scopesFor(bodyId: string, indicatorCode: string): [string, string][] {
  return [
    [bodyId, indicatorCode],
    [ANY, indicatorCode],
    [bodyId, ANY],
    [ANY, ANY],
  ];
}

/**
 * The version in force for `kind` at a council and an indicator: the most specific scope with a version
 * (council and indicator, then indicator, then council, then general), its newest version. A disabled
 * version in force means the rule does not run there. undefined when no version applies.
 */
export function ruleInForce<K extends TriggerKind>(
  versions: readonly TriggerRuleVersion[],
  kind: K,
  bodyId: string,
  indicatorCode: string,
): TriggerRuleVersion<K> | undefined {
  for (const [body, indicator] of scopesFor(bodyId, indicatorCode)) {
    let newest: TriggerRuleVersion | undefined;
    for (const v of versions) {
      if (v.kind !== kind || v.bodyId !== body || v.indicatorCode !== indicator) continue;
      if (!newest || v.version > newest.version) newest = v;
    }
    if (newest) return newest as TriggerRuleVersion<K>;
  }
  return undefined;
}
