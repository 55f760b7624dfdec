/** Who may open the administration pages, and the options every one of their routes shares. */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../actor.ts';
import { requirePermission } from '../../permissions.ts';
import { verifyCsrf } from '../csrf.ts';
import { requireActor, requireSignIn } from '../identity.ts';

/** Pages are left out of the OpenAPI document. */
export const PAGE = { schema: { hide: true } };
/** A signed-in person's form: sign-in first, then the CSRF token. */
export const SIGNED_IN_FORM = { ...PAGE, preHandler: [requireSignIn, verifyCsrf] };

/** An administrator: someone not signed in is sent to sign in, anyone else gets 403. */
export function administrator(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  requirePermission(actor, 'manage_people');
  return actor;
}
