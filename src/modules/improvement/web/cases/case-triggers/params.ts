/**
 * A rule's parameters in words, and as the fields of the form that adds a version: one field per
 * parameter of the rule's kind, read back into the raw parameters the rules check.
 */
import { sentText } from '../../../../../platform/web/index.ts';
import type { ComparatorChoice, TriggerKind, TriggerParams, TriggerParamsByKind } from '../../../improvement.types.ts';
import { plural } from '../words.ts';

export type ParamKind = 'whole' | 'number' | 'yesno' | 'comparator' | 'rung';

export interface ParamField {
  name: string;
  label: string;
  hint: string;
  kind: ParamKind;
}

const COMMON: ParamField[] = [
  { name: 'openAtRung', label: 'Rung a case opens on', hint: '1, 2 or 3', kind: 'rung' },
  {
    name: 'recoveryPeriods',
    label: 'Clear periods before a case closes as recovered',
    hint: 'Consecutive periods in which the rule no longer fires',
    kind: 'whole',
  },
];

export const PARAM_FIELDS: Record<TriggerKind, ParamField[]> = {
  off_target: [
    {
      name: 'periods',
      label: 'Periods off track',
      hint: 'Consecutive judged periods the target must be off track',
      kind: 'whole',
    },
    { name: 'includeAtRisk', label: 'Count “at risk” as off track', hint: '', kind: 'yesno' },
    ...COMMON,
  ],
  red_red: [{ name: 'comparator', label: 'Comparator group', hint: '', kind: 'comparator' }, ...COMMON],
  bottom_quartile: [
    { name: 'comparator', label: 'Comparator group', hint: '', kind: 'comparator' },
    { name: 'periods', label: 'Periods in the bottom quartile', hint: 'Consecutive periods in the worst quarter', kind: 'whole' },
    ...COMMON,
  ],
  series_break: [
    {
      name: 'dropFactor',
      label: 'Drop factor',
      hint: 'A drop larger than this many times the usual change fires',
      kind: 'number',
    },
    {
      name: 'minimumDrop',
      label: 'Smallest drop',
      hint: 'In the indicator’s units, so a flat series does not fire on noise',
      kind: 'number',
    },
    { name: 'minimumHistory', label: 'Figures needed before the latest', hint: 'To judge what a usual change is', kind: 'whole' },
    { name: 'fireOnGap', label: 'Fire on a missing figure', hint: '', kind: 'yesno' },
    ...COMMON,
  ],
  data_late: [
    { name: 'graceDays', label: 'Days of grace', hint: 'Days after the due date before it fires', kind: 'whole' },
    ...COMMON,
  ],
  satisfaction_fall: [
    {
      name: 'marginOfError',
      label: 'Margin of error',
      hint: 'In the indicator’s units; used when the figures carry no confidence interval',
      kind: 'number',
    },
    ...COMMON,
  ],
};

export const COMPARATOR_WORDS: Record<ComparatorChoice, string> = {
  nearest: 'its nearest neighbours (councils of its type when it has none)',
  type: 'councils of its type',
  region: 'councils in its region',
  england: 'every council in England',
};

const periods = (n: number) => plural(n, 'period');

/** What the rule fires on, in one sentence. */
function firesOn(kind: TriggerKind, p: TriggerParams): string {
  switch (kind) {
    case 'off_target': {
      const q = p as TriggerParamsByKind['off_target'];
      return `Fires when a target is off track${q.includeAtRisk ? ' or at risk' : ''} for ${periods(q.periods)} in a row.`;
    }
    case 'red_red': {
      const q = p as TriggerParamsByKind['red_red'];
      return `Fires when the council is worse than the median of ${COMPARATOR_WORDS[q.comparator] ?? q.comparator} and getting worse.`;
    }
    case 'bottom_quartile': {
      const q = p as TriggerParamsByKind['bottom_quartile'];
      return `Fires when the council is in the worst quarter of ${COMPARATOR_WORDS[q.comparator] ?? q.comparator} for ${periods(q.periods)} in a row.`;
    }
    case 'series_break': {
      const q = p as TriggerParamsByKind['series_break'];
      return `Fires when a figure moves the wrong way by more than ${q.dropFactor} times the series’ usual change (and at least ${q.minimumDrop} in its units), judged after ${plural(q.minimumHistory, 'earlier figure')}${q.fireOnGap ? ', or when a figure is missing' : ''}.`;
    }
    case 'data_late': {
      const q = p as TriggerParamsByKind['data_late'];
      return `Fires when a figure is not published ${plural(q.graceDays, 'day')} after it was due.`;
    }
    case 'satisfaction_fall': {
      const q = p as TriggerParamsByKind['satisfaction_fall'];
      return `Fires when a satisfaction figure falls by more than its margin of error (the confidence intervals do not overlap; without intervals, by more than ${q.marginOfError}).`;
    }
  }
}

export function paramsInWords(kind: TriggerKind, params: TriggerParams): string {
  return `${firesOn(kind, params)} Cases open on rung ${params.openAtRung} and close as recovered after ${periods(params.recoveryPeriods)} clear.`;
}

/** A parameter's value as the form shows it. */
export function fieldValue(params: TriggerParams | undefined, name: string): string {
  const value = params ? (params as unknown as Record<string, unknown>)[name] : undefined;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value === undefined || value === null ? '' : String(value);
}

/** The parameters as sent: numbers read as numbers where they are numbers, yes/no as true/false; blanks left out. */
export function rawParams(kind: TriggerKind, body: unknown): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const f of PARAM_FIELDS[kind]) {
    const text = sentText(body, `param-${f.name}`).trim();
    if (text === '') continue;
    if (f.kind === 'yesno') raw[f.name] = text === 'yes' ? true : text === 'no' ? false : text;
    else if (f.kind === 'comparator') raw[f.name] = text;
    else raw[f.name] = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  }
  return raw;
}

/** Each parameter's sent text, to show the form again. */
export function sentParams(kind: TriggerKind, body: unknown): Record<string, string> {
  return Object.fromEntries(PARAM_FIELDS[kind].map((f) => [f.name, sentText(body, `param-${f.name}`).trim()]));
}
