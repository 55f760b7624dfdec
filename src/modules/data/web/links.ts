/**
 * The submission pages a signed-in person's roles give them, for their account page and the header
 * (src/main/app.ts adds them to the page viewer). Which bodies they act for comes from their grants;
 * what they may do there is still decided by the services when they act.
 */
import type { ViewerLink } from '../../../platform/web/index.ts';
import { type Actor, can } from '../../accounts/index.ts';
import { dataUrls } from './urls.ts';

/** The bodies a person holds a role for, in the order granted. */
export function bodiesOf(actor: Actor): string[] {
  if (actor.kind !== 'person') return [];
  return [...new Set(actor.grants.flatMap((g) => (g.bodyId === null ? [] : [g.bodyId])))];
}

/** The bodies a person may submit figures for. */
export function submittingBodiesOf(actor: Actor): string[] {
  return bodiesOf(actor).filter((bodyId) => can(actor, 'submit_observations', { bodyId }));
}

/** Assessors read every body's unpublished figures, so they choose the body to look at. */
export function readsEveryBody(actor: Actor): boolean {
  return actor.kind === 'person' && actor.grants.some((g) => g.bodyId === null && g.role === 'assessor');
}

export function dataLinksFor(actor: Actor | null): ViewerLink[] {
  if (actor?.kind !== 'person') return [];
  const links: ViewerLink[] = [];
  if (bodiesOf(actor).length > 0 || readsEveryBody(actor))
    links.push({ href: dataUrls.submissions(), text: 'Submissions', inHeader: true });
  if (submittingBodiesOf(actor).length > 0) links.push({ href: dataUrls.upload(), text: 'Upload figures' });
  links.push({ href: dataUrls.overdue(), text: 'Overdue figures' });
  return links;
}
