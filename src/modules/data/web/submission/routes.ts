/**
 * A submission's page (GET /submissions/:id), its figures as CSV (GET /submissions/:id/rows.csv), and
 * one form per workflow step (POST /submissions/:id/<step>). The services decide who may read it and
 * which steps are offered; a refused step is shown on the page with its reason.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConflictError, ValidationError } from '../../../../platform/errors.ts';
import { itemsToCsv } from '../../../../platform/http/csv.ts';
import { type FormErrors, formErrors, PERSONAL_PAGE_CACHE, readForm, render, sentText } from '../../../../platform/web/index.ts';
import { type Actor, csrfToken, requireActor, requireSignIn, verifyCsrf } from '../../../accounts/index.ts';
import { getBody } from '../../../bodies/index.ts';
import { getSubmission, getSubmissionRows, MAX_SUBMISSION_PAGE } from '../../submission-read.service.ts';
import {
  approveSubmission,
  availableSubmissionSteps,
  publishSubmission,
  rejectSubmission,
  submitSubmission,
  withdrawSubmission,
} from '../../submission.service.ts';
import type { SubmissionRowRecord } from '../../submission.types.ts';
import { selfApprovalAllowed } from '../../submission-rules.service.ts';
import { MAX_REASON_LENGTH, SUBMISSION_EVENTS, type SubmissionEvent } from '../../submission-workflow.ts';
import type { DataPagesContext } from '../deps.ts';
import { refusalErrors } from '../problems.ts';
import { dataUrls } from '../urls.ts';
import { ROWS_PER_PAGE, submissionPageView } from './view-model.ts';

const PAGE = { schema: { hide: true } };
const idParams = z.object({ id: z.string().min(1).max(100) });
const pageQuery = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).catch(1) });

const reasonForm = (step: SubmissionEvent) => {
  const enter = step === 'reject' ? 'Enter why you are rejecting the submission' : 'Enter why you are withdrawing the submission';
  return z.object({
    reason: z
      .string({ error: enter })
      .trim()
      .min(1, enter)
      .max(MAX_REASON_LENGTH, `The reason must be ${MAX_REASON_LENGTH.toLocaleString('en-GB')} characters or fewer`),
  });
};

type Deps = { clock: DataPagesContext['clock'] };
const STEPS: Record<
  SubmissionEvent,
  (db: DataPagesContext['db'], actor: Actor, id: string, reason: string, deps: Deps) => Promise<unknown>
> = {
  submit: (db, actor, id, _reason, deps) => submitSubmission(db, actor, id, deps),
  approve: (db, actor, id, _reason, deps) => approveSubmission(db, actor, id, deps),
  publish: (db, actor, id, _reason, deps) => publishSubmission(db, actor, id, deps),
  reject: (db, actor, id, reason, deps) => rejectSubmission(db, actor, id, reason, deps),
  withdraw: (db, actor, id, reason, deps) => withdrawSubmission(db, actor, id, reason, deps),
};

/** The submission's figures in the tidy format, so they can be checked and uploaded again. */
const FIGURE_COLUMNS = [
  { header: 'indicator', value: (r: SubmissionRowRecord) => r.indicatorCode },
  { header: 'area', value: (r: SubmissionRowRecord) => r.areaCode },
  { header: 'period', value: (r: SubmissionRowRecord) => r.periodLabel },
  { header: 'value', value: (r: SubmissionRowRecord) => r.value },
  { header: 'numerator', value: (r: SubmissionRowRecord) => r.numerator },
  { header: 'denominator', value: (r: SubmissionRowRecord) => r.denominator },
  { header: 'sample_size', value: (r: SubmissionRowRecord) => r.sampleSize },
  { header: 'ci_lower', value: (r: SubmissionRowRecord) => r.ciLower },
  { header: 'ci_upper', value: (r: SubmissionRowRecord) => r.ciUpper },
  { header: 'status', value: (r: SubmissionRowRecord) => r.status },
];

export function submissionRoutes(app: FastifyInstance, deps: DataPagesContext): void {
  async function showSubmission(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    opts: { status?: number; errors?: FormErrors; sent?: { step: SubmissionEvent; reason: string } } = {},
  ) {
    const actor = requireActor(request);
    const submission = await getSubmission(deps.db, actor, id);
    const page = pageQuery.parse(request.query).page;
    const rows = await getSubmissionRows(deps.db, actor, id, { limit: ROWS_PER_PAGE, offset: (page - 1) * ROWS_PER_PAGE });
    const view = submissionPageView({
      submission,
      bodyName: (await getBody(deps.db, submission.bodyId))?.name ?? submission.bodyId,
      selfApprovalAllowed: await selfApprovalAllowed(deps.db, submission.bodyId),
      steps: await availableSubmissionSteps(deps.db, actor, id),
      rows,
      page,
      csrfToken: csrfToken(request, reply),
      done: (request.query as Record<string, unknown>).done,
      ...(opts.errors ? { errors: opts.errors } : {}),
      ...(opts.sent ? { sent: opts.sent } : {}),
    });
    return render(reply, 'submission/submission.njk', view, { status: opts.status ?? 200 });
  }

  app.get('/submissions/:id', PAGE, async (request, reply) => {
    const { id } = idParams.parse(request.params);
    return showSubmission(request, reply, id);
  });

  app.get('/submissions/:id/rows.csv', PAGE, async (request, reply) => {
    const actor = requireActor(request);
    const { id } = idParams.parse(request.params);
    const rows: SubmissionRowRecord[] = [];
    for (let offset = 0, total = 1; offset < total; offset += MAX_SUBMISSION_PAGE) {
      const page = await getSubmissionRows(deps.db, actor, id, { limit: MAX_SUBMISSION_PAGE, offset });
      rows.push(...page.items);
      total = page.total;
    }
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="submission-${id.replace(/[^A-Za-z0-9-]/g, '_')}.csv"`)
      .header('cache-control', PERSONAL_PAGE_CACHE)
      .send(itemsToCsv(FIGURE_COLUMNS, rows));
  });

  for (const step of SUBMISSION_EVENTS) {
    app.post(`/submissions/:id/${step}`, { ...PAGE, preHandler: [requireSignIn, verifyCsrf] }, async (request, reply) => {
      const actor = requireActor(request);
      const { id } = idParams.parse(request.params);
      const sent = { step, reason: sentText(request.body, 'reason') };
      let reason = '';
      if (step === 'reject' || step === 'withdraw') {
        const form = readForm(reasonForm(step), request.body);
        const errors = form.ok
          ? undefined
          : formErrors(form.errors.summary.map((e) => ({ field: `${step}-reason`, text: e.text })));
        if (!form.ok) return showSubmission(request, reply, id, { status: 400, errors, sent });
        reason = form.value.reason;
      }
      try {
        await STEPS[step](deps.db, actor, id, reason, { clock: deps.clock });
      } catch (error) {
        // a reason the service refused, or a step the submission's state no longer allows
        if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error;
        const errors = refusalErrors(error, { reason: `${step}-reason` }, 'steps');
        return showSubmission(request, reply, id, { status: error instanceof ConflictError ? 409 : 400, errors, sent });
      }
      return reply.redirect(dataUrls.submission(id, { done: step }), 303);
    });
  }
}
