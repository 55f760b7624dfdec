/**
 * Sharing a body's unpublished figures with partner bodies (GET/POST /bodies/:id/sharing, POST
 * /bodies/:id/sharing/stop): seen by whoever may read the body's unpublished figures, changed by its
 * officer or an administrator. The services decide both.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, ForbiddenError, NotFoundError } from '../../../../platform/errors.ts';
import { type FormErrors, readForm, render, sentText } from '../../../../platform/web/index.ts';
import { type Actor, can, csrfToken, requireActor, requireSignIn, verifyCsrf } from '../../../accounts/index.ts';
import { type Body, getBody, listBodies, listMembers, listMemberships } from '../../../bodies/index.ts';
import { listUnpublishedShares, shareUnpublished, unshareUnpublished } from '../../sharing.service.ts';
import type { DataPagesContext } from '../deps.ts';
import { refusalErrors } from '../problems.ts';
import { dataUrls } from '../urls.ts';
import { type BodyChoice, sharingPageView } from './view-model.ts';

const PAGE = { schema: { hide: true } };
const idParams = z.object({ id: z.string().min(1).max(200) });
const CHOOSE = 'Choose the body to share with';
const partnerForm = z.object({ partnerBodyId: z.string({ error: CHOOSE }).trim().min(1, CHOOSE).max(200, CHOOSE) });

const byName = (a: BodyChoice, b: BodyChoice) => a.name.localeCompare(b.name, 'en-GB');

/** Bodies to share with: the other members of the body's partnerships, then every other council and partner. */
async function candidates(deps: DataPagesContext, body: Body, shared: ReadonlySet<string>) {
  const skip = (id: string) => id === body.id || shared.has(id);
  const partners = new Map<string, BodyChoice>();
  for (const { body: partnership } of (await listMemberships(deps.db, body.id)).items) {
    for (const { body: member } of (await listMembers(deps.db, partnership.id)).items)
      if (!skip(member.id)) partners.set(member.id, { id: member.id, name: member.name });
  }
  const others: BodyChoice[] = [];
  for (const kind of ['council', 'partner'] as const) {
    for (const b of (await listBodies(deps.db, { kind, limit: 5000, offset: 0 })).items)
      if (!skip(b.id) && !partners.has(b.id)) others.push({ id: b.id, name: b.name });
  }
  return { partners: [...partners.values()].sort(byName), others: others.sort(byName) };
}

export function sharingRoutes(app: FastifyInstance, deps: DataPagesContext): void {
  async function showSharing(
    request: FastifyRequest,
    reply: FastifyReply,
    bodyId: string,
    opts: { status?: number; errors?: FormErrors; chosen?: string } = {},
  ) {
    const actor: Actor = requireActor(request);
    const body = await getBody(deps.db, bodyId);
    if (!body) throw new NotFoundError(`No body ${bodyId}`);
    const shares = await listUnpublishedShares(deps.db, actor, body.id);
    const names = new Map<string, string>();
    for (const s of shares) names.set(s.partnerBodyId, (await getBody(deps.db, s.partnerBodyId))?.name ?? s.partnerBodyId);
    const mayShare = can(actor, 'share_unpublished', { bodyId: body.id });
    const view = sharingPageView({
      bodyId: body.id,
      bodyName: body.name,
      shares,
      names,
      mayShare,
      candidates: mayShare ? await candidates(deps, body, new Set(names.keys())) : { partners: [], others: [] },
      ...(opts.chosen ? { chosen: opts.chosen } : {}),
      csrfToken: mayShare ? csrfToken(request, reply) : undefined,
      done: (request.query as Record<string, unknown>).done,
      ...(opts.errors ? { errors: opts.errors } : {}),
    });
    return render(reply, 'sharing/sharing.njk', view, { status: opts.status ?? 200 });
  }

  app.get('/bodies/:id/sharing', PAGE, async (request, reply) => showSharing(request, reply, idParams.parse(request.params).id));

  for (const stop of [false, true]) {
    const path = stop ? '/bodies/:id/sharing/stop' : '/bodies/:id/sharing';
    app.post(path, { ...PAGE, preHandler: [requireSignIn, verifyCsrf] }, async (request, reply) => {
      const actor = requireActor(request);
      const { id } = idParams.parse(request.params);
      const chosen = sentText(request.body, 'partnerBodyId');
      const form = readForm(partnerForm, request.body);
      if (!form.ok) return showSharing(request, reply, id, { status: 400, errors: form.errors, chosen });
      const share = { ownerBodyId: id, partnerBodyId: form.value.partnerBodyId };
      try {
        if (stop) await unshareUnpublished(deps.db, actor, share, { clock: deps.clock });
        else await shareUnpublished(deps.db, actor, share, { clock: deps.clock });
      } catch (error) {
        if (!(error instanceof DomainError) || error instanceof ForbiddenError) throw error;
        if (error.details.some((d) => d.field === 'ownerBodyId')) throw new NotFoundError(`No body ${id}`);
        const errors = refusalErrors(error, { partnerBodyId: 'partnerBodyId' }, 'partnerBodyId');
        return showSharing(request, reply, id, { status: 400, errors, chosen });
      }
      return reply.redirect(dataUrls.sharing(id, { done: stop ? 'unshared' : 'shared' }), 303);
    });
  }
}
