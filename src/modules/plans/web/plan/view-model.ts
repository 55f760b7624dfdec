/** A plan's page: its vision, the version shown, and its golden thread (a strategy, a service plan) or its targets (an agreement). */
import type { ErrorSummaryItem } from '../../../../platform/web/index.ts';
import { PLAN_KIND_NAMES, type PlanKind, type PlanVersion, type Status, STATUS_SEVERITY } from '../../index.ts';
import { type LaaRowView, laaRowView, stretchInWords } from '../plan-common/laa-rows.ts';
import { periodLabel } from '../plan-common/figures.ts';
import { versionNotice, type VersionNoticeView } from '../plan-common/version.ts';
import { planUrls } from '../urls.ts';
import { countsInWords, itemKindInWords, statusTag, type Tag } from '../words.ts';
import type { PlanPageData } from './load.ts';
import { threadSections, type ThreadSectionView } from './thread-view.ts';

interface SummaryRow {
  key: { text: string };
  value: { text: string };
}

export interface OutcomeView {
  id: string;
  title: string;
  themeTitle: string;
  statusTag: Tag;
  countsText: string;
  rows: LaaRowView[];
}

export interface EditingView {
  /** the draft is shown: its forms */
  onDraft: boolean;
  draftHref: string | undefined;
  draftNumber: number | undefined;
  /** no draft yet: a revision can be started */
  reviseAction: string | undefined;
  csrfToken: string | undefined;
  detailsHref: string;
  addLinks: { href: string; text: string }[];
  publishHref: string;
  importHref: string;
  /** every item of the draft, in the plan's order, to change or remove */
  items: { key: string; kindText: string; title: string; parentText: string; changeHref: string; removeHref: string }[];
}

export interface PlanPageView {
  pageTitle: string;
  caption: string;
  kind: PlanKind;
  visionHeading: string;
  visionParagraphs: string[];
  summaryRows: SummaryRow[];
  version: VersionNoticeView;
  statusTag: Tag;
  countsText: string;
  onForm: { action: string; day: string; month: string; year: string; error: { text: string } | undefined };
  errorSummary: ErrorSummaryItem[];
  sections: ThreadSectionView[];
  laa: { stretchText: string; outcomes: OutcomeView[]; reportHref: string; xlsxHref: string } | undefined;
  versionsHref: string;
  editing: EditingView | undefined;
  doneText: string | undefined;
}

export const paragraphsOf = (text: string | null): string[] =>
  (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');

function yearsText(version: PlanVersion): string {
  if (!version.coversFrom && !version.coversTo) return 'Not stated';
  if (version.coversFrom && version.coversTo) return `${periodLabel(version.coversFrom)} to ${periodLabel(version.coversTo)}`;
  return periodLabel(version.coversFrom ?? version.coversTo);
}

function summaryRows(data: PlanPageData): SummaryRow[] {
  const { view } = data;
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  return [
    row('Owner', view.owner.name),
    ...(view.area ? [row('Area', view.area.name)] : []),
    row('Years covered', yearsText(view.version)),
    ...(view.plan.kind === 'laa' ? [row('Partners', view.partners.map((p) => p.name).join(', ') || 'None recorded')] : []),
  ];
}

function outcomes(data: PlanPageData, draft: boolean): OutcomeView[] {
  const report = data.report!;
  const rows = report.rows.map((r) => laaRowView(r, data.indicators, { planId: report.plan.id, draft }));
  const groups = new Map<string, { rows: LaaRowView[]; statuses: Status[] }>();
  report.rows.forEach((r, i) => {
    const key = r.outcome?.key ?? '';
    const group = groups.get(key) ?? { rows: [], statuses: [] };
    group.rows.push(rows[i]!);
    group.statuses.push(r.status);
    groups.set(key, group);
  });
  const views = [...groups.entries()].map(([key, g]) => {
    const counts = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
    for (const s of g.statuses) counts[s] += 1;
    const worst = (['off_track', 'at_risk', 'on_track'] as const).find((s) => counts[s] > 0) ?? 'no_data';
    return {
      id: key === '' ? 'no-outcome' : `item-${key}`,
      title: g.rows[0]!.outcomeTitle,
      themeTitle: g.rows[0]!.themeTitle,
      statusTag: statusTag(worst),
      countsText: countsInWords(counts),
      severity: STATUS_SEVERITY[worst],
      // worst first; targets of the same status keep the agreement's order
      rows: g.rows
        .map((row, i) => ({ row, severity: STATUS_SEVERITY[g.statuses[i]!] }))
        .sort((a, b) => a.severity - b.severity)
        .map((e) => e.row),
    };
  });
  // worst first; outcomes of the same status keep the agreement's order
  return views
    .map((v, i) => ({ v, i }))
    .sort((a, b) => a.v.severity - b.v.severity || a.i - b.i)
    .map(({ v: { severity: _severity, ...rest } }) => rest);
}

const ADD_KINDS: Record<PlanKind, { kind: string; text: string }[]> = {
  community_strategy: [
    { kind: 'theme', text: 'Add a theme' },
    { kind: 'priority', text: 'Add a priority' },
    { kind: 'target', text: 'Add a target' },
    { kind: 'action', text: 'Add an action' },
  ],
  laa: [
    { kind: 'theme', text: 'Add a theme' },
    { kind: 'priority', text: 'Add an outcome' },
    { kind: 'target', text: 'Add a target' },
  ],
  service_plan: [
    { kind: 'theme', text: 'Add a theme' },
    { kind: 'priority', text: 'Add a priority' },
    { kind: 'action', text: 'Add an action' },
    { kind: 'target', text: 'Add a target' },
  ],
};

/** The draft's items depth first by position, each with its parent's title. */
function draftItems(data: PlanPageData): EditingView['items'] {
  const { items, plan } = data.view;
  const titleOf = new Map(items.map((i) => [i.key, i.title]));
  const out: EditingView['items'] = [];
  const visit = (parentKey: string | null) => {
    for (const item of items.filter((i) => i.parentKey === parentKey).sort((a, b) => a.position - b.position)) {
      out.push({
        key: item.key,
        kindText: itemKindInWords(item.kind, plan.kind),
        title: item.title,
        parentText: item.parentKey ? (titleOf.get(item.parentKey) ?? item.parentKey) : '',
        changeHref: planUrls.editItem(plan.id, item.key),
        removeHref: planUrls.removeItem(plan.id, item.key),
      });
      if (out.length < items.length) visit(item.key);
    }
  };
  visit(null);
  return out;
}

function editing(data: PlanPageData, csrfToken: string | undefined): EditingView | undefined {
  const { view } = data;
  if (!view.access.mayEdit) return undefined;
  const id = view.plan.id;
  const draft = view.versions.find((v) => v.state === 'draft');
  const onDraft = view.version.state === 'draft';
  return {
    onDraft,
    draftHref: draft && !onDraft ? planUrls.plan(id, { draft: true }) : undefined,
    draftNumber: draft?.number,
    reviseAction: draft ? undefined : planUrls.revise(id),
    csrfToken,
    detailsHref: planUrls.editDetails(id),
    addLinks: ADD_KINDS[view.plan.kind].map((a) => ({ href: planUrls.newItem(id, { kind: a.kind }), text: a.text })),
    publishHref: planUrls.publish(id),
    importHref: planUrls.importPlans(),
    items: onDraft ? draftItems(data) : [],
  };
}

export function planPageView(
  data: PlanPageData,
  opts: {
    sent: { day: string; month: string; year: string };
    dateProblem?: string | undefined;
    csrfToken?: string | undefined;
    done?: string | undefined;
  },
): PlanPageView {
  const { view } = data;
  const draft = view.version.state === 'draft';
  const rolled = data.thread ?? data.report!;
  const error = opts.dateProblem ? { text: opts.dateProblem } : undefined;
  return {
    pageTitle: view.version.title,
    caption: `${PLAN_KIND_NAMES[view.plan.kind].replace(/^./, (c) => c.toUpperCase())} of ${view.owner.name}`,
    kind: view.plan.kind,
    visionHeading: view.plan.kind === 'community_strategy' ? 'Vision' : 'Purpose',
    visionParagraphs: paragraphsOf(view.version.vision),
    summaryRows: summaryRows(data),
    version: versionNotice({
      planId: view.plan.id,
      version: view.version,
      inForce: view.inForce,
      on: view.on,
      today: data.today,
    }),
    statusTag: statusTag(rolled.status),
    countsText: countsInWords(rolled.counts),
    onForm: { action: planUrls.plan(view.plan.id), ...opts.sent, error },
    errorSummary: error ? [{ text: error.text, href: '#on-day' }] : [],
    sections: data.thread ? threadSections(data.thread.nodes, view.plan.id, data.indicators, { draft }) : [],
    laa: data.report
      ? {
          stretchText: stretchInWords(data.report.stretch),
          outcomes: outcomes(data, draft),
          reportHref: planUrls.report(view.plan.id),
          xlsxHref: planUrls.reportXlsx(view.plan.id),
        }
      : undefined,
    versionsHref: planUrls.versions(view.plan.id),
    editing: editing(data, opts.csrfToken),
    doneText: opts.done,
  };
}
