/** Cases on the ladder of response as JSON and CSV: the only way out of the API for a case. */
import { z } from 'zod';
import type { CsvColumn } from '../../../platform/http/csv.ts';
import type { CaseDetail, CaseListing } from '../cases/index.ts';
import {
  CASE_ACTIONS,
  CASE_STATE_NAMES,
  CASE_STATES,
  OPEN_CASE_STATES,
  RUNG_NAMES,
  TRIGGER_KIND_NAMES,
  type CaseEvent,
  type FiringRecord,
  type TriggerKind,
} from '../improvement.types.ts';
import { improvementLinks, improvementPages } from './links.ts';

const rungSchema = z.number().int().min(1).max(3);
const evidenceSchema = z
  .record(z.string(), z.unknown())
  .describe('the values and comparisons that made it fire (figures, comparator group, rank, median, target judgements…)');

/** A kind's name: the built-in rules' names, another source's kind as it is. */
export const kindName = (kind: string): string => TRIGGER_KIND_NAMES[kind as TriggerKind] ?? kind.replace(/_/g, ' ');
const kindSchema = z.object({ kind: z.string(), name: z.string() });
const presentKind = (kind: string) => ({ kind, name: kindName(kind) });

export const caseListingSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  state: z.enum(CASE_STATES),
  stateName: z.string(),
  open: z.boolean(),
  rung: rungSchema,
  rungName: z.string(),
  body: z.object({ id: z.string(), name: z.string() }),
  area: z.object({ code: z.string(), name: z.string() }),
  indicator: z.object({ code: z.string(), title: z.string().nullable() }).nullable(),
  ownerName: z.string().nullable().describe('who owns the case: the post or name the council gives'),
  actionPlan: z.string().nullable(),
  deadline: z.string().describe('when the rung’s time runs out (ISO instant); escalated automatically if nothing has improved'),
  rungEnteredAt: z.string(),
  baseline: z
    .object({ value: z.number(), period: z.string() })
    .nullable()
    .describe('the indicator’s figure when the case entered its rung, which improvement is judged against'),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  closedReason: z.string().nullable(),
  kinds: z.array(kindSchema).describe('the kinds of trigger that fired into the case'),
  latestSummary: z.string().describe('the newest firing’s sentence'),
  firingCount: z.number().int(),
  links: z.object({
    self: z.string(),
    html: z.string(),
    body: z.string(),
    area: z.string(),
    indicator: z.string().nullable(),
    risk: z.string(),
  }),
});
export type CaseListingJson = z.infer<typeof caseListingSchema>;

export function presentCaseListing(c: CaseListing): CaseListingJson {
  const { subject } = c;
  return {
    id: c.id,
    title: c.title,
    state: c.state,
    stateName: CASE_STATE_NAMES[c.state],
    open: OPEN_CASE_STATES.includes(c.state),
    rung: c.rung,
    rungName: RUNG_NAMES[c.rung],
    body: { id: subject.bodyId, name: c.bodyName },
    area: { code: subject.areaCode, name: c.areaName },
    indicator: subject.indicatorCode === null ? null : { code: subject.indicatorCode, title: c.indicatorTitle },
    ownerName: c.ownerName,
    actionPlan: c.actionPlan,
    deadline: c.deadline,
    rungEnteredAt: c.rungEnteredAt,
    baseline: c.baselineValue === null || c.baselinePeriod === null ? null : { value: c.baselineValue, period: c.baselinePeriod },
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    closedReason: c.closedReason,
    kinds: c.kinds.map(presentKind),
    latestSummary: c.latestSummary,
    firingCount: c.firingCount,
    links: {
      self: improvementLinks.case(c.id),
      html: improvementPages.case(c.id),
      body: improvementLinks.body(subject.bodyId),
      area: improvementLinks.area(subject.areaCode),
      indicator: subject.indicatorCode === null ? null : improvementLinks.indicator(subject.indicatorCode),
      risk: improvementLinks.riskOf(subject.bodyId),
    },
  };
}

export const caseListingCsv: readonly CsvColumn<CaseListing>[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'state', value: (c) => c.state },
  { header: 'rung', value: (c) => c.rung },
  { header: 'body', value: (c) => c.subject.bodyId },
  { header: 'body_name', value: (c) => c.bodyName },
  { header: 'area', value: (c) => c.subject.areaCode },
  { header: 'area_name', value: (c) => c.areaName },
  { header: 'indicator', value: (c) => c.subject.indicatorCode },
  { header: 'indicator_title', value: (c) => c.indicatorTitle },
  { header: 'title', value: (c) => c.title },
  { header: 'kinds', value: (c) => c.kinds.join(' ') },
  { header: 'owner', value: (c) => c.ownerName },
  { header: 'deadline', value: (c) => c.deadline },
  { header: 'opened_at', value: (c) => c.openedAt },
  { header: 'closed_at', value: (c) => c.closedAt },
  { header: 'closed_reason', value: (c) => c.closedReason },
  { header: 'firings', value: (c) => c.firingCount },
  { header: 'latest_summary', value: (c) => c.latestSummary },
];

const eventSchema = z.object({
  seq: z.number().int(),
  action: z.enum(CASE_ACTIONS),
  fromState: z.enum(CASE_STATES).nullable(),
  toState: z.enum(CASE_STATES),
  fromRung: rungSchema.nullable(),
  toRung: rungSchema,
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).describe('e.g. the firings added, the owner named, the plan'),
  actor: z
    .string()
    .describe('who, as the audit log names them: a person’s name, or “system: …” for the triggers and automatic escalation'),
  at: z.string(),
});
const presentEvent = (e: CaseEvent): z.infer<typeof eventSchema> => ({
  seq: e.seq,
  action: e.action,
  fromState: e.fromState,
  toState: e.toState,
  fromRung: e.fromRung,
  toRung: e.toRung,
  reason: e.reason,
  detail: { ...e.detail },
  actor: e.actor,
  at: e.at,
});

const firingSchema = z.object({
  id: z.number().int(),
  source: z.string().describe('indicator_rules for the built-in rules, or another trigger source'),
  kind: z.string(),
  kindName: z.string(),
  rule: z
    .object({ id: z.number().int(), version: z.number().int() })
    .nullable()
    .describe('the rule version it was judged under (see /api/v1/triggers/rules)'),
  period: z.string().nullable(),
  summary: z.string(),
  evidence: evidenceSchema,
  openAtRung: rungSchema,
  firedAt: z.string(),
});
const presentFiring = (f: FiringRecord): z.infer<typeof firingSchema> => ({
  id: f.id,
  source: f.source,
  kind: f.kind,
  kindName: kindName(f.kind),
  rule: f.ruleId === null || f.ruleVersion === null ? null : { id: f.ruleId, version: f.ruleVersion },
  period: f.period,
  summary: f.summary,
  evidence: { ...f.evidence },
  openAtRung: f.openAtRung,
  firedAt: f.firedAt,
});

const pointSchema = z.object({
  period: z.string(),
  periodEnd: z.string(),
  value: z.number(),
  ciLower: z.number().nullable(),
  ciUpper: z.number().nullable(),
});

export const caseDetailSchema = caseListingSchema.extend({
  events: z.array(eventSchema).describe('the timeline, oldest first: every transition with who, when and why'),
  firings: z.array(firingSchema).describe('the evidence: every firing recorded into the case, oldest first'),
  series: z.array(pointSchema).describe('the case’s indicator for its area, oldest first'),
  comparatorMedians: z
    .array(z.object({ period: z.string(), median: z.number() }))
    .describe('the comparator group’s median for each period of the series'),
  comparatorGroup: z.object({ id: z.string(), name: z.string() }).nullable().describe('the group the medians are of'),
  peerReviews: z.array(
    z.object({
      id: z.number().int(),
      reviewedOn: z.string(),
      scope: z.string(),
      partnershipId: z.string().nullable(),
      links: z.object({ self: z.string(), html: z.string() }),
    }),
  ),
  nextActions: z.array(z.enum(CASE_ACTIONS)).describe('what the ladder allows from here (for those who may act on the case)'),
});

export function presentCaseDetail(d: CaseDetail): z.infer<typeof caseDetailSchema> {
  return {
    ...presentCaseListing(d.case),
    events: d.events.map(presentEvent),
    firings: d.firings.map(presentFiring),
    series: d.series.map((p) => ({ ...p })),
    comparatorMedians: d.comparatorMedians.map((m) => ({ period: m.period, median: m.median })),
    comparatorGroup: d.comparatorGroup && { id: d.comparatorGroup.id, name: d.comparatorGroup.name },
    peerReviews: d.peerReviews.map((r) => ({
      id: r.id,
      reviewedOn: r.reviewedOn,
      scope: r.scope,
      partnershipId: r.partnershipId,
      links: { self: improvementLinks.peerReview(r.id), html: improvementPages.peerReview(r.id) },
    })),
    nextActions: [...d.nextActions],
  };
}
