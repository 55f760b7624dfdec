/**
 * A case's page (GET /cases/:id): its subject, where it stands on the ladder of response, the evidence
 * that opened it and was added to it, a chart of its indicator for its area beside its comparators'
 * median, its timeline, linked peer reviews, and how it closed. The owner's forms are built beside it
 * (case-forms/forms.ts).
 */
import {
  CASE_STATE_NAMES,
  type CaseState,
  RUNGS,
  TRIGGER_KINDS,
  type TriggerKind,
  type TriggerParams,
  type Rung,
  RUNG_NAMES,
  type TriggerRuleVersion,
} from '../../../improvement.types.ts';
import type { CaseFormsView } from '../case-forms/forms.ts';
import type { CaseDetail } from '../../../cases/index.ts';
import { caseUrls } from '../urls.ts';
import {
  actionInWords,
  dateInWords,
  deadlineInWords,
  instantInWords,
  isOpen,
  kindInWords,
  plural,
  rungTag,
  stateTag,
  type Tag,
} from '../words.ts';
import { paramsInWords } from '../case-triggers/params.ts';
import type { CaseChartView } from './chart.ts';
import { periodLabel } from './chart.ts';
import { type EvidenceFormat, type EvidenceRow, evidenceRows } from './evidence.ts';

export interface FactRow {
  key: string;
  text: string;
  href?: string;
  tag?: Tag;
  strong?: boolean;
  /** a text of several lines, each shown on its own */
  lines?: string[];
}

export interface FiringView {
  heading: string;
  rule: string;
  period: string;
  firedAt: string;
  summary: string;
  rows: EvidenceRow[];
}

export interface EventView {
  when: string;
  who: string;
  action: string;
  change: string;
  why: string;
  detail: string;
}

export interface CasePageView {
  pageTitle: string;
  caption: string;
  doneText: string | undefined;
  stateTag: Tag;
  rungTag: Tag;
  facts: FactRow[];
  closedText: string | undefined;
  ladder: { rung: Rung; name: string; days: string; current: boolean }[];
  ladderText: string;
  firings: FiringView[];
  chart: CaseChartView | undefined;
  chartLinks: { text: string; href: string }[];
  events: EventView[];
  peerReviews: { text: string; href: string; scope: string }[];
  peerReviewText: string;
  actions: CaseFormsView | undefined;
  signInHint: string | undefined;
  apiHref: string;
  listHref: string;
}

export interface CasePageInput {
  detail: CaseDetail;
  now: Date;
  deadlineDays: Record<Rung, number>;
  chart?: CaseChartView;
  /** how the indicator's values and differences are written in the evidence */
  format?: EvidenceFormat;
  /** the rule versions firings name, by id */
  rules?: ReadonlyMap<number, TriggerRuleVersion>;
  actions?: CaseFormsView;
  /** for a signed-out visitor of an open case */
  signInHref?: string;
  doneText?: string;
}

function scopeInWords(rule: TriggerRuleVersion, bodyName: string): string {
  const body = rule.bodyId === '*' ? '' : bodyName;
  const indicator = rule.indicatorCode === '*' ? '' : rule.indicatorCode;
  if (!body && !indicator) return 'the general rule';
  if (body && indicator) return `${body}’s rule for ${indicator}`;
  return body ? `${body}’s own rule` : `the rule for ${indicator}`;
}

const isTriggerKind = (kind: string): kind is TriggerKind => (TRIGGER_KINDS as readonly string[]).includes(kind);

function firingView(f: CaseDetail['firings'][number], input: CasePageInput): FiringView {
  const rule = f.ruleId === null ? undefined : input.rules?.get(f.ruleId);
  const ruleText =
    f.ruleVersion === null
      ? `From ${f.source.replace(/_/g, ' ')}`
      : `Version ${f.ruleVersion} of ${rule ? scopeInWords(rule, input.detail.case.bodyName) : 'the rule'}`;
  const params = f.evidence.params;
  const judgedBy =
    isTriggerKind(f.kind) && params && typeof params === 'object' ? paramsInWords(f.kind, params as TriggerParams) : undefined;
  return {
    heading: kindInWords(f.kind),
    rule: judgedBy ? `${ruleText}. ${judgedBy}` : ruleText,
    period: f.period ? periodLabel(f.period) : 'No one period',
    firedAt: instantInWords(f.firedAt),
    summary: f.summary,
    rows: evidenceRows(f.evidence, input.format),
  };
}

function changeOf(e: CaseDetail['events'][number]): string {
  const state = (s: CaseState | null) => (s ? CASE_STATE_NAMES[s] : '');
  const states = e.fromState && e.fromState !== e.toState ? `${state(e.fromState)} to ${state(e.toState)}` : state(e.toState);
  const rungs = e.fromRung && e.fromRung !== e.toRung ? `rung ${e.fromRung} to rung ${e.toRung}` : `rung ${e.toRung}`;
  return `${states}; ${rungs}`;
}

function detailOf(e: CaseDetail['events'][number]): string {
  const d = e.detail;
  if (e.action === 'acknowledge' && typeof d.ownerName === 'string') return `Owner: ${d.ownerName}`;
  if (e.action === 'add_action_plan' && typeof d.actionPlan === 'string') return `Plan: ${d.actionPlan}`;
  if (Array.isArray(d.firingIds)) return `${plural(d.firingIds.length, 'firing')} of the triggers`;
  if (typeof d.peerReviewId === 'number') return `Peer review ${d.peerReviewId} linked to the case`;
  return '';
}

function factsOf(input: CasePageInput): FactRow[] {
  const c = input.detail.case;
  const deadline = deadlineInWords(c.deadline, c.state, input.now);
  const rows: FactRow[] = [
    { key: 'Council', text: c.bodyName, href: caseUrls.list({ body: c.subject.bodyId }) },
    { key: 'Area', text: `${c.areaName} (${c.subject.areaCode})`, href: caseUrls.area(c.subject.areaCode) },
  ];
  if (c.subject.indicatorCode)
    rows.push({
      key: 'Indicator',
      text: `${c.indicatorTitle ?? c.subject.indicatorCode} (${c.subject.indicatorCode})`,
      href: caseUrls.indicator(c.subject.indicatorCode),
    });
  rows.push(
    { key: 'Why it opened', text: c.kinds.map(kindInWords).join('; ') || 'Not recorded' },
    { key: 'State', text: stateTag(c.state).text, tag: stateTag(c.state) },
    { key: 'Rung', text: `Rung ${c.rung}: ${RUNG_NAMES[c.rung]}`, tag: rungTag(c.rung) },
    { key: 'Owner', text: c.ownerName ?? 'No owner named yet' },
  );
  if (isOpen(c.state)) rows.push({ key: 'Deadline on this rung', text: deadline.text, strong: deadline.overdue });
  rows.push(
    { key: 'Opened', text: dateInWords(c.openedAt) },
    { key: 'On this rung since', text: dateInWords(c.rungEnteredAt) },
    c.actionPlan === null
      ? { key: 'Action plan', text: 'No action plan yet' }
      : { key: 'Action plan', text: c.actionPlan, lines: c.actionPlan.split(/\r?\n/).filter((l) => l.trim() !== '') },
  );
  if (c.closedAt) rows.push({ key: 'Closed', text: dateInWords(c.closedAt) });
  return rows;
}

function closedTextOf(input: CasePageInput): string | undefined {
  const c = input.detail.case;
  if (isOpen(c.state)) return undefined;
  const on = c.closedAt ? ` on ${dateInWords(c.closedAt)}` : '';
  const why = c.closedReason ? `: ${c.closedReason}` : '.';
  return c.state === 'closed_recovered' ? `The case closed as recovered${on}${why}` : `The case was closed${on}${why}`;
}

export function casePageView(input: CasePageInput): CasePageView {
  const { detail } = input;
  const c = detail.case;
  const area = c.subject.areaCode;
  const indicator = c.subject.indicatorCode;
  return {
    pageTitle: c.title,
    caption: `Case ${c.id}: ${c.bodyName}`,
    doneText: input.doneText,
    stateTag: stateTag(c.state),
    rungTag: rungTag(c.rung),
    facts: factsOf(input),
    closedText: closedTextOf(input),
    ladder: RUNGS.map((r) => ({
      rung: r,
      name: RUNG_NAMES[r],
      days: `A case entering it has ${plural(input.deadlineDays[r], 'day')} to show improvement`,
      current: r === c.rung && isOpen(c.state),
    })),
    ladderText: isOpen(c.state)
      ? `The case is on rung ${c.rung}. When its deadline passes without improvement it is escalated to the next rung.`
      : `The case was on rung ${c.rung} when it closed.`,
    firings: [...detail.firings]
      .sort((a, b) => b.firedAt.localeCompare(a.firedAt) || b.id - a.id)
      .map((f) => firingView(f, input)),
    chart: input.chart,
    chartLinks: indicator
      ? [
          { text: 'The figures over time, with their sources', href: caseUrls.trend(indicator, area) },
          { text: 'How every area compares on this indicator', href: caseUrls.indicator(indicator) },
        ]
      : [],
    events: [...detail.events]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({
        when: instantInWords(e.at),
        who: e.actor,
        action: actionInWords(e.action),
        change: changeOf(e),
        why: e.reason ?? '',
        detail: detailOf(e),
      })),
    peerReviews: detail.peerReviews.map((p) => ({
      text: `Peer review of ${dateInWords(p.reviewedOn)}`,
      href: caseUrls.peerReview(p.id),
      scope: p.scope,
    })),
    peerReviewText:
      c.rung === 2 && isOpen(c.state)
        ? 'Peer reviews by an improvement partnership can be linked to the case while it is on rung 2.'
        : 'Peer reviews are linked to cases on rung 2 (sector and partnership support).',
    actions: input.actions,
    signInHint: input.signInHref,
    apiHref: caseUrls.caseApi(c.id),
    listHref: caseUrls.list({ body: c.subject.bodyId }),
  };
}
