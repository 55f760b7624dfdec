/**
 * The partnerships pages: the list, a partnership's page, forming one (GET/POST /partnerships/new) and
 * changing its members (GET/POST /partnerships/:id/members).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../../../../platform/errors.ts';
import { type FormErrors, formErrors, render } from '../../../../../platform/web/index.ts';
import {
  type Actor,
  actorOf,
  can,
  csrfToken,
  requirePermission,
  requirePerson,
  requireSignIn,
} from '../../../../accounts/index.ts';
import { changePartnershipMembers, createPartnership, getPartnership, listPartnerships } from '../../../assurance/index.ts';
import { councilsOf } from '../assurance-common/councils.ts';
import { readDate, withDateLinks } from '../assurance-common/dates.ts';
import { doneText } from '../assurance-common/done.ts';
import { serviceErrors } from '../assurance-common/form-problems.ts';
import type { AssurancePagesDeps } from '../deps.ts';
import { formChecks, PAGE } from '../guard.ts';
import { assuranceUrls } from '../urls.ts';
import {
  MEMBERS_FIELDS,
  membersFormView,
  type MembersSent,
  membersSent,
  NO_PARTNERSHIP_SENT,
  PARTNERSHIP_FIELDS,
  partnershipFormView,
  type PartnershipSent,
  partnershipSent,
} from './form.ts';
import { partnershipListView, partnershipPageView } from './view-model.ts';

export const partnershipParams = z.object({ id: z.string().min(1).max(200) });

/** The bodies a person holds a role for: a partnership of any of them is theirs to form. */
const ownBodies = (actor: Actor | null): string[] =>
  actor?.kind === 'person' ? [...new Set(actor.grants.flatMap((g) => (g.bodyId === null ? [] : [g.bodyId])))] : [];

/** May the person form a partnership at all (an administrator, or a lead of some council)? */
export const mayFormPartnership = (actor: Actor | null): boolean =>
  actor !== null && actor.kind === 'person' && can(actor, 'manage_partnership', { memberBodyIds: ownBodies(actor) });

export async function partnershipOf(deps: AssurancePagesDeps, params: unknown) {
  const parsed = partnershipParams.safeParse(params);
  const found = parsed.success ? await getPartnership(deps.db, parsed.data.id) : undefined;
  if (!found) throw new NotFoundError('No improvement partnership has this id');
  return found;
}

const currentMembers = (p: { members: { bodyId: string; leftAt: string | null }[] }) =>
  p.members.filter((m) => m.leftAt === null).map((m) => m.bodyId);

export function partnershipRoutes(app: FastifyInstance, deps: AssurancePagesDeps): void {
  const checks = formChecks(app, deps);

  app.get(assuranceUrls.partnerships(), PAGE, async (request, reply) => {
    const view = partnershipListView(await listPartnerships(deps.db), { mayCreate: mayFormPartnership(actorOf(request)) });
    return render(reply, 'partnership/list.njk', view);
  });

  async function showNew(request: FastifyRequest, reply: FastifyReply, sent: PartnershipSent, errors?: FormErrors) {
    const actor = requirePerson(request);
    if (!mayFormPartnership(actor)) requirePermission(actor, 'manage_partnership', { memberBodyIds: [] });
    const view = partnershipFormView({
      councils: [...(await councilsOf(deps.db)).values()],
      csrfToken: csrfToken(request, reply),
      sent,
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'partnership/new.njk', view, { status: errors ? 400 : 200 });
  }

  app.get(assuranceUrls.newPartnership(), { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) =>
    showNew(request, reply, NO_PARTNERSHIP_SENT),
  );

  app.post(assuranceUrls.newPartnership(), { ...PAGE, preHandler: checks }, async (request, reply) => {
    const sent = partnershipSent(request.body);
    const date = readDate(sent.formedOn, 'the date it was formed');
    const show = (errors: FormErrors) => showNew(request, reply, sent, withDateLinks(errors, ['formedOn']));
    // a date that is not one goes to the service as none, so that every other problem is listed with it
    const input = {
      id: sent.id,
      name: sent.name,
      description: sent.description,
      formedOn: date.ok ? date.value : '',
      memberBodyIds: sent.memberBodyIds,
    };
    try {
      const made = await createPartnership(deps.db, requirePerson(request), input, deps);
      return reply.redirect(assuranceUrls.partnership(made.id, { done: 'partnership-created' }), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const errors = serviceErrors(error, PARTNERSHIP_FIELDS, 'id');
      if (date.ok) return show(errors);
      // the date's own words say what is wrong with the boxes, before the service's
      const others = errors.summary.filter((e) => e.href !== '#formedOn').map((e) => ({ field: e.href.slice(1), text: e.text }));
      return show(formErrors([{ field: 'formedOn', text: date.text }, ...others]));
    }
  });

  app.get('/partnerships/:id', PAGE, async (request, reply) => {
    const p = await partnershipOf(deps, request.params);
    const actor = actorOf(request);
    const scope = { memberBodyIds: currentMembers(p) };
    const view = partnershipPageView(p, {
      mayManage: actor !== null && can(actor, 'manage_partnership', scope),
      mayRecord: actor !== null && can(actor, 'record_peer_review', scope),
      done: doneText(request.query),
    });
    return render(reply, 'partnership/partnership.njk', view);
  });

  async function showMembers(request: FastifyRequest, reply: FastifyReply, sent?: MembersSent, errors?: FormErrors) {
    const p = await partnershipOf(deps, request.params);
    requirePermission(requirePerson(request), 'manage_partnership', { memberBodyIds: currentMembers(p) });
    const view = membersFormView({
      partnership: p,
      councils: [...(await councilsOf(deps.db)).values()],
      csrfToken: csrfToken(request, reply),
      ...(sent ? { sent } : {}),
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'partnership/members.njk', view, { status: errors ? 400 : 200 });
  }

  app.get('/partnerships/:id/members', { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) =>
    showMembers(request, reply),
  );

  app.post('/partnerships/:id/members', { ...PAGE, preHandler: checks }, async (request, reply) => {
    const p = await partnershipOf(deps, request.params);
    const sent = membersSent(request.body);
    try {
      await changePartnershipMembers(deps.db, requirePerson(request), p.id, sent, deps);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showMembers(request, reply, sent, serviceErrors(error, MEMBERS_FIELDS, 'add'));
    }
    return reply.redirect(assuranceUrls.partnership(p.id, { done: 'members-changed' }), 303);
  });
}
