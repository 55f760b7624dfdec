/** The administration and audit pages a person's roles open to them, for their account page. */
import type { Link } from '../../../../platform/web/index.ts';
import type { Actor } from '../../actor.ts';
import { auditReach } from '../../audit-log.service.ts';
import type { HeldRole } from '../../own-account.service.ts';
import { can } from '../../permissions.ts';
import { adminUrls } from '../admin/urls.ts';
import { auditUrls } from '../audit/urls.ts';

export function adminLinksFor(actor: Actor, roles: readonly HeldRole[]): Link[] {
  const names = new Map(roles.flatMap((r) => (r.bodyId === null ? [] : [[r.bodyId, r.bodyName ?? r.bodyId] as const])));
  const links: Link[] = [];
  const manages = can(actor, 'manage_people');
  if (manages) {
    links.push({ text: 'People and their roles', href: adminUrls.people() });
    links.push({ text: 'API tokens of a body', href: adminUrls.chooseTokensBody() });
  } else {
    for (const [bodyId, name] of names)
      if (can(actor, 'issue_api_tokens', { bodyId }))
        links.push({ text: `API tokens of ${name}`, href: adminUrls.tokens(bodyId) });
  }
  const reach = auditReach(actor);
  if (reach.everything) links.push({ text: 'Audit log', href: auditUrls.log() });
  else
    for (const bodyId of reach.bodyIds)
      links.push({ text: `Audit log of ${names.get(bodyId) ?? bodyId}`, href: auditUrls.body(bodyId) });
  return links;
}
