/**
 * A target's page: its status with the reason and the rule it was judged by, what it measures, the
 * chart and table of its figures against the trajectory with the forecast, how the forecast is made,
 * its status history and rule versions, what serves it, and the chain up to the vision it serves.
 */
import type { IndicatorDefinition } from '../../../indicators/index.ts';
import { periodFromKey } from '../../../periods/index.ts';
import { PLAN_KIND_NAMES, type PlanVersion, type TargetAssessment, type TargetDetail, type ThreadUp } from '../../index.ts';
import { chainView, type ChainView } from '../plan-common/chain.ts';
import { formatOf, periodLabel, toleranceInWords } from '../plan-common/figures.ts';
import { versionNotice, type VersionNoticeView } from '../plan-common/version.ts';
import { planUrls } from '../urls.ts';
import {
  dateInWords,
  directionInWords,
  instantInWords,
  poundsInWords,
  statusTag,
  type Tag,
  targetKindInWords,
  targetValueInWords,
} from '../words.ts';
import { type TargetChartView, targetChart } from './chart.ts';
import { type ItemEditingView, linkedItemView, type LinkedItemView } from './common.ts';

interface SummaryRow {
  key: { text: string };
  value: { text: string };
}

export interface TargetPageView {
  pageTitle: string;
  caption: string;
  planHref: string;
  planTitle: string;
  parentsText: string;
  version: VersionNoticeView;
  statusTag: Tag;
  statusText: string;
  judgedText: string;
  summaryRows: SummaryRow[];
  /** down to the published data */
  dataLinks: { href: string; text: string }[];
  measureUnavailable: string | null;
  chart: TargetChartView;
  forecast: { tag: Tag | undefined; headline: string; explanation: string };
  assessments: {
    assessed: string;
    period: string;
    actual: string;
    expected: string;
    statusTag: Tag;
    rule: string;
    reason: string;
  }[];
  rules: { version: number; tolerance: string; inForceFrom: string; who: string; reason: string; current: boolean }[];
  toleranceHref: string | undefined;
  servedBy: LinkedItemView[];
  chains: ChainView[];
  editing: ItemEditingView | undefined;
  doneText: string | undefined;
}

function judgedText(a: TargetAssessment | undefined, indicator: IndicatorDefinition | null): string {
  if (!a) return 'Not judged yet: a status is recorded once the plan is published and figures are judged against it.';
  return `Judged on ${instantInWords(a.assessedAt)} by rule version ${a.ruleVersion}: at risk within ${toleranceInWords(a, indicator)} of the trajectory.`;
}

function summaryRows(d: TargetDetail, format: (v: number) => string): SummaryRow[] {
  const t = d.target;
  const row = (key: string, value: string): SummaryRow => ({ key: { text: key }, value: { text: value } });
  const indicatorTitle = d.indicator?.title ?? t.indicatorCode;
  const measure =
    t.measure === 'gap'
      ? `The gap in ${indicatorTitle} between the most and least deprived fifths of the ${t.gapPartType ?? 'ward'}s of ${d.area.name} (a floor target)`
      : `${indicatorTitle} in ${d.area.name}`;
  const kind =
    t.targetKind === 'national' && d.nationalPriority
      ? `National, towards ${d.nationalPriority.code}: ${d.nationalPriority.wording}${d.nationalPriority.department ? ` (${d.nationalPriority.department})` : ''}`
      : targetKindInWords(t.targetKind);
  const rows = [
    row('Measures', measure),
    row('Indicator', `${indicatorTitle} (${t.indicatorCode})`),
    row('Area', d.area.name),
    row('Covers', d.coverage.length === 0 ? 'The whole area' : d.coverage.map((c) => c.name).join(', ')),
    row('Kind of target', kind),
    row('Better is', directionInWords(t.direction)),
    row(
      'Baseline',
      t.baseline
        ? `${format(t.baseline.value)} in ${periodLabel(t.baseline.period)}`
        : 'None yet: the target is a placeholder until a baseline exists',
    ),
    row(
      'Milestones',
      t.milestones.length === 0
        ? 'None'
        : t.milestones.map((m) => `${targetValueInWords(m.value, format)} by ${periodLabel(m.period)}`).join('; '),
    ),
    row('Target', `${targetValueInWords(t.target.value, format)} by ${periodLabel(t.target.period)}`),
    row('Tolerance', d.rule ? toleranceInWords(d.rule, d.indicator) : 'No rule yet'),
  ];
  if (t.targetKind === 'stretch' || t.stretch) {
    const amount = t.stretch?.amountGbp ?? null;
    const words = [amount !== null ? poundsInWords(amount) : '', t.stretch?.description ?? ''].filter((w) => w !== '').join(': ');
    rows.push(row('Reward if met', words || 'Not stated'));
  }
  rows.push(row('Owner', d.owner.name), row('Lead', t.leadPerson ?? 'Not named'));
  return rows;
}

function forecastView(d: TargetDetail, format: (v: number) => string): TargetPageView['forecast'] {
  const f = d.forecast;
  if (f.value === null) return { tag: undefined, headline: 'No forecast', explanation: f.explanation };
  const interval =
    f.low !== null && f.high !== null ? `, with an 80% chance of lying between ${format(f.low)} and ${format(f.high)}` : '';
  const meets =
    f.meetsTarget === null ? '' : f.meetsTarget ? ' That would meet the target.' : ' That would fall short of the target.';
  return {
    tag: f.uncertain ? { text: 'Uncertain', classes: 'govuk-tag--grey' } : undefined,
    headline: `${format(f.value)} in ${periodFromKey(f.period).label}${interval}.${meets}`,
    explanation: f.explanation,
  };
}

export function targetPageView(
  d: TargetDetail,
  opts: {
    up: ThreadUp | null;
    inForce: PlanVersion | null;
    today: string;
    editing: ItemEditingView | undefined;
    done: string | undefined;
  },
): TargetPageView {
  const t = d.target;
  const format = formatOf(d.indicator, d.target.measure);
  const latest = d.assessments[0];
  const planId = d.plan.id;
  return {
    pageTitle: t.title,
    caption: `Target ${t.key} · ${PLAN_KIND_NAMES[d.plan.kind]}`,
    planHref: planUrls.plan(planId, { draft: d.version.state === 'draft' }),
    planTitle: d.version.title,
    parentsText: d.parents.map((p) => p.title).join(' › '),
    version: versionNotice({ planId, version: d.version, inForce: opts.inForce, on: d.on, today: opts.today }),
    statusTag: statusTag(latest?.status ?? 'no_data'),
    statusText: latest?.reason ?? 'No status has been recorded for this target yet.',
    judgedText: judgedText(latest, d.indicator),
    summaryRows: summaryRows(d, format),
    dataLinks: [
      {
        href: planUrls.trend(t.indicatorCode, t.areaCode),
        text: `${d.indicator?.title ?? t.indicatorCode} in ${d.area.name} over time`,
      },
      {
        href: planUrls.indicator(t.indicatorCode, { area: t.areaCode }),
        text: `${d.indicator?.title ?? t.indicatorCode}: every area compared`,
      },
      { href: planUrls.area(t.areaCode), text: `${d.area.name}: every indicator` },
      { href: planUrls.forIndicator(t.indicatorCode), text: `Every target on ${d.indicator?.title ?? t.indicatorCode}` },
    ],
    measureUnavailable: d.measureUnavailable,
    chart: targetChart(d),
    forecast: forecastView(d, format),
    assessments: d.assessments.map((a) => ({
      assessed: instantInWords(a.assessedAt),
      period: periodLabel(a.period),
      actual: a.actual === null ? '' : format(a.actual),
      expected: a.expected ? targetValueInWords(a.expected, format) : '',
      statusTag: statusTag(a.status),
      rule: `Version ${a.ruleVersion}: ${toleranceInWords(a, d.indicator)}`,
      reason: a.reason,
    })),
    rules: d.rules.map((r) => ({
      version: r.version,
      tolerance: toleranceInWords(r, d.indicator),
      inForceFrom: dateInWords(r.inForceFrom),
      who: r.createdBy,
      reason: r.reason ?? '',
      current: d.rule?.id === r.id,
    })),
    toleranceHref: d.access.mayEdit ? planUrls.tolerance(planId, t.key) : undefined,
    servedBy: d.servedBy.map(linkedItemView),
    chains: (opts.up?.chains ?? []).map(chainView),
    editing: opts.editing,
    doneText: opts.done,
  };
}
