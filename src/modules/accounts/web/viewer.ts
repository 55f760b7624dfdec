/** The signed-in person as the page header shows them: name, account link and sign-out form. */
import type { FastifyRequest } from 'fastify';
import type { PageViewer } from '../../../platform/web/index.ts';
import { sessionCsrfToken } from './csrf.ts';
import { edgeOf } from './edge.ts';
import { actorOf, sessionIdOf } from './identity.ts';
import { accountUrls } from './urls.ts';

export function pageViewerOf(request: FastifyRequest): PageViewer | null {
  const actor = actorOf(request);
  const sessionId = sessionIdOf(request);
  if (actor?.kind !== 'person' || sessionId === null) return null;
  return {
    name: actor.displayName,
    accountUrl: accountUrls.account(),
    signOutUrl: accountUrls.signOut(),
    csrfToken: sessionCsrfToken(edgeOf(request.server), sessionId),
  };
}
