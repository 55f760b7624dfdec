/**
 * Importing plans: choose a file (GET/POST /plans/import), see what it would change or every problem
 * with it (GET /plans/import/checked/:id), and import it (POST /plans/import/checked/:id). The file is
 * checked with a dry run; nothing is written before the last step, and the checked file waits in
 * memory meanwhile.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ForbiddenError, ValidationError } from '../../../../platform/errors.ts';
import { limitRequests } from '../../../../platform/http/rate-limit.ts';
import { type FormErrors, formErrors, render } from '../../../../platform/web/index.ts';
import { actorOf, csrfToken, requirePerson, requireSignIn, verifyCsrf } from '../../../accounts/index.ts';
import { importPlans, type PlanImportReport } from '../../index.ts';
import { DEFAULT_PLAN_FORM_LIMIT, type PlanPagesDeps } from '../deps.ts';
import { formChecks, PAGE } from '../plan-edit/guard.ts';
import { mayCreatePlans } from '../plan-common/owners.ts';
import { planUrls } from '../urls.ts';
import type { HeldFiles, HeldOwner } from './held-files.ts';
import { readUploadForm } from '../../../../platform/web/upload-form.ts';
import { checkedView, importFormView, problemsView, sizeInWords } from './view-model.ts';

const heldParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** The held file belongs to this person in this session (the session's form token stands for it). */
function ownerOf(request: FastifyRequest, reply: FastifyReply): HeldOwner {
  const person = requirePerson(request);
  return { personId: person.personId, sessionKey: createHash('sha256').update(csrfToken(request, reply)).digest('base64url') };
}

const personKey = (request: FastifyRequest) => {
  const actor = actorOf(request);
  return actor?.kind === 'person' ? `person:${actor.personId}` : null;
};

export function importRoutes(app: FastifyInstance, deps: PlanPagesDeps, held: HeldFiles): void {
  const limit = deps.formLimit ?? DEFAULT_PLAN_FORM_LIMIT;

  async function showForm(request: FastifyRequest, reply: FastifyReply, publish = false, errors?: FormErrors, status = 200) {
    if (!(await mayCreatePlans(deps.db, requirePerson(request))))
      throw new ForbiddenError('You may not import plans: officers of a body and administrators do that');
    const view = importFormView({
      csrfToken: csrfToken(request, reply),
      uploadLimitBytes: deps.uploadLimitBytes,
      publish,
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'plan-import/import.njk', view, { status });
  }

  app.get(planUrls.importPlans(), { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) => showForm(request, reply));

  app.post(
    planUrls.importPlans(),
    // who is asking and how often, before a byte of the file is read
    { ...PAGE, onRequest: [requireSignIn, limitRequests(app, [{ ...limit, key: personKey }])] },
    async (request, reply) => {
      const actor = requirePerson(request);
      const form = await readUploadForm(
        request,
        async (fields) => {
          request.body = fields;
          await verifyCsrf(request);
        },
        'plans',
      );
      request.body = form.fields;
      await verifyCsrf(request);
      const publish = form.fields.publish === 'yes';
      const fileError = (text: string, status = 400) =>
        showForm(request, reply, publish, formErrors([{ field: 'file', text }]), status);
      if (form.kind === 'too_large')
        return fileError(`The selected file must be smaller than ${sizeInWords(deps.uploadLimitBytes)}`, 413);
      if (form.kind === 'malformed') return fileError('The form could not be read: choose one file and send the form again');
      if (!form.file) return fileError('Select a file');
      if (form.file.content.length === 0) return fileError('The selected file is empty');
      let report: PlanImportReport;
      try {
        report = await importPlans(deps.db, actor, form.file, { clock: deps.clock, dryRun: true, publish });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const view = problemsView({
          fileName: form.file.name,
          message: error.message,
          problems: error.details,
          csrfToken: csrfToken(request, reply),
        });
        return render(reply, 'plan-import/checked.njk', view, { status: 400 });
      }
      const id = held.hold(ownerOf(request, reply), { name: form.file.name, content: form.file.content, publish, report });
      return reply.redirect(planUrls.checkedImport(id), 303);
    },
  );

  const gone = (reply: FastifyReply) =>
    render(
      reply,
      'plan-import/gone.njk',
      { pageTitle: 'This checked file is no longer held', againHref: planUrls.importPlans() },
      { status: 404 },
    );

  app.get('/plans/import/checked/:id', { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) => {
    const params = heldParams.safeParse(request.params);
    const file = params.success ? held.get(params.data.id, ownerOf(request, reply)) : undefined;
    if (!file) return gone(reply);
    const view = checkedView({ fileName: file.name, report: file.report, heldId: file.id, csrfToken: csrfToken(request, reply) });
    return render(reply, 'plan-import/checked.njk', view);
  });

  app.post('/plans/import/checked/:id', { ...PAGE, preHandler: formChecks(app, deps) }, async (request, reply) => {
    const actor = requirePerson(request);
    const params = heldParams.safeParse(request.params);
    const file = params.success ? held.get(params.data.id, ownerOf(request, reply)) : undefined;
    if (!file) return gone(reply);
    let report: PlanImportReport;
    try {
      report = await importPlans(
        deps.db,
        actor,
        { name: file.name, content: file.content },
        { clock: deps.clock, publish: file.publish },
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // the plans or the catalogue changed since the check: say what is wrong with the file now
      held.release(file.id);
      const view = problemsView({
        fileName: file.name,
        message: error.message,
        problems: error.details,
        csrfToken: csrfToken(request, reply),
      });
      return render(reply, 'plan-import/checked.njk', view, { status: 400 });
    }
    held.release(file.id);
    const [only] = report.plans;
    // one plan: the version the file made (a draft is shown by number to those who may see it)
    if (report.plans.length === 1 && only)
      return reply.redirect(planUrls.plan(only.planId, { version: only.versionNumber, done: 'imported' }), 303);
    return reply.redirect(`${planUrls.list()}?done=imported`, 303);
  });
}
