/** GET /submissions: the submissions of every body the signed-in person acts for (or, for an assessor, any body). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formErrors, render } from '../../../../platform/web/index.ts';
import { type Actor, can, requireActor } from '../../../accounts/index.ts';
import { getBody, listBodies } from '../../../bodies/index.ts';
import { listSharesWithPartner } from '../../sharing.service.ts';
import { listSubmissions } from '../../submission-read.service.ts';
import { SUBMISSION_STATES, type SubmissionState } from '../../submission-workflow.ts';
import type { DataPagesContext } from '../deps.ts';
import { bodiesOf, readsEveryBody, submittingBodiesOf } from '../links.ts';
import { type BodySubmissions, OVERVIEW_SIZE, PAGE_SIZE, submissionsPageView } from './view-model.ts';

const CHOOSE_STATE = 'Choose a state from the list';
const listQuery = z.object({
  body: z.string().trim().max(200, 'Choose a body from the list').optional(),
  state: z.union([z.literal(''), z.enum(SUBMISSION_STATES)], { error: CHOOSE_STATE }).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

/** The bodies whose submissions the overview shows: the person's own, then those sharing with them. */
async function overviewBodies(deps: DataPagesContext, actor: Actor): Promise<{ bodyId: string; shared: boolean }[]> {
  const own = bodiesOf(actor);
  const shared = new Set<string>();
  for (const bodyId of own) for (const s of await listSharesWithPartner(deps.db, bodyId)) shared.add(s.ownerBodyId);
  return [
    ...own.map((bodyId) => ({ bodyId, shared: false })),
    ...[...shared].filter((b) => !own.includes(b)).map((bodyId) => ({ bodyId, shared: true })),
  ];
}

/** Councils and partners, by name, for an assessor to choose from. */
async function everyBody(deps: DataPagesContext): Promise<{ id: string; name: string }[]> {
  const all = [];
  for (const kind of ['council', 'partner'] as const) {
    all.push(...(await listBodies(deps.db, { kind, limit: 5000, offset: 0 })).items);
  }
  return all.map((b) => ({ id: b.id, name: b.name })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export function submissionListRoutes(app: FastifyInstance, deps: DataPagesContext): void {
  app.get('/submissions', { schema: { hide: true } }, async (request, reply) => {
    const actor = requireActor(request);
    const parsed = listQuery.safeParse(request.query);
    const query = parsed.success ? parsed.data : { body: undefined, state: '' as const, page: 1 };
    const state: SubmissionState | '' = query.state ?? '';
    const chosen = query.body === '' ? undefined : query.body;
    const choosable = readsEveryBody(actor) ? await everyBody(deps) : undefined;

    const wanted = chosen === undefined ? await overviewBodies(deps, actor) : [{ bodyId: chosen, shared: false }];
    const size = chosen === undefined ? OVERVIEW_SIZE : PAGE_SIZE;
    const bodies: BodySubmissions[] = [];
    for (const { bodyId, shared } of wanted) {
      const body = await getBody(deps.db, bodyId);
      if (!body) continue;
      const offset = chosen === undefined ? 0 : (query.page - 1) * size;
      const { items, total } = await listSubmissions(deps.db, actor, {
        bodyId,
        ...(state ? { state } : {}),
        limit: size,
        offset,
      });
      bodies.push({
        bodyId,
        bodyName: body.name,
        sharedWithYou: shared,
        mayUpload: submittingBodiesOf(actor).includes(bodyId),
        maySeeSharing: !shared && can(actor, 'share_unpublished', { bodyId }),
        items,
        total,
      });
    }
    if (chosen !== undefined && bodies.length === 0) {
      const errors = formErrors([{ field: 'body', text: 'Choose a body from the list' }]);
      const view = submissionsPageView({ bodies, state, body: chosen, page: 1, choosable, mayUpload: false, errors });
      return render(reply, 'submissions/submissions.njk', view, { status: 404 });
    }
    const view = submissionsPageView({
      bodies,
      state,
      body: chosen,
      page: query.page,
      choosable,
      mayUpload: submittingBodiesOf(actor).length > 0,
      ...(parsed.success
        ? {}
        : { errors: formErrors(parsed.error.issues.map((i) => ({ field: String(i.path[0]), text: i.message }))) }),
    });
    return render(reply, 'submissions/submissions.njk', view, { status: parsed.success ? 200 : 400 });
  });
}
