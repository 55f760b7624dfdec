/**
 * The parameters of each rule kind: their names, what they mean in words, and what values they take.
 * Forms, the command line and the API read them from here; `checkParams` checks against them.
 */
import type { ComparatorChoice, TriggerKind, TriggerParamsByKind } from '../improvement.types.ts';

export const COMPARATOR_CHOICES: readonly ComparatorChoice[] = ['nearest', 'type', 'region', 'england'];
export const COMPARATOR_NAMES: Record<ComparatorChoice, string> = {
  nearest: 'its nearest neighbours',
  type: 'councils of its type',
  region: 'councils in its region',
  england: 'all councils in England',
};

export type ParamField =
  | { type: 'integer'; label: string; min: number; max: number }
  | { type: 'number'; label: string; min: number; max: number; aboveMin?: boolean }
  | { type: 'boolean'; label: string }
  | { type: 'choice'; label: string; options: readonly string[] };

type Fields<K extends TriggerKind> = { [F in keyof TriggerParamsByKind[K]]-?: ParamField };

const common = {
  openAtRung: { type: 'integer', label: 'Rung a case opened by this rule starts on', min: 1, max: 3 },
  recoveryPeriods: {
    type: 'integer',
    label: 'Clear periods in a row before a case closes as recovered',
    min: 1,
    max: 12,
  },
} as const;
const comparator = {
  type: 'choice',
  label: 'Comparator group (nearest, type, region or england)',
  options: COMPARATOR_CHOICES,
} as const;

export const PARAM_FIELDS: { [K in TriggerKind]: Fields<K> } = {
  off_target: {
    ...common,
    periods: { type: 'integer', label: 'Judged periods in a row off track', min: 1, max: 12 },
    includeAtRisk: { type: 'boolean', label: 'Count “at risk” as well as “off track”' },
  },
  red_red: { ...common, comparator },
  bottom_quartile: {
    ...common,
    comparator,
    periods: { type: 'integer', label: 'Periods in a row in the worst quarter', min: 1, max: 12 },
  },
  series_break: {
    ...common,
    dropFactor: {
      type: 'number',
      label: 'A drop fires when larger than this many times the usual change',
      min: 0,
      max: 100,
      aboveMin: true,
    },
    minimumDrop: { type: 'number', label: 'and at least this many of the indicator’s units', min: 0, max: 1e9 },
    minimumHistory: { type: 'integer', label: 'Earlier changes needed to judge the usual change', min: 1, max: 50 },
    fireOnGap: { type: 'boolean', label: 'Fire when a figure is missing from the series' },
  },
  data_late: {
    ...common,
    graceDays: { type: 'integer', label: 'Days after the due date before a missing figure fires', min: 0, max: 366 },
  },
  satisfaction_fall: {
    ...common,
    marginOfError: {
      type: 'number',
      label: 'Margin of error in the indicator’s units, used when figures carry no confidence interval',
      min: 0,
      max: 1e9,
    },
  },
};

/** Read one field's value; text as a form or the command line sends it ("3", "true") is accepted. */
export function readField(spec: ParamField, raw: unknown): { value: unknown } | { problem: string } {
  switch (spec.type) {
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      if (raw === 'true' || raw === 'false') return { value: raw === 'true' };
      return { problem: 'must be true or false' };
    }
    case 'choice':
      return typeof raw === 'string' && spec.options.includes(raw)
        ? { value: raw }
        : { problem: `must be one of ${spec.options.join(', ')}` };
    default: {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      const range =
        spec.type === 'integer'
          ? `a whole number from ${spec.min} to ${spec.max}`
          : `a number ${spec.aboveMin ? 'above' : 'from'} ${spec.min}${spec.aboveMin ? ' and at most' : ' to'} ${spec.max}`;
      if (!Number.isFinite(n)) return { problem: `must be ${range}` };
      if (spec.type === 'integer' && !Number.isInteger(n)) return { problem: `must be ${range}` };
      if (n < spec.min || n > spec.max || (spec.type === 'number' && spec.aboveMin && n === spec.min)) {
        return { problem: `must be ${range}` };
      }
      return { value: n };
    }
  }
}

/** A rule's parameters in words, for pages and the command line: "Judged periods in a row off track: 1; …". */
export function describeParams<K extends TriggerKind>(kind: K, params: TriggerParamsByKind[K]): string {
  const fields = PARAM_FIELDS[kind] as Record<string, ParamField>;
  return Object.entries(fields)
    .map(([name, spec]) => {
      const value = (params as unknown as Record<string, unknown>)[name];
      const shown = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
      return `${spec.label}: ${shown}`;
    })
    .join('; ');
}
