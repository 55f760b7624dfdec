/**
 * A body's sharing of its unpublished figures, and its rule for approving submissions, through the
 * API. Every route needs an API token. The body's own token lists, shares and stops sharing (as its
 * officers do on the sharing page); the rule is only read here: it is changed on the body's page by
 * an administrator, or from the command line, never with a token.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { bearerToken, typed } from '../../../platform/http/app.ts';
import { requireActor, requireSignIn } from '../../accounts/index.ts';
import { listUnpublishedShares, shareUnpublished, unshareUnpublished } from '../sharing.service.ts';
import { getSubmissionRules } from '../submission-rules.service.ts';
import { presentRules, presentShare, rulesSchema, shareSchema } from './body-presenters.ts';
import { bodyOfPath } from './collection.routes.ts';
import type { DataApiDeps } from './routes.ts';

const tags = ['sharing'];
const idParams = z.object({ id: z.string().min(1).max(200).describe('the body whose unpublished figures are shared') });
const partnerParams = idParams.extend({ partnerBodyId: z.string().min(1).max(200).describe('the partner body') });
const partnerBody = z.object({
  partnerBodyId: z.string().max(200).describe('the body whose people and tokens may read the unpublished figures'),
});

const WHO_SHARES =
  'Who may: the body’s own API token (as the body’s officers and administrators do on its sharing page). ' +
  'Every change is recorded in the audit log.';

export async function sharingApi(app: FastifyInstance, deps: DataApiDeps): Promise<void> {
  const api = typed(app);
  const { db, clock } = deps;
  const signedIn = { onRequest: [requireSignIn] };

  api.get(
    '/bodies/:id/shares',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'The bodies a body shares its unpublished figures with now',
        description: 'Who may: whoever may read the body’s unpublished figures, or change its shares.',
        params: idParams,
        security: bearerToken,
        response: { 200: z.object({ bodyId: z.string(), items: z.array(shareSchema) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const body = await bodyOfPath(db, request.params.id);
      return { bodyId: body.id, items: (await listUnpublishedShares(db, actor, body.id)).map(presentShare) };
    },
  );

  api.post(
    '/bodies/:id/shares',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Share a body’s unpublished figures with a partner body (409 when already shared)',
        description: WHO_SHARES,
        params: idParams,
        body: partnerBody,
        security: bearerToken,
        response: { 201: shareSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = await bodyOfPath(db, request.params.id);
      const share = { ownerBodyId: body.id, partnerBodyId: request.body.partnerBodyId };
      return reply.code(201).send(presentShare(await shareUnpublished(db, actor, share, { clock })));
    },
  );

  api.delete(
    '/bodies/:id/shares/:partnerBodyId',
    {
      ...signedIn,
      schema: {
        tags,
        summary: 'Stop sharing a body’s unpublished figures with a partner body (404 when not shared)',
        description: WHO_SHARES,
        params: partnerParams,
        security: bearerToken,
        response: { 204: z.null().describe('the partner can no longer read the unpublished figures') },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = await bodyOfPath(db, request.params.id);
      await unshareUnpublished(db, actor, { ownerBodyId: body.id, partnerBodyId: request.params.partnerBodyId }, { clock });
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/bodies/:id/submission-rules',
    {
      ...signedIn,
      schema: {
        tags: ['submissions'],
        summary: 'A body’s rule for approving its submissions: may the uploader or submitter approve?',
        description:
          'Who may: whoever may read the body’s submissions. The rule is changed only by an administrator on the ' +
          'body’s page, or with `localvision bodies self-approval`, with a reason kept in the audit log. An API ' +
          'token cannot change it: a token is for machine uploads, and the rule decides whether one person may ' +
          'approve their own figures.',
        params: z.object({ id: z.string().min(1).max(200) }),
        security: bearerToken,
        response: { 200: rulesSchema },
      },
    },
    async (request) => presentRules(await getSubmissionRules(db, requireActor(request), request.params.id)),
  );
}
