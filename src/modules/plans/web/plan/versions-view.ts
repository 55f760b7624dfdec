/** A plan's versions: each with its state, when it was (or is to be) in force, what changed and who. */
import { type PlanView } from '../../index.ts';
import { versionNotice, type VersionNoticeView } from '../plan-common/version.ts';
import { planUrls } from '../urls.ts';
import { dateInWords, instantInWords, type Tag, versionStateTag } from '../words.ts';

export interface VersionRowView {
  number: number;
  href: string;
  stateTag: Tag;
  inForceText: string;
  changeNote: string;
  madeBy: string;
  current: boolean;
}

export interface VersionsPageView {
  pageTitle: string;
  planTitle: string;
  planHref: string;
  version: VersionNoticeView;
  rows: VersionRowView[];
}

export function versionsPageView(view: PlanView, today: string): VersionsPageView {
  const id = view.plan.id;
  const rows = [...view.versions].reverse().map((v) => {
    const current = view.inForce?.id === v.id;
    const inForceText =
      v.state === 'draft'
        ? 'Not published'
        : `${v.inForceFrom !== null && v.inForceFrom > today ? 'To be in force from' : 'In force from'} ${dateInWords(v.inForceFrom)}${current ? ' (in force today)' : ''}`;
    const made = `Drafted by ${v.createdBy} on ${instantInWords(v.createdAt)}`;
    const published = v.publishedBy ? `; published by ${v.publishedBy} on ${instantInWords(v.publishedAt)}` : '';
    return {
      number: v.number,
      href: v.state === 'draft' ? planUrls.plan(id, { draft: true }) : planUrls.plan(id, { version: v.number }),
      stateTag: versionStateTag(v.state),
      inForceText,
      changeNote: v.changeNote ?? (v.number === 1 ? 'The first version' : ''),
      madeBy: made + published,
      current,
    };
  });
  return {
    pageTitle: `Versions of ${view.version.title}`,
    planTitle: view.version.title,
    planHref: planUrls.plan(id),
    version: versionNotice({ planId: id, version: view.version, inForce: view.inForce, on: view.on, today }),
    rows,
  };
}
