/**
 * Submissions through the API, for machines holding a body's API token: check a file (nothing
 * written), upload it as a draft, list and read submissions and their rows, and take workflow steps.
 * Every route needs the token; the services decide what it may do (tokens submit and withdraw, read
 * their body's submissions, and neither approve nor publish).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ValidationError } from '../../../platform/errors.ts';
import { bearerToken, typed } from '../../../platform/http/app.ts';
import { acceptFileBodies, fileOfBody, limitInWords } from '../../../platform/http/file-body.ts';
import { sendList } from '../../../platform/http/list-response.ts';
import { listEnvelope, pageOf, pageQuery } from '../../../platform/http/pagination.ts';
import { limitRequests, type RequestLimit } from '../../../platform/http/rate-limit.ts';
import { type Actor, perApiToken, requireActor, requireSignIn } from '../../accounts/index.ts';
import { checkSubmission } from '../submission-check.service.ts';
import { getSubmission, getSubmissionRows, listSubmissions, MAX_SUBMISSION_PAGE } from '../submission-read.service.ts';
import {
  approveSubmission,
  availableSubmissionSteps,
  createSubmission,
  publishSubmission,
  rejectSubmission,
  submitSubmission,
  withdrawSubmission,
} from '../submission.service.ts';
import type { Page } from '../submission.types.ts';
import { MAX_REASON_LENGTH, SUBMISSION_STATES } from '../submission-workflow.ts';
import type { DataApiDeps } from './routes.ts';
import {
  presentReport,
  presentSubmission,
  presentSubmissionDetail,
  presentSubmissionRow,
  reportSchema,
  submissionCsv,
  submissionDetailSchema,
  submissionRowCsv,
  submissionRowSchema,
  submissionSchema,
} from './submission-presenters.ts';

const tags = ['submissions'];
/** A token may check or upload this many files in ten minutes. */
export const DEFAULT_API_UPLOAD_LIMIT: RequestLimit = { max: 60, windowMs: 10 * 60_000 };

const bodyQuery = z.object({
  body: z.string().min(1).max(200).optional().describe('the body the figures are for (default: the API token’s own body)'),
});
const fileQuery = bodyQuery.extend({
  name: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe('the file’s name, kept with the submission (default upload.csv or upload.json)'),
});
const idParams = z.object({ id: z.string().min(1).max(100) });
const reasonBody = z.object({
  reason: z.string().min(1).max(MAX_REASON_LENGTH).describe('why, shown to everyone who can see the submission'),
});

/** The body asked for, or the token's own. */
function bodyOf(actor: Actor, body: string | undefined): string {
  if (body !== undefined) return body;
  if (actor.kind === 'api_token') return actor.bodyId;
  throw new ValidationError('Name the body the figures are for', [{ field: 'body', reason: 'is required' }]);
}

/** Everything read in pages of the most the service gives at once (a CSV download of a long list). */
async function allPages<T>(page: Page, read: (p: Page) => Promise<{ items: T[]; total: number }>) {
  if (page.limit <= MAX_SUBMISSION_PAGE) return read(page);
  const items: T[] = [];
  let total = 0;
  for (let offset = page.offset; items.length < page.limit; offset += MAX_SUBMISSION_PAGE) {
    const got = await read({ offset, limit: Math.min(MAX_SUBMISSION_PAGE, page.limit - items.length) });
    items.push(...got.items);
    total = got.total;
    if (got.items.length === 0 || offset + MAX_SUBMISSION_PAGE >= total) break;
  }
  return { items, total };
}

export async function submissionsApi(app: FastifyInstance, deps: DataApiDeps): Promise<void> {
  const { db, clock } = deps;
  const limitText = limitInWords(deps.uploadLimitBytes);

  // The file routes take the file itself as the body: their own parsers, size limit and errors.
  await app.register(async (files) => {
    acceptFileBodies(files, { uploadLimitBytes: deps.uploadLimitBytes, what: 'the file' });
    const limited = limitRequests(files, [{ ...(deps.uploadRateLimit ?? DEFAULT_API_UPLOAD_LIMIT), key: perApiToken }]);
    const fileRoute = (summary: string, response: Record<number, z.ZodType>) => ({
      onRequest: [requireSignIn, limited],
      schema: {
        tags,
        summary,
        description: `The body of the request is the file itself, in the tidy format (CSV or JSON), at most ${limitText}.`,
        consumes: ['text/csv', 'application/json'],
        querystring: fileQuery,
        security: bearerToken,
        response,
      },
    });
    const api = typed(files);

    api.post(
      '/submissions/check',
      fileRoute('Check a file: every bad row (line, field, value, reason) and what it would do; nothing is written', {
        200: reportSchema,
      }),
      async (request) => {
        const actor = requireActor(request);
        const { body, name } = request.query as z.infer<typeof fileQuery>;
        return presentReport(
          await checkSubmission(db, actor, { bodyId: bodyOf(actor, body), file: fileOfBody(request, name, 'the file') }),
        );
      },
    );

    api.post(
      '/submissions',
      fileRoute('Upload a file as a draft submission; a file with any bad row is refused (400) and nothing is written', {
        201: submissionSchema,
      }),
      async (request, reply) => {
        const actor = requireActor(request);
        const { body, name } = request.query as z.infer<typeof fileQuery>;
        const created = await createSubmission(
          db,
          actor,
          { bodyId: bodyOf(actor, body), file: fileOfBody(request, name, 'the file') },
          { clock },
        );
        return reply.code(201).send(presentSubmission(created));
      },
    );
  });

  const api = typed(app);
  const read = { onRequest: [requireSignIn] };

  api.get(
    '/submissions',
    {
      ...read,
      schema: {
        tags,
        summary: 'A body’s submissions, newest first, optionally in one state',
        querystring: pageQuery.extend(bodyQuery.shape).extend({ state: z.enum(SUBMISSION_STATES).optional() }),
        security: bearerToken,
        response: { 200: listEnvelope(submissionSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const page = pageOf(request.query);
      const bodyId = bodyOf(actor, request.query.body);
      const { state } = request.query;
      const result = await allPages(page, (p) => listSubmissions(db, actor, { bodyId, ...(state ? { state } : {}), ...p }));
      const view = { present: presentSubmission, csv: submissionCsv, fileName: `submissions-${bodyId}` };
      return sendList(request, reply, result, page, view, request.query.format);
    },
  );

  api.get(
    '/submissions/:id',
    {
      ...read,
      schema: {
        tags,
        summary: 'A submission with every step it went through, and the steps this client may take now',
        params: idParams,
        security: bearerToken,
        response: { 200: submissionDetailSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const submission = await getSubmission(db, actor, request.params.id);
      return presentSubmissionDetail(submission, await availableSubmissionSteps(db, actor, request.params.id));
    },
  );

  api.get(
    '/submissions/:id/rows',
    {
      ...read,
      schema: {
        tags,
        summary: 'A submission’s figures in file order (unpublished until it is published)',
        params: idParams,
        querystring: pageQuery,
        security: bearerToken,
        response: { 200: listEnvelope(submissionRowSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const page = pageOf(request.query);
      const result = await allPages(page, (p) => getSubmissionRows(db, actor, request.params.id, p));
      const view = { present: presentSubmissionRow, csv: submissionRowCsv, fileName: `submission-${request.params.id}` };
      return sendList(request, reply, result, page, view, request.query.format);
    },
  );

  const steps = [
    ['submit', 'Submit a draft for approval', submitSubmission],
    [
      'approve',
      'Approve a submitted submission (a person of the body other than its submitter; tokens may not)',
      approveSubmission,
    ],
    ['publish', 'Publish an approved submission: its figures become public (people only)', publishSubmission],
  ] as const;
  for (const [step, summary, take] of steps) {
    api.post(
      `/submissions/:id/${step}`,
      { ...read, schema: { tags, summary, params: idParams, security: bearerToken, response: { 200: submissionSchema } } },
      async (request) => presentSubmission(await take(db, requireActor(request), request.params.id, { clock })),
    );
  }
  const closing = [
    ['reject', 'Reject a submitted or approved submission, with a reason', rejectSubmission],
    ['withdraw', 'Withdraw a submission that is not yet published, with a reason', withdrawSubmission],
  ] as const;
  for (const [step, summary, take] of closing) {
    api.post(
      `/submissions/:id/${step}`,
      {
        ...read,
        schema: { tags, summary, params: idParams, body: reasonBody, security: bearerToken, response: { 200: submissionSchema } },
      },
      async (request) =>
        presentSubmission(await take(db, requireActor(request), request.params.id, request.body.reason, { clock })),
    );
  }
}
