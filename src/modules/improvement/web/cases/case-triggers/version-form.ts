/**
 * The form adding a version of a rule (GET /triggers/versions/new?kind=…, POST /triggers/versions):
 * its scope (every council or one, every indicator or one), on or off, its parameters as fields of
 * their own, and why. The form starts from the version in force for the scope asked.
 */
import { type ErrorSummaryItem, type FormErrors, NO_FORM_ERRORS, sentText } from '../../../../../platform/web/index.ts';
import { ANY, type TriggerKind, type TriggerRuleVersion } from '../../../improvement.types.ts';
import { caseUrls } from '../urls.ts';
import { kindInWords } from '../words.ts';
import { COMPARATOR_WORDS, fieldValue, PARAM_FIELDS, sentParams } from './params.ts';
import { type Names, scopeInWords } from './view-model.ts';

export interface VersionSent {
  body: string;
  indicator: string;
  enabled: string;
  params: Record<string, string>;
  reason: string;
}

export function versionSent(kind: TriggerKind, body: unknown): VersionSent {
  return {
    body: sentText(body, 'body').trim(),
    indicator: sentText(body, 'indicator').trim(),
    enabled: sentText(body, 'enabled'),
    params: sentParams(kind, body),
    reason: sentText(body, 'reason').trim(),
  };
}

type Option = { value: string; text: string; selected?: boolean; checked?: boolean };

export interface ParamFieldView {
  id: string;
  name: string;
  label: string;
  hint: string;
  value: string;
  control: 'input' | 'radios' | 'select';
  options: Option[];
  error?: { text: string };
}

export interface VersionFormView {
  pageTitle: string;
  kind: TriggerKind;
  kindName: string;
  action: string;
  backHref: string;
  csrfToken: string;
  currentText: string;
  errorSummary: ErrorSummaryItem[];
  fieldErrors: FormErrors['fields'];
  councils: Option[];
  indicator: string;
  enabled: Option[];
  params: ParamFieldView[];
  reason: string;
}

/** The version in force for a scope: its own, or else the one it would fall back to. */
export function versionFor(inForce: readonly TriggerRuleVersion[], kind: TriggerKind, bodyId: string, indicatorCode: string) {
  const scopes: [string, string][] = [
    [bodyId, indicatorCode],
    [ANY, indicatorCode],
    [bodyId, ANY],
    [ANY, ANY],
  ];
  for (const [b, i] of scopes) {
    const found = inForce.find((v) => v.kind === kind && v.bodyId === b && v.indicatorCode === i);
    if (found) return found;
  }
  return undefined;
}

export function versionFormView(opts: {
  kind: TriggerKind;
  scope: { body: string; indicator: string };
  inForce: readonly TriggerRuleVersion[];
  councils: { id: string; name: string }[];
  names: Names;
  csrfToken: string;
  sent?: VersionSent;
  errors?: FormErrors;
}): VersionFormView {
  const { kind } = opts;
  const errors = opts.errors ?? NO_FORM_ERRORS;
  const body = opts.sent?.body ?? opts.scope.body;
  const indicator = opts.sent?.indicator ?? opts.scope.indicator;
  const current = versionFor(opts.inForce, kind, body || ANY, indicator || ANY);
  const sent: VersionSent = opts.sent ?? {
    body,
    indicator,
    enabled: current ? (current.enabled ? 'yes' : 'no') : 'yes',
    params: Object.fromEntries(PARAM_FIELDS[kind].map((f) => [f.name, fieldValue(current?.params, f.name)])),
    reason: '',
  };
  const councils = [{ value: '', text: 'Every council' }, ...opts.councils.map((c) => ({ value: c.id, text: c.name }))];
  return {
    pageTitle: 'Add a version of a trigger rule',
    kind,
    kindName: kindInWords(kind),
    action: caseUrls.addVersion(),
    backHref: `${caseUrls.triggers()}#kind-${kind}`,
    csrfToken: opts.csrfToken,
    currentText: current
      ? `The form starts from version ${current.version} of the rule for ${scopeInWords(current, opts.names).toLowerCase()}, which is ${current.enabled ? 'on' : 'off'}.`
      : 'No version of this rule is stored yet.',
    errorSummary: errors.summary,
    fieldErrors: errors.fields,
    councils: councils.map((c) => (c.value === sent.body ? { ...c, selected: true } : c)),
    indicator: sent.indicator,
    enabled: [
      { value: 'yes', text: 'On: the rule is judged', checked: sent.enabled !== 'no' },
      { value: 'no', text: 'Off: the rule is not judged for this scope', checked: sent.enabled === 'no' },
    ],
    params: PARAM_FIELDS[kind].map((f) => {
      const id = `param-${f.name}`;
      const value = sent.params[f.name] ?? '';
      const error = errors.fields[id];
      const base = { id, name: id, label: f.label, hint: f.hint, value, ...(error ? { error } : {}) };
      if (f.kind === 'yesno')
        return {
          ...base,
          control: 'radios' as const,
          options: [
            { value: 'yes', text: 'Yes', checked: value === 'yes' },
            { value: 'no', text: 'No', checked: value === 'no' },
          ],
        };
      if (f.kind === 'comparator')
        return {
          ...base,
          control: 'select' as const,
          options: Object.entries(COMPARATOR_WORDS).map(([v, text]) => ({
            value: v,
            text: text.charAt(0).toUpperCase() + text.slice(1),
            selected: v === value,
          })),
        };
      return { ...base, control: 'input' as const, options: [] };
    }),
    reason: sent.reason,
  };
}
