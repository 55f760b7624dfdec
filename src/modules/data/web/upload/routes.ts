/**
 * Uploading figures: choose the body and the file (GET/POST /submissions/new), see the validation
 * report (GET /submissions/checked/:uploadId), and make a draft of a good file
 * (POST /submissions/checked/:uploadId). Nothing is written before that last step; the checked file
 * waits in the upload store meanwhile (docs/adr/0014).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ForbiddenError, ValidationError } from '../../../../platform/errors.ts';
import { limitRequests } from '../../../../platform/http/rate-limit.ts';
import { type FormErrors, formErrors, render } from '../../../../platform/web/index.ts';
import { type Actor, actorOf, csrfToken, requirePerson, requireSignIn, verifyCsrf } from '../../../accounts/index.ts';
import { getBody } from '../../../bodies/index.ts';
import { checkSubmission } from '../../submission-check.service.ts';
import { createSubmission } from '../../submission.service.ts';
import type { DataPagesContext } from '../deps.ts';
import { submittingBodiesOf } from '../links.ts';
import { dataUrls } from '../urls.ts';
import type { HeldUpload, UploadOwner } from '../upload-store.ts';
import { readUploadForm, type UploadedFile } from '../../../../platform/web/upload-form.ts';
import { reportPageView, sizeInWords, uploadPageView } from './view-model.ts';

const PAGE = { schema: { hide: true } };
const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).catch(1) });
const uploadIdParams = z.object({ uploadId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/** The bodies the person may submit for, by name; none is a refusal. */
async function submittingBodies(deps: DataPagesContext, actor: Actor) {
  const bodies = [];
  for (const id of submittingBodiesOf(actor)) bodies.push({ id, name: (await getBody(deps.db, id))?.name ?? id });
  if (bodies.length === 0)
    throw new ForbiddenError('You may not submit figures for any body: performance officers and partner data officers do that');
  return bodies;
}

/** The held upload belongs to this person in this session (the session's form token stands for it). */
function ownerOf(request: FastifyRequest, reply: FastifyReply): UploadOwner {
  const person = requirePerson(request);
  return { personId: person.personId, sessionKey: createHash('sha256').update(csrfToken(request, reply)).digest('base64url') };
}

/** A person's uploads are counted by who they are, not by their address (a council's staff may share one). */
const personKey = (request: FastifyRequest) => {
  const actor = actorOf(request);
  return actor?.kind === 'person' ? `person:${actor.personId}` : null;
};

export function uploadRoutes(app: FastifyInstance, deps: DataPagesContext): void {
  const limitText = sizeInWords(deps.uploadLimitBytes);

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    chosen: string | undefined,
    errors?: FormErrors,
    status = 200,
  ) {
    const bodies = await submittingBodies(deps, requirePerson(request));
    const view = uploadPageView({
      csrfToken: csrfToken(request, reply),
      bodies,
      chosen: chosen ?? bodies[0]?.id,
      uploadLimitBytes: deps.uploadLimitBytes,
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'upload/upload.njk', view, { status });
  }

  async function showReport(
    request: FastifyRequest,
    reply: FastifyReply,
    held: HeldUpload,
    page: number,
    status = 200,
    errors?: FormErrors,
  ) {
    const bodyName = (await getBody(deps.db, held.bodyId))?.name ?? held.bodyId;
    const view = reportPageView({
      uploadId: held.id,
      bodyName,
      report: held.report,
      page,
      csrfToken: csrfToken(request, reply),
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'upload/report.njk', view, { status });
  }

  const gone = (reply: FastifyReply) =>
    render(
      reply,
      'upload/gone.njk',
      { pageTitle: 'This checked file is no longer held', uploadHref: dataUrls.upload() },
      { status: 404 },
    );

  app.get(dataUrls.upload(), PAGE, async (request, reply) => {
    const body = (request.query as Record<string, unknown>).body;
    return showForm(request, reply, typeof body === 'string' ? body : undefined);
  });

  app.post(
    dataUrls.upload(),
    // who is asking and how often, before a byte of the file is read
    { ...PAGE, onRequest: [requireSignIn, limitRequests(app, [{ ...deps.uploadRateLimit, key: personKey }])] },
    async (request, reply) => {
      const actor = requirePerson(request);
      // someone who submits for no body is refused before the file is read
      const bodies = await submittingBodies(deps, actor);
      const form = await readUploadForm(request, async (fields) => {
        request.body = fields;
        await verifyCsrf(request);
        refuseOtherBody(bodies, fields.body);
      });
      request.body = form.fields;
      await verifyCsrf(request);
      const chosen = form.fields.body;
      refuseOtherBody(bodies, chosen);
      if (form.kind === 'too_large') {
        const errors = formErrors([{ field: 'file', text: `The selected file must be smaller than ${limitText}` }]);
        return showForm(request, reply, chosen, errors, 413);
      }
      if (form.kind === 'malformed')
        return showForm(request, reply, chosen, formErrors([{ field: 'file', text: form.reason }]), 400);
      const problems = uploadProblems(bodies, chosen, form.file);
      if (problems.length > 0 || !form.file || !chosen) return showForm(request, reply, chosen, formErrors(problems), 400);
      const file: UploadedFile = form.file;
      const report = await checkSubmission(deps.db, actor, { bodyId: chosen, file });
      const id = deps.uploads.hold(ownerOf(request, reply), report, file);
      return reply.redirect(dataUrls.checkedUpload(id), 303);
    },
  );

  app.get(`/submissions/checked/:uploadId`, PAGE, async (request, reply) => {
    const params = uploadIdParams.safeParse(request.params);
    const held = params.success ? deps.uploads.get(params.data.uploadId, ownerOf(request, reply)) : undefined;
    if (!held) return gone(reply);
    return showReport(request, reply, held, pageQuery.parse(request.query).page);
  });

  app.post(`/submissions/checked/:uploadId`, { ...PAGE, preHandler: [requireSignIn, verifyCsrf] }, async (request, reply) => {
    const actor = requirePerson(request);
    const params = uploadIdParams.safeParse(request.params);
    const owner = ownerOf(request, reply);
    const held = params.success ? deps.uploads.get(params.data.uploadId, owner) : undefined;
    if (!held) return gone(reply);
    if (!held.file) return showReport(request, reply, held, 1, 400);
    try {
      const submission = await createSubmission(deps.db, actor, { bodyId: held.bodyId, file: held.file }, { clock: deps.clock });
      deps.uploads.release(held.id);
      return reply.redirect(dataUrls.submission(submission.id, { done: 'create' }), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // the published figures or the catalogue changed since the check: show the file's report as it is now
      const report = await checkSubmission(deps.db, actor, { bodyId: held.bodyId, file: held.file });
      deps.uploads.release(held.id);
      const again = deps.uploads.get(deps.uploads.hold(owner, report, held.file), owner)!;
      const errors = formErrors([{ field: 'problems', text: 'The file no longer passes the checks: nothing was written' }]);
      return showReport(request, reply, again, 1, 400, errors);
    }
  });
}

/** A body the person does not submit for is refused (403), as the API refuses it, before the file is read. */
function refuseOtherBody(bodies: { id: string }[], chosen: string | undefined): void {
  if (chosen && !bodies.some((b) => b.id === chosen)) throw new ForbiddenError(`You may not submit figures for ${chosen}`);
}

function uploadProblems(bodies: { id: string }[], chosen: string | undefined, file: UploadedFile | null) {
  const problems: { field: string; text: string }[] = [];
  if (!chosen || !bodies.some((b) => b.id === chosen))
    problems.push({ field: 'body', text: 'Choose the body the figures are for' });
  if (!file) problems.push({ field: 'file', text: 'Select a file' });
  else if (file.content.length === 0) problems.push({ field: 'file', text: 'The selected file is empty' });
  return problems;
}
