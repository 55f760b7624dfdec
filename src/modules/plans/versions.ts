/**
 * Which version of a plan is shown. Pure.
 *
 * - The version in force on a date is the published version with the latest `inForceFrom` on or
 *   before it (two published the same day: the later number).
 * - A version asked for by number is shown when it is published, or when the reader may see drafts.
 * - The draft (there is at most one at a time) is shown only to those who may see drafts.
 */
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { PlanVersion } from './plans.types.ts';

/** How a reader picks a version: on a date (default today), by number, or the draft. */
export interface VersionChoice {
  /** YYYY-MM-DD */
  on?: string;
  version?: number;
  draft?: boolean;
}

export function inForceOn(versions: readonly PlanVersion[], date: string): PlanVersion | null {
  let best: PlanVersion | null = null;
  for (const v of versions) {
    if (v.state !== 'published' || v.inForceFrom === null || v.inForceFrom > date) continue;
    if (!best || v.inForceFrom > best.inForceFrom! || (v.inForceFrom === best.inForceFrom && v.number > best.number)) best = v;
  }
  return best;
}

export function draftOf(versions: readonly PlanVersion[]): PlanVersion | null {
  return versions.find((v) => v.state === 'draft') ?? null;
}

/** The versions a reader may see: every published one, and the draft for those who may see drafts. */
export function visibleVersions(versions: readonly PlanVersion[], mayReadDrafts: boolean): PlanVersion[] {
  return versions.filter((v) => v.state === 'published' || mayReadDrafts);
}

export function chooseVersion(
  planTitle: string,
  versions: readonly PlanVersion[],
  choice: VersionChoice,
  today: string,
  mayReadDrafts: boolean,
): PlanVersion {
  if (choice.draft) {
    if (!mayReadDrafts) throw new ForbiddenError(`You may not see the drafts of ${planTitle}`);
    const draft = draftOf(versions);
    if (!draft) throw new NotFoundError(`${planTitle} has no draft`, [{ field: 'draft', reason: 'there is no draft' }]);
    return draft;
  }
  if (choice.version !== undefined) {
    const found = visibleVersions(versions, mayReadDrafts).find((v) => v.number === choice.version);
    if (!found)
      throw new NotFoundError(`${planTitle} has no version ${choice.version}`, [
        { field: 'version', value: choice.version, reason: 'is not a version of this plan' },
      ]);
    return found;
  }
  const on = choice.on === undefined ? today : checkDate(choice.on, 'on');
  const found = inForceOn(versions, on);
  if (!found)
    throw new NotFoundError(`No version of ${planTitle} was in force on ${on}`, [
      { field: 'on', value: on, reason: 'no published version was in force on this date' },
    ]);
  return found;
}

/** A YYYY-MM-DD date that exists, or a ValidationError naming the field. */
export function checkDate(text: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const time = Date.parse(`${text}T00:00:00Z`);
  const valid = match !== null && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
  if (!valid)
    throw new ValidationError(`${field} must be a date written YYYY-MM-DD`, [
      { field, value: text, reason: 'is not a date written YYYY-MM-DD' },
    ]);
  return text;
}
