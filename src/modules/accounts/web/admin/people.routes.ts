/** The administrators' list of people (search, pages) and the invitation form. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConflictError, ValidationError } from '../../../../platform/errors.ts';
import { render } from '../../../../platform/web/index.ts';
import { listPeopleWithRoles } from '../../people-directory.service.ts';
import { invitePerson } from '../../people.service.ts';
import { csrfToken, verifyCsrf } from '../csrf.ts';
import type { AccountPagesDeps } from '../deps.ts';
import { type FormErrors, formErrors, formFields, readForm } from '../forms.ts';
import { requireSignIn } from '../identity.ts';
import { DEFAULT_ACCOUNT_RATE_LIMITS, formRateLimit } from '../rate-limits.ts';
import { allBodies, bodyNames } from './bodies.ts';
import { grantFields, refusalErrors } from './grant-fields.ts';
import { administrator, PAGE } from './guard.ts';
import { EMPTY_INVITE, type InviteForm, invitePageView, PEOPLE_PER_PAGE, peoplePageView } from './people.view-model.ts';
import { adminUrls } from './urls.ts';

const peopleQuery = z.object({
  q: z.string({ error: 'Enter one search' }).trim().max(200, 'Search must be 200 characters or fewer').default(''),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

const ENTER_EMAIL = 'Enter their email address';
const ENTER_NAME = 'Enter their name';
const inviteForm = z.object({
  email: z.string({ error: ENTER_EMAIL }).trim().min(1, ENTER_EMAIL).max(254, 'Email address must be 254 characters or fewer'),
  displayName: z.string({ error: ENTER_NAME }).trim().min(1, ENTER_NAME).max(200, 'Name must be 200 characters or fewer'),
  ...grantFields,
});
const INVITE_FIELDS = ['email', 'displayName', 'role', 'bodyId', 'areaCode'];

export function peopleRoutes(app: FastifyInstance, deps: AccountPagesDeps): void {
  const { db } = deps;

  app.get(adminUrls.people(), PAGE, async (request, reply) => {
    const actor = administrator(request);
    const query = readForm(peopleQuery, request.query);
    const q = query.ok ? query.value.q : '';
    const page = query.ok ? query.value.page : 1;
    const result = await listPeopleWithRoles(db, actor, {
      ...(q ? { q } : {}),
      limit: PEOPLE_PER_PAGE,
      offset: (page - 1) * PEOPLE_PER_PAGE,
    });
    const names = await bodyNames(
      db,
      result.items.flatMap((p) => p.grants.map((g) => g.bodyId)),
    );
    const view = peoplePageView({
      q: query.ok ? q : String(formFields(request.query).q ?? '').slice(0, 200),
      page,
      result,
      bodyNames: names,
      now: deps.clock.now(),
      ...(query.ok ? {} : { errors: query.errors }),
    });
    return render(reply, 'admin/people.njk', view, { status: query.ok ? 200 : 400 });
  });

  const showInvite = async (request: FastifyRequest, reply: FastifyReply, form: InviteForm, errors?: FormErrors) => {
    const view = invitePageView({
      form,
      bodies: (await allBodies(db)).bodies,
      csrfToken: csrfToken(request, reply),
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'admin/invite.njk', view, { status: errors ? 400 : 200 });
  };

  app.get(adminUrls.invite(), PAGE, async (request, reply) => {
    administrator(request);
    return showInvite(request, reply, EMPTY_INVITE);
  });

  // Only administrators' invitations are counted: nobody else can use up their allowance, or a person's.
  const inviteLimit = formRateLimit(app, deps.rateLimits?.invite ?? DEFAULT_ACCOUNT_RATE_LIMITS.invite);
  const onlyAdministrators = async (request: FastifyRequest) => void administrator(request);
  const inviteRoute = { ...PAGE, preHandler: [requireSignIn, onlyAdministrators, inviteLimit, verifyCsrf] };
  app.post(adminUrls.invite(), inviteRoute, async (request, reply) => {
    const actor = administrator(request);
    const sent = formFields(request.body);
    const asSent = Object.fromEntries(
      Object.keys(EMPTY_INVITE).map((k) => [k, typeof sent[k] === 'string' ? sent[k] : '']),
    ) as unknown as InviteForm;
    const form = readForm(inviteForm, request.body);
    if (!form.ok) return showInvite(request, reply, asSent, form.errors);
    const { email, displayName, role, bodyId, areaCode } = form.value;
    if (role === '' && (bodyId !== '' || areaCode !== ''))
      return showInvite(
        request,
        reply,
        asSent,
        formErrors([{ field: 'role', text: 'Choose the role they hold there, or no body and no area' }]),
      );
    try {
      const invited = await invitePerson(
        db,
        actor,
        { email, displayName, grants: role === '' ? [] : [{ role, bodyId: bodyId || null, areaCode: areaCode || null }] },
        { clock: deps.clock, mail: deps.mail, links: deps.links },
      );
      return reply.redirect(adminUrls.person(invited.person.id, 'invited'), 303);
    } catch (e) {
      if (!(e instanceof ValidationError || e instanceof ConflictError)) throw e;
      return showInvite(request, reply, asSent, refusalErrors(e, INVITE_FIELDS, 'email'));
    }
  });
}
