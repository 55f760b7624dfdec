/** One person, for administrators: their page, giving a role, revoking one (confirmed) and disabling them (confirmed). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../../../../platform/errors.ts';
import { render } from '../../../../platform/web/index.ts';
import type { Actor } from '../../actor.ts';
import { grantRole, revokeRole } from '../../grants.service.ts';
import { type PersonRecord, personRecord } from '../../people-directory.service.ts';
import { disablePerson } from '../../people.service.ts';
import { csrfToken } from '../csrf.ts';
import type { AccountPagesDeps } from '../deps.ts';
import { type FormErrors, formErrors, formFields, readForm } from '../forms.ts';
import { allBodies, bodyNames } from './bodies.ts';
import { CHOOSE_ROLE, grantFields, refusalErrors } from './grant-fields.ts';
import { administrator, PAGE, SIGNED_IN_FORM } from './guard.ts';
import {
  disablePageView,
  EMPTY_GRANT,
  type GrantForm,
  isPersonNotice,
  personPageView,
  revokeGrantPageView,
} from './person.view-model.ts';
import { adminUrls } from './urls.ts';

type PersonParams = { Params: { id: string } };
type GrantParams = { Params: { id: string; grantId: string } };

const grantForm = z.object({ ...grantFields, role: z.string({ error: CHOOSE_ROLE }).min(1, CHOOSE_ROLE).max(64, CHOOSE_ROLE) });
const GRANT_FIELDS = ['role', 'bodyId', 'areaCode'];

async function recordOf(deps: AccountPagesDeps, actor: Actor, id: string): Promise<PersonRecord> {
  const record = await personRecord(deps.db, actor, id);
  if (!record) throw new NotFoundError(`No person ${id}`);
  return record;
}

function heldGrant(record: PersonRecord, grantId: string) {
  const grant = record.grants.find((g) => g.id === grantId && g.revokedAt === null);
  if (!grant) throw new NotFoundError(`${record.person.displayName} holds no role ${grantId}`);
  return grant;
}

export function personRoutes(app: FastifyInstance, deps: AccountPagesDeps): void {
  const { db } = deps;

  const showPerson = async (
    request: FastifyRequest,
    reply: FastifyReply,
    record: PersonRecord,
    opts: { form?: GrantForm; errors?: FormErrors } = {},
  ) => {
    const { bodies, names } = await allBodies(db);
    const done = formFields(request.query).done;
    const view = personPageView({
      record,
      bodies,
      bodyNames: names,
      now: deps.clock.now(),
      csrfToken: csrfToken(request, reply),
      notice: opts.errors === undefined && isPersonNotice(done) ? done : undefined,
      ...opts,
    });
    return render(reply, 'admin/person.njk', view, { status: opts.errors ? 400 : 200 });
  };

  app.get<PersonParams>('/admin/people/:id', PAGE, async (request, reply) => {
    const actor = administrator(request);
    return showPerson(request, reply, await recordOf(deps, actor, request.params.id));
  });

  app.post<PersonParams>('/admin/people/:id/grants', SIGNED_IN_FORM, async (request, reply) => {
    const actor = administrator(request);
    const record = await recordOf(deps, actor, request.params.id);
    const sent = formFields(request.body);
    const asSent: GrantForm = { ...EMPTY_GRANT };
    for (const k of GRANT_FIELDS) if (typeof sent[k] === 'string') asSent[k as keyof GrantForm] = sent[k];
    const form = readForm(grantForm, request.body);
    if (!form.ok) return showPerson(request, reply, record, { form: asSent, errors: form.errors });
    const { role, bodyId, areaCode } = form.value;
    try {
      await grantRole(
        db,
        actor,
        { personId: record.person.id, role, bodyId: bodyId || null, areaCode: areaCode || null },
        { clock: deps.clock },
      );
    } catch (e) {
      if (!(e instanceof ValidationError || e instanceof ConflictError)) throw e;
      return showPerson(request, reply, record, { form: asSent, errors: refusalErrors(e, GRANT_FIELDS, 'role') });
    }
    return reply.redirect(adminUrls.person(record.person.id, 'granted'), 303);
  });

  const showRevoke = async (
    request: FastifyRequest,
    reply: FastifyReply,
    record: PersonRecord,
    grantId: string,
    errors?: FormErrors,
  ) => {
    const grant = heldGrant(record, grantId);
    const view = revokeGrantPageView({
      name: record.person.displayName,
      personId: record.person.id,
      grant,
      bodyNames: await bodyNames(db, [grant.bodyId]),
      csrfToken: csrfToken(request, reply),
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'admin/confirm.njk', view, { status: errors ? 400 : 200 });
  };

  app.get<GrantParams>('/admin/people/:id/grants/:grantId/revoke', PAGE, async (request, reply) => {
    const actor = administrator(request);
    return showRevoke(request, reply, await recordOf(deps, actor, request.params.id), request.params.grantId);
  });

  app.post<GrantParams>('/admin/people/:id/grants/:grantId/revoke', SIGNED_IN_FORM, async (request, reply) => {
    const actor = administrator(request);
    const record = await recordOf(deps, actor, request.params.id);
    const grant = heldGrant(record, request.params.grantId);
    try {
      await revokeRole(db, actor, grant.id, { clock: deps.clock });
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      return showRevoke(request, reply, record, grant.id, formErrors([{ field: 'confirm', text: e.message }]));
    }
    return reply.redirect(adminUrls.person(record.person.id, 'revoked'), 303);
  });

  const showDisable = (request: FastifyRequest, reply: FastifyReply, record: PersonRecord, errors?: FormErrors) => {
    const view = disablePageView({
      name: record.person.displayName,
      personId: record.person.id,
      csrfToken: csrfToken(request, reply),
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'admin/confirm.njk', view, { status: errors ? 400 : 200 });
  };

  app.get<PersonParams>('/admin/people/:id/disable', PAGE, async (request, reply) => {
    const actor = administrator(request);
    return showDisable(request, reply, await recordOf(deps, actor, request.params.id));
  });

  app.post<PersonParams>('/admin/people/:id/disable', SIGNED_IN_FORM, async (request, reply) => {
    const actor = administrator(request);
    const record = await recordOf(deps, actor, request.params.id);
    try {
      await disablePerson(db, actor, record.person.id, { clock: deps.clock });
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      return showDisable(request, reply, record, formErrors([{ field: 'confirm', text: e.message }]));
    }
    return reply.redirect(adminUrls.person(record.person.id, 'disabled'), 303);
  });
}
