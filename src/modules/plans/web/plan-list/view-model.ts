/** The plans page: every plan the reader may see, by kind, with owner, years, version in force and roll-up. */
import { PLAN_KINDS, type PlanKind, type PlanVersion } from '../../index.ts';
import { periodLabel } from '../plan-common/figures.ts';
import { planUrls } from '../urls.ts';
import { countsInWords, dateInWords, PLAN_KIND_PLURALS, statusTag, type Tag } from '../words.ts';
import type { ListedPlan } from './load.ts';

export interface PlanRowView {
  title: string;
  href: string;
  owner: string;
  area: string;
  years: string;
  inForceText: string;
  draft: { href: string; text: string } | undefined;
  statusTag: Tag | undefined;
  countsText: string;
}

export interface PlanListView {
  pageTitle: string;
  groups: { id: string; heading: string; rows: PlanRowView[] }[];
  newPlanHref: string | undefined;
  importHref: string | undefined;
  doneText: string | undefined;
}

function yearsOf(v: PlanVersion | null): string {
  if (!v || (!v.coversFrom && !v.coversTo)) return '';
  if (v.coversFrom && v.coversTo) return `${periodLabel(v.coversFrom)} to ${periodLabel(v.coversTo)}`;
  return periodLabel(v.coversFrom ?? v.coversTo);
}

function rowOf(p: ListedPlan): PlanRowView {
  const { listing, rolled } = p;
  const id = listing.plan.id;
  const shown = listing.inForce ?? listing.latestPublished ?? listing.draft;
  const future = !listing.inForce && listing.latestPublished;
  return {
    title: shown?.title ?? id,
    href: listing.inForce || listing.latestPublished ? planUrls.plan(id) : planUrls.plan(id, { draft: true }),
    owner: listing.owner.name,
    area: listing.area?.name ?? '',
    years: yearsOf(shown),
    inForceText: listing.inForce
      ? `Version ${listing.inForce.number}, since ${dateInWords(listing.inForce.inForceFrom)}`
      : future
        ? `None yet: version ${future.number} comes into force on ${dateInWords(future.inForceFrom)}`
        : 'Not published yet',
    draft: listing.draft
      ? { href: planUrls.plan(id, { draft: true }), text: `Draft version ${listing.draft.number}` }
      : undefined,
    statusTag: rolled ? statusTag(rolled.status) : undefined,
    countsText: rolled ? countsInWords(rolled.counts) : '',
  };
}

export function planListView(
  plans: readonly ListedPlan[],
  opts: { mayCreate: boolean; done?: string | undefined },
): PlanListView {
  const byKind = (kind: PlanKind) => plans.filter((p) => p.listing.plan.kind === kind).map(rowOf);
  return {
    pageTitle: 'Plans and targets',
    groups: PLAN_KINDS.map((kind) => ({ id: `kind-${kind}`, heading: PLAN_KIND_PLURALS[kind], rows: byKind(kind) })).filter(
      (g) => g.rows.length > 0,
    ),
    newPlanHref: opts.mayCreate ? planUrls.newPlan() : undefined,
    importHref: opts.mayCreate ? planUrls.importPlans() : undefined,
    doneText: opts.done,
  };
}
