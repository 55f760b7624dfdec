/** The Local Area Agreement report for printing: every target with its status, values, owners and reward, and the rule it was judged by. */
import type { IndicatorDefinition } from '../../../indicators/index.ts';
import type { LaaReport, PlanVersion } from '../../index.ts';
import { type Indicators, toleranceInWords } from '../plan-common/figures.ts';
import { type LaaRowView, laaRowView, stretchInWords } from '../plan-common/laa-rows.ts';
import { versionNotice, type VersionNoticeView } from '../plan-common/version.ts';
import { planUrls } from '../urls.ts';
import { countsInWords, dateInWords, statusTag, type Tag } from '../words.ts';

export interface RuleUsedView {
  key: string;
  title: string;
  rule: string;
  judged: string;
}

export interface ReportPageView {
  pageTitle: string;
  planTitle: string;
  planHref: string;
  xlsxHref: string;
  asAt: string;
  version: VersionNoticeView;
  summaryRows: { key: { text: string }; value: { text: string } }[];
  statusTag: Tag;
  countsText: string;
  stretchText: string;
  rows: LaaRowView[];
  rulesUsed: RuleUsedView[];
  sources: string[];
}

/** The rule each target's latest status was judged by, in words. */
export function rulesUsed(report: LaaReport, indicators: Indicators): RuleUsedView[] {
  return report.rows.map((r) => {
    const a = r.assessment;
    const tolerance = a ? toleranceInWords(a, indicators.get(r.target.indicatorCode)) : '';
    return {
      key: r.target.key,
      title: r.target.title,
      rule: a ? `Version ${a.ruleVersion}: at risk within ${tolerance} of the trajectory` : 'Not judged yet',
      judged: a ? dateInWords(a.assessedAt.slice(0, 10)) : '',
    };
  });
}

/** Where the figures come from: each indicator's source, then the attribution the data's licences require. */
export function sourcesOf(indicators: Indicators, attributions: readonly string[]): string[] {
  const named = [...indicators.values()]
    .filter((i): i is IndicatorDefinition & { source: string } => i.source !== null && i.source.trim() !== '')
    .map((i) => `${i.title} (${i.code}): ${i.source.trim()}`);
  return [...new Set([...named, ...attributions])];
}

export function reportPageView(opts: {
  report: LaaReport;
  inForce: PlanVersion | null;
  indicators: Indicators;
  attributions: readonly string[];
  today: string;
}): ReportPageView {
  const { report } = opts;
  const id = report.plan.id;
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  return {
    pageTitle: `${report.version.title}: report`,
    planTitle: report.version.title,
    planHref: planUrls.plan(id),
    xlsxHref: planUrls.reportXlsx(id),
    asAt: `Statuses as recorded on ${dateInWords(opts.today)}.`,
    version: versionNotice({ planId: id, version: report.version, inForce: opts.inForce, on: report.on, today: opts.today }),
    summaryRows: [
      row('Owner', report.owner.name),
      ...(report.area ? [row('Area', report.area.name)] : []),
      row('Partners', report.partners.map((p) => p.name).join(', ') || 'None recorded'),
      row('Targets', countsInWords(report.counts)),
    ],
    statusTag: statusTag(report.status),
    countsText: countsInWords(report.counts),
    stretchText: stretchInWords(report.stretch),
    rows: report.rows.map((r) => laaRowView(r, opts.indicators, { planId: id })),
    rulesUsed: rulesUsed(report, opts.indicators),
    sources: sourcesOf(opts.indicators, opts.attributions),
  };
}
