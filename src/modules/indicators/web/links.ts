/**
 * The definition pages a signed-in person's roles give them, for their account page (src/main/app.ts
 * adds them to the page viewer). The pages themselves still ask the services who may do what.
 */
import type { ViewerLink } from '../../../platform/web/index.ts';
import { type Actor, can } from '../../accounts/index.ts';
import { definitionUrls } from './urls.ts';

export function indicatorLinksFor(actor: Actor | null): ViewerLink[] {
  if (actor?.kind !== 'person') return [];
  const links: ViewerLink[] = [];
  // a performance officer's role is held for a council only (accounts' ROLE_SCOPES), so its body is one
  const definesLocal = actor.grants.some(
    (g) => g.bodyId !== null && can(actor, 'define_local_indicator', { bodyId: g.bodyId, bodyKind: 'council' }),
  );
  if (definesLocal) links.push({ href: definitionUrls.localOfMine(), text: 'Local indicators' });
  if (can(actor, 'maintain_national_indicator')) links.push({ href: definitionUrls.national(), text: 'National indicators' });
  return links;
}
