/** An action's page: its status and progress, due date, milestones, the progress reports, what it serves and the chain up. */
import { type ActionDetail, PLAN_KIND_NAMES, type PlanVersion, type ThreadUp } from '../../index.ts';
import { chainView, type ChainView } from '../plan-common/chain.ts';
import { versionNotice, type VersionNoticeView } from '../plan-common/version.ts';
import { planUrls } from '../urls.ts';
import { actionStateInWords, dateInWords, instantInWords, statusTag, type Tag } from '../words.ts';
import { type ItemEditingView, linkedItemView, type LinkedItemView } from './common.ts';

export interface ActionPageView {
  pageTitle: string;
  caption: string;
  planHref: string;
  planTitle: string;
  parentsText: string;
  version: VersionNoticeView;
  statusTag: Tag;
  statusText: string;
  description: string | null;
  summaryRows: { key: { text: string }; value: { text: string } }[];
  milestones: { due: string; title: string; done: string }[];
  updates: { asOf: string; progress: string; state: string; note: string; who: string }[];
  progressHref: string | undefined;
  serves: LinkedItemView[];
  chains: ChainView[];
  editing: ItemEditingView | undefined;
  doneText: string | undefined;
}

function statusText(d: ActionDetail, today: string): string {
  const latest = d.updates[0];
  if (d.cancelled) return 'The action has been cancelled: it counts towards no status.';
  if (!latest) return `No progress has been reported yet. It is due by ${dateInWords(d.action.due)}.`;
  const state = actionStateInWords(latest.state).toLowerCase();
  const late =
    latest.state !== 'complete' && today > d.action.due ? ` It was due by ${dateInWords(d.action.due)} and is not complete.` : '';
  return `${latest.progress}% done (${state}) as of ${dateInWords(latest.asOf)}.${late}`;
}

export function actionPageView(
  d: ActionDetail,
  opts: {
    up: ThreadUp | null;
    inForce: PlanVersion | null;
    today: string;
    editing: ItemEditingView | undefined;
    done: string | undefined;
  },
): ActionPageView {
  const a = d.action;
  const planId = d.plan.id;
  const row = (key: string, value: string) => ({ key: { text: key }, value: { text: value } });
  return {
    pageTitle: a.title,
    caption: `Action ${a.key} · ${PLAN_KIND_NAMES[d.plan.kind]}`,
    planHref: planUrls.plan(planId, { draft: d.version.state === 'draft' }),
    planTitle: d.version.title,
    parentsText: d.parents.map((p) => p.title).join(' › '),
    version: versionNotice({ planId, version: d.version, inForce: opts.inForce, on: d.on, today: opts.today }),
    statusTag: d.cancelled ? { text: 'Cancelled', classes: 'govuk-tag--grey' } : statusTag(d.status),
    statusText: statusText(d, opts.today),
    description: a.description,
    summaryRows: [
      row('Due by', dateInWords(a.due)),
      row('Owner', d.owner.name),
      row('Lead', a.leadPerson ?? 'Not named'),
      row('Progress', d.updates[0] ? `${d.updates[0].progress}%` : 'Not reported'),
    ],
    milestones: a.milestones.map((m) => ({ due: dateInWords(m.due), title: m.title, done: m.done ? 'Done' : 'Not done' })),
    updates: d.updates.map((u) => ({
      asOf: dateInWords(u.asOf),
      progress: `${u.progress}%`,
      state: actionStateInWords(u.state),
      note: u.note ?? '',
      who: `${u.createdBy}, ${instantInWords(u.createdAt)}`,
    })),
    progressHref: d.mayReportProgress && d.version.state === 'published' ? planUrls.progress(planId, a.key) : undefined,
    serves: d.serves.map(linkedItemView),
    chains: (opts.up?.chains ?? []).map(chainView),
    editing: opts.editing,
    doneText: opts.done,
  };
}
