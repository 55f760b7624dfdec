/**
 * A body's rule for approving its submissions (GET/POST /bodies/:id/submission-rules): seen by
 * whoever may read the body's submissions, changed by administrators with a reason. The services
 * decide both.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, ForbiddenError, NotFoundError } from '../../../../platform/errors.ts';
import { type FormErrors, readForm, render, sentText } from '../../../../platform/web/index.ts';
import {
  can,
  csrfToken,
  formRateLimit,
  requireActor,
  requirePermission,
  requireSignIn,
  verifyCsrf,
} from '../../../accounts/index.ts';
import { getSubmissionRules, MAX_RULE_REASON_LENGTH, setSelfApproval } from '../../submission-rules.service.ts';
import type { DataPagesContext } from '../deps.ts';
import { refusalErrors } from '../problems.ts';
import { dataUrls } from '../urls.ts';
import { rulesPageView } from './view-model.ts';

const PAGE = { schema: { hide: true } };
const idParams = z.object({ id: z.string().min(1).max(200) });
const CHOOSE = 'Choose whether the person who uploaded or submitted figures may approve them';
const ENTER_REASON = 'Enter why the rule is changing';
const rulesForm = z.object({
  selfApproval: z.enum(['allow', 'forbid'], { error: CHOOSE }),
  reason: z
    .string({ error: ENTER_REASON })
    .trim()
    .min(1, ENTER_REASON)
    .max(MAX_RULE_REASON_LENGTH, `The reason must be ${MAX_RULE_REASON_LENGTH} characters or fewer`),
});

export function rulesRoutes(app: FastifyInstance, deps: DataPagesContext): void {
  async function showRules(
    request: FastifyRequest,
    reply: FastifyReply,
    bodyId: string,
    opts: { status?: number; errors?: FormErrors; sent?: { selfApproval: string; reason: string } } = {},
  ) {
    const actor = requireActor(request);
    const rules = await getSubmissionRules(deps.db, actor, bodyId);
    const mayChange = can(actor, 'set_submission_rules', { bodyId: rules.bodyId });
    const view = rulesPageView({
      rules,
      mayChange,
      mayReadAudit: can(actor, 'read_audit', { bodyId: rules.bodyId }),
      csrfToken: mayChange ? csrfToken(request, reply) : undefined,
      done: (request.query as Record<string, unknown>).done,
      ...(opts.sent ? { sent: opts.sent } : {}),
      ...(opts.errors ? { errors: opts.errors } : {}),
    });
    return render(reply, 'rules/rules.njk', view, { status: opts.status ?? 200 });
  }

  app.get('/bodies/:id/submission-rules', PAGE, async (request, reply) =>
    showRules(request, reply, idParams.parse(request.params).id),
  );

  const limited = formRateLimit(app, deps.rulesFormLimit);
  app.post(
    '/bodies/:id/submission-rules',
    { ...PAGE, preHandler: [requireSignIn, limited, verifyCsrf] },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id } = idParams.parse(request.params);
      requirePermission(actor, 'set_submission_rules', { bodyId: id });
      const sent = { selfApproval: sentText(request.body, 'selfApproval'), reason: sentText(request.body, 'reason') };
      const form = readForm(rulesForm, request.body);
      if (!form.ok) return showRules(request, reply, id, { status: 400, errors: form.errors, sent });
      let changed: boolean;
      try {
        const input = { bodyId: id, allowed: form.value.selfApproval === 'allow', reason: form.value.reason };
        ({ changed } = await setSelfApproval(deps.db, actor, input, { clock: deps.clock }));
      } catch (error) {
        if (!(error instanceof DomainError) || error instanceof ForbiddenError) throw error;
        if (error.details.some((d) => d.field === 'bodyId')) throw new NotFoundError(`No body ${id}`);
        const errors = refusalErrors(error, { reason: 'reason' }, 'selfApproval');
        return showRules(request, reply, id, { status: 400, errors, sent });
      }
      return reply.redirect(dataUrls.submissionRules(id, { done: changed ? 'rules-set' : 'rules-unchanged' }), 303);
    },
  );
}
