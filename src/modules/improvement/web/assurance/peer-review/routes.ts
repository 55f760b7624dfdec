/**
 * Recording a peer review (GET/POST /partnerships/:id/peer-reviews/new), a review's page
 * (GET /peer-reviews/:id), its follow-up (POST …/follow-up) and its link to a case on rung 2
 * (POST …/cases).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConflictError, type DomainError, NotFoundError, ValidationError } from '../../../../../platform/errors.ts';
import { type FormErrors, formErrors, render, sentText } from '../../../../../platform/web/index.ts';
import {
  type Actor,
  actorOf,
  can,
  csrfToken,
  requirePermission,
  requirePerson,
  requireSignIn,
} from '../../../../accounts/index.ts';
import {
  getPartnership,
  getPeerReview,
  linkPeerReviewToCase,
  recordPeerReview,
  updatePeerReviewFollowUp,
} from '../../../assurance/index.ts';
import { listCases, MAX_CASE_PAGE_SIZE } from '../../../cases/index.ts';
import { readDate, withDateLinks } from '../assurance-common/dates.ts';
import { doneText } from '../assurance-common/done.ts';
import { serviceErrors } from '../assurance-common/form-problems.ts';
import type { AssurancePagesDeps } from '../deps.ts';
import { formChecks, PAGE } from '../guard.ts';
import { partnershipOf } from '../partnership/routes.ts';
import { assuranceUrls } from '../urls.ts';
import {
  FOLLOW_UP_FIELDS,
  LINK_FIELDS,
  NO_PEER_REVIEW_SENT,
  PEER_REVIEW_FIELDS,
  peerReviewFormView,
  peerReviewPageView,
  type PeerReviewSent,
  peerReviewSent,
} from './form.ts';

const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

type Review = NonNullable<Awaited<ReturnType<typeof getPeerReview>>>;

/** The councils whose leads may follow a review up: its partnership's members, or its own councils. */
async function reviewScope(deps: AssurancePagesDeps, review: Review): Promise<{ memberBodyIds: string[] }> {
  const partnership = review.partnershipId ? await getPartnership(deps.db, review.partnershipId) : undefined;
  if (partnership) return { memberBodyIds: partnership.members.filter((m) => m.leftAt === null).map((m) => m.bodyId) };
  return { memberBodyIds: [review.reviewedBodyId, ...review.reviewerBodyIds] };
}

/** A refusal a form shows as is: what was sent is wrong, or no longer fits what is recorded. */
function isRefusal(error: unknown, field?: string): error is DomainError {
  if (error instanceof ValidationError || error instanceof ConflictError) return true;
  return field !== undefined && error instanceof NotFoundError && error.details.some((d) => d.field === field);
}

export function peerReviewRoutes(app: FastifyInstance, deps: AssurancePagesDeps): void {
  const checks = formChecks(app, deps);

  async function showNew(request: FastifyRequest, reply: FastifyReply, sent: PeerReviewSent, errors?: FormErrors) {
    const p = await partnershipOf(deps, request.params);
    requirePermission(requirePerson(request), 'record_peer_review', {
      memberBodyIds: p.members.filter((m) => m.leftAt === null).map((m) => m.bodyId),
    });
    const view = peerReviewFormView({
      partnership: p,
      csrfToken: csrfToken(request, reply),
      sent,
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'peer-review/new.njk', view, { status: errors ? 400 : 200 });
  }

  app.get('/partnerships/:id/peer-reviews/new', { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) =>
    showNew(request, reply, NO_PEER_REVIEW_SENT),
  );

  app.post('/partnerships/:id/peer-reviews/new', { ...PAGE, preHandler: checks }, async (request, reply) => {
    const p = await partnershipOf(deps, request.params);
    const sent = peerReviewSent(request.body);
    const date = readDate(sent.reviewedOn, 'the date of the review');
    const show = (errors: FormErrors) => showNew(request, reply, sent, withDateLinks(errors, ['reviewedOn']));
    const { reviewedOn: _boxes, ...texts } = sent;
    try {
      // a date that is not one goes to the service as none, so that every other problem is listed with it
      const made = await recordPeerReview(
        deps.db,
        requirePerson(request),
        { partnershipId: p.id, ...texts, reviewedOn: date.ok ? date.value : '' },
        deps,
      );
      return reply.redirect(assuranceUrls.peerReview(made.id, { done: 'peer-review-recorded' }), 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const errors = serviceErrors(error, PEER_REVIEW_FIELDS, 'scope');
      if (date.ok) return show(errors);
      const others = errors.summary
        .filter((e) => e.href !== '#reviewedOn')
        .map((e) => ({ field: e.href.slice(1), text: e.text }));
      return show(formErrors([{ field: 'reviewedOn', text: date.text }, ...others]));
    }
  });

  async function linkableCases(review: Review): Promise<{ id: number; title: string }[]> {
    const { cases } = await listCases(deps.db, {
      status: 'open',
      bodyId: review.reviewedBodyId,
      rung: 2,
      pageSize: MAX_CASE_PAGE_SIZE,
    });
    return cases.filter((c) => !review.caseIds.includes(c.id)).map((c) => ({ id: c.id, title: c.title }));
  }

  async function may(actor: Actor | null, review: Review) {
    if (actor === null) return { followUp: false, link: false };
    const scope = await reviewScope(deps, review);
    const followUp = can(actor, 'record_peer_review', scope);
    const link = followUp || can(actor, 'act_on_case', { bodyId: review.reviewedBodyId, rung: 2, toRung: 2 });
    return { followUp, link };
  }

  async function showOne(
    request: FastifyRequest,
    reply: FastifyReply,
    form?: { sent: { followUp?: string; caseId?: string }; errors: FormErrors; status: number },
  ) {
    const parsed = idParams.safeParse(request.params);
    const review = parsed.success ? await getPeerReview(deps.db, parsed.data.id) : undefined;
    if (!review) throw new NotFoundError('No peer review has this id');
    const actor = actorOf(request);
    const allowed = await may(actor, review);
    const view = peerReviewPageView({
      review,
      linkable: allowed.link ? await linkableCases(review) : [],
      mayFollowUp: allowed.followUp,
      mayLink: allowed.link,
      csrfToken: allowed.followUp || allowed.link ? csrfToken(request, reply) : null,
      done: doneText(request.query),
      ...(form ? { sent: form.sent, errors: form.errors } : {}),
    });
    return render(reply, 'peer-review/peer-review.njk', view, { status: form?.status ?? 200 });
  }

  app.get('/peer-reviews/:id', PAGE, async (request, reply) => showOne(request, reply));

  const reviewIdOf = (request: FastifyRequest): number => {
    const parsed = idParams.safeParse(request.params);
    if (!parsed.success) throw new NotFoundError('No peer review has this id');
    return parsed.data.id;
  };

  app.post('/peer-reviews/:id/follow-up', { ...PAGE, preHandler: checks }, async (request, reply) => {
    const id = reviewIdOf(request);
    const followUp = sentText(request.body, 'followUp');
    try {
      await updatePeerReviewFollowUp(deps.db, requirePerson(request), id, { followUp }, deps);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      const status = error instanceof ConflictError ? 409 : 400;
      return showOne(request, reply, { sent: { followUp }, errors: serviceErrors(error, FOLLOW_UP_FIELDS, 'followUp'), status });
    }
    return reply.redirect(assuranceUrls.peerReview(id, { done: 'follow-up-saved' }), 303);
  });

  app.post('/peer-reviews/:id/cases', { ...PAGE, preHandler: checks }, async (request, reply) => {
    const id = reviewIdOf(request);
    const caseText = sentText(request.body, 'caseId').trim();
    const show = (errors: FormErrors, status: number) => showOne(request, reply, { sent: { caseId: caseText }, errors, status });
    const caseId = /^\d{1,15}$/.test(caseText) ? Number(caseText) : null;
    if (caseId === null) {
      // who may not link the review is refused before being told what is wrong with the form
      const review = await getPeerReview(deps.db, id);
      if (!review) throw new NotFoundError('No peer review has this id');
      if (!(await may(requirePerson(request), review)).link)
        requirePermission(requirePerson(request), 'record_peer_review', await reviewScope(deps, review));
      const text =
        caseText === '' ? 'Choose the case to link the review to' : `Case: “${caseText.slice(0, 60)}” is not a case’s number`;
      return show(formErrors([{ field: 'caseId', text }]), 400);
    }
    try {
      await linkPeerReviewToCase(deps.db, requirePerson(request), { peerReviewId: id, caseId }, deps);
    } catch (error) {
      if (!isRefusal(error, 'caseId')) throw error;
      return show(serviceErrors(error, LINK_FIELDS, 'caseId'), error instanceof ConflictError ? 409 : 400);
    }
    return reply.redirect(assuranceUrls.peerReview(id, { done: 'case-linked' }), 303);
  });
}
