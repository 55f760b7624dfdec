/**
 * The triggers page (GET /triggers): for each kind of rule, the versions in force (the general rule and
 * every council's or indicator's own), their parameters in words, who made them, when and why; the
 * history of versions; and how cases open, escalate and close on the ladder of response.
 */
import {
  ANY,
  RUNGS,
  type Rung,
  RUNG_NAMES,
  TRIGGER_KINDS,
  type TriggerKind,
  type TriggerRuleVersion,
} from '../../../improvement.types.ts';
import { caseUrls } from '../urls.ts';
import { instantInWords, kindInWords, plural } from '../words.ts';
import { paramsInWords } from './params.ts';

export interface RuleRowView {
  scope: string;
  enabled: string;
  params: string;
  version: string;
  since: string;
  who: string;
  why: string;
}

export interface KindSectionView {
  id: string;
  heading: string;
  inForce: RuleRowView[];
  history: RuleRowView[];
  addHref: string | undefined;
}

export interface TriggersView {
  pageTitle: string;
  doneText: string | undefined;
  kinds: KindSectionView[];
  ladder: { rung: Rung; name: string; days: string }[];
  /** every change of a rung's days, for every council or one, newest first */
  deadlineChanges: { scope: string; rung: string; days: string; since: string; who: string; why: string }[];
  chooseHref: string | undefined;
  apiHref: string;
  casesHref: string;
}

export interface Names {
  bodies: ReadonlyMap<string, string>;
  indicators: ReadonlyMap<string, string>;
}

export function scopeInWords(v: Pick<TriggerRuleVersion, 'bodyId' | 'indicatorCode'>, names: Names): string {
  const body = v.bodyId === ANY ? '' : (names.bodies.get(v.bodyId) ?? v.bodyId);
  const indicator =
    v.indicatorCode === ANY ? '' : `${names.indicators.get(v.indicatorCode) ?? v.indicatorCode} (${v.indicatorCode})`;
  if (!body && !indicator) return 'Every council, every indicator (the general rule)';
  if (body && indicator) return `${body}, ${indicator}`;
  return body ? `${body}, every indicator` : `Every council, ${indicator}`;
}

const specificity = (v: TriggerRuleVersion) => (v.bodyId === ANY ? 0 : 2) + (v.indicatorCode === ANY ? 0 : 1);

function rowOf(v: TriggerRuleVersion, names: Names): RuleRowView {
  return {
    scope: scopeInWords(v, names),
    enabled: v.enabled ? 'On' : 'Off',
    params: paramsInWords(v.kind, v.params),
    version: `Version ${v.version}`,
    since: instantInWords(v.createdAt),
    who: v.createdBy,
    why: v.reason ?? '',
  };
}

export interface DeadlineChange {
  bodyId: string;
  rung: Rung;
  days: number;
  createdAt: string;
  createdBy: string;
  reason: string;
}

export function triggersView(input: {
  inForce: readonly TriggerRuleVersion[];
  versions: readonly TriggerRuleVersion[];
  deadlineDays: Record<Rung, number>;
  deadlineChanges?: readonly DeadlineChange[];
  names: Names;
  mayConfigure: boolean;
  doneText?: string;
}): TriggersView {
  const section = (kind: TriggerKind): KindSectionView => ({
    id: `kind-${kind}`,
    heading: kindInWords(kind),
    inForce: input.inForce
      .filter((v) => v.kind === kind)
      .sort((a, b) => specificity(a) - specificity(b) || scopeInWords(a, input.names).localeCompare(scopeInWords(b, input.names)))
      .map((v) => rowOf(v, input.names)),
    history: input.versions
      .filter((v) => v.kind === kind)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
      .map((v) => rowOf(v, input.names)),
    addHref: input.mayConfigure ? caseUrls.newVersion(kind) : undefined,
  });
  return {
    pageTitle: 'Triggers and the ladder of response',
    doneText: input.doneText,
    kinds: TRIGGER_KINDS.map(section),
    ladder: RUNGS.map((r) => ({ rung: r, name: RUNG_NAMES[r], days: plural(input.deadlineDays[r], 'day') })),
    deadlineChanges: [...(input.deadlineChanges ?? [])]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((d) => ({
        scope: d.bodyId === ANY ? 'Every council' : (input.names.bodies.get(d.bodyId) ?? d.bodyId),
        rung: `Rung ${d.rung}`,
        days: plural(d.days, 'day'),
        since: instantInWords(d.createdAt),
        who: d.createdBy,
        why: d.reason,
      })),
    chooseHref: input.mayConfigure ? caseUrls.newVersion('') : undefined,
    apiHref: caseUrls.rulesApi(),
    casesHref: caseUrls.list(),
  };
}
