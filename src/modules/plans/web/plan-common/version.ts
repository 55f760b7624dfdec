/** Which version of a plan a page shows, in words: the notice on every page of a plan. */
import type { PlanVersion } from '../../plans.types.ts';
import { planUrls } from '../urls.ts';
import { dateInWords } from '../words.ts';

export interface VersionNoticeView {
  disclaimer: string | null;
  text: string;
  otherHref: string | undefined;
  otherText: string | undefined;
}

/** "Version 2, in force since 1 April 2025. What changed: …" and a way to the other versions. */
export function versionNotice(opts: {
  planId: string;
  version: PlanVersion;
  /** the version in force on `on` */
  inForce: PlanVersion | null;
  /** the date asked about */
  on: string;
  today: string;
}): VersionNoticeView {
  const { version, inForce, on, today, planId } = opts;
  const base = { disclaimer: version.disclaimer };
  const changed = version.changeNote ? ` What changed: ${version.changeNote}` : '';
  if (version.state === 'draft')
    return {
      ...base,
      text: `This is the draft of version ${version.number}. It is not published: only the owner’s people and assessors see it.`,
      otherHref: inForce ? planUrls.plan(planId) : undefined,
      otherText: inForce ? 'See the version in force' : undefined,
    };
  const since = dateInWords(version.inForceFrom);
  if (inForce?.id === version.id && on === today)
    return {
      ...base,
      text: `Version ${version.number}, in force since ${since}.${changed}`,
      otherHref: undefined,
      otherText: undefined,
    };
  if (inForce?.id === version.id)
    return {
      ...base,
      text: `Version ${version.number}, the version in force on ${dateInWords(on)} (in force from ${since}).${changed}`,
      otherHref: planUrls.plan(planId),
      otherText: 'See the version in force today',
    };
  const future = version.inForceFrom !== null && version.inForceFrom > today;
  return {
    ...base,
    text: `Version ${version.number}, ${future ? 'to be in force' : 'in force'} from ${since}. It is not the version in force today.${changed}`,
    otherHref: planUrls.plan(planId),
    otherText: 'See the version in force today',
  };
}
