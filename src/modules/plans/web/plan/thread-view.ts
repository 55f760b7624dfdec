/**
 * The golden thread as a page shows it: the plan's themes and priorities as headed sections (worst
 * first, each with its status and counts), and under each priority a table of what serves it — its
 * own targets and actions, and the outcomes, targets and actions of other plans that serve it, each
 * indented under what it serves.
 */
import type { Status, StatusCounts, ThreadNode } from '../../index.ts';
import { formatOf, figuresHref, type Indicators, latestInWords, trendWord } from '../plan-common/figures.ts';
import { planUrls } from '../urls.ts';
import { countsInWords, dateInWords, itemKindInWords, statusTag, type Tag, type TrendWord } from '../words.ts';

export interface ThreadRowView {
  /** 0 for what serves the section's item directly, 1 for what serves that, … */
  depth: number;
  /** a govuk spacing class indenting the row's first cell */
  indentClass: string;
  title: string;
  href: string;
  kindText: string;
  /** the plan the item belongs to, when another than the page's */
  planTitle: string | undefined;
  statusTag: Tag;
  countsText: string | undefined;
  owner: string;
  latest: { text: string; href: string | undefined };
  trend: TrendWord | '';
}

export interface ThreadSectionView {
  id: string;
  headingLevel: 2 | 3;
  kindText: string;
  title: string;
  description: string | null;
  statusTag: Tag;
  countsText: string;
  rows: ThreadRowView[];
  sections: ThreadSectionView[];
}

/** The plan the page is about, how its figures read, and whether its draft is shown. */
interface ThreadContext {
  planId: string;
  indicators: Indicators;
  draft: boolean;
}

const isBranch = (n: ThreadNode) => n.kind === 'theme' || n.kind === 'priority';
const INDENTS = ['', 'govuk-!-padding-left-4', 'govuk-!-padding-left-6', 'govuk-!-padding-left-8'];

function nodeTag(n: ThreadNode): Tag {
  return n.cancelled ? { text: 'Cancelled', classes: 'govuk-tag--grey' } : statusTag(n.status);
}

function ownerText(n: ThreadNode): string {
  const owner = n.ownerBodyName ?? '';
  return n.leadPerson ? `${owner}${owner ? ' – ' : ''}${n.leadPerson}` : owner;
}

function latestOf(n: ThreadNode, indicators: Indicators): ThreadRowView['latest'] {
  const item = n.item;
  if (item.kind === 'target') {
    const text = latestInWords(n.assessment, formatOf(indicators.get(item.indicatorCode), item.measure));
    return { text, href: n.assessment?.actual != null ? figuresHref(item) : undefined };
  }
  if (item.kind === 'action') {
    const progress = n.actionUpdate ? `${n.actionUpdate.progress}% done, ` : '';
    return { text: `${progress}due ${dateInWords(item.due)}`, href: undefined };
  }
  return { text: '', href: undefined };
}

function rowsUnder(node: ThreadNode, ctx: ThreadContext, depth = 0): ThreadRowView[] {
  return node.children.flatMap((child) => [rowOf(child, ctx, depth), ...rowsUnder(child, ctx, depth + 1)]);
}

function rowOf(n: ThreadNode, ctx: ThreadContext, depth: number): ThreadRowView {
  const leaf = !isBranch(n);
  const own = n.plan.id === ctx.planId;
  return {
    depth,
    indentClass: INDENTS[Math.min(depth, INDENTS.length - 1)]!,
    title: n.title,
    href: leaf ? planUrls.item(n.ref.planId, n.ref.key, { draft: own && ctx.draft }) : planUrls.plan(n.ref.planId),
    kindText: sentence(itemKindInWords(n.kind, n.plan.kind)),
    planTitle: own ? undefined : n.plan.title,
    statusTag: nodeTag(n),
    countsText: !leaf && n.counts ? countsInWords(n.counts) : undefined,
    owner: ownerText(n),
    latest: latestOf(n, ctx.indicators),
    trend: n.item.kind === 'target' ? trendWord(n.item, n.assessment, n.forecast) : '',
  };
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A theme or priority of the plan as a section; themes at level 2, priorities under them at 3. */
function sectionOf(n: ThreadNode, ctx: ThreadContext, level: 2 | 3): ThreadSectionView {
  const subsections = level === 2 ? n.children.filter((c) => isBranch(c) && c.relation === 'child') : [];
  const rest = { ...n, children: n.children.filter((c) => !subsections.includes(c)) };
  return {
    id: `item-${n.ref.key}`,
    headingLevel: level,
    kindText: sentence(itemKindInWords(n.kind, n.plan.kind)),
    title: n.title,
    description: n.item.description,
    statusTag: nodeTag(n),
    countsText: n.counts ? countsInWords(n.counts) : 'nothing to judge yet',
    rows: rowsUnder(rest, ctx),
    sections: subsections.map((c) => sectionOf(c, ctx, 3)),
  };
}

/**
 * The plan's top items as sections at level 2 (a theme's priorities at level 3 under it). Targets and
 * actions at the top of a plan are gathered in one section of their own.
 */
export function threadSections(
  nodes: readonly ThreadNode[],
  planId: string,
  indicators: Indicators,
  opts: { draft?: boolean } = {},
): ThreadSectionView[] {
  const ctx: ThreadContext = { planId, indicators, draft: opts.draft ?? false };
  const sections = nodes.filter(isBranch).map((n) => sectionOf(n, ctx, 2));
  const loose = nodes.filter((n) => !isBranch(n));
  if (loose.length === 0) return sections;
  const counts: StatusCounts = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };
  for (const n of loose) if (!n.cancelled) counts[n.status] += 1;
  return [
    ...sections,
    {
      id: 'other-items',
      headingLevel: 2,
      kindText: '',
      title: 'Targets and actions under no priority',
      description: null,
      statusTag: statusTag(statusOfCounts(counts)),
      countsText: countsInWords(counts),
      rows: loose.flatMap((n) => [rowOf(n, ctx, 0), ...rowsUnder(n, ctx, 1)]),
      sections: [],
    },
  ];
}

/** The worst status present: off track, at risk, on track, else no data. */
function statusOfCounts(counts: StatusCounts): Status {
  return (['off_track', 'at_risk', 'on_track'] as const).find((s) => counts[s] > 0) ?? 'no_data';
}
