/**
 * Collection rounds. GET /bodies/:id/collection is public: what the body is asked to supply, by when,
 * and whether it is due, late, received or published (statuses, never unpublished figures); people
 * who may set deadlines also get the form to ask for figures (POST) and to remove a deadline.
 * GET /data/overdue is public: every body's overdue items.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, ForbiddenError, NotFoundError } from '../../../../platform/errors.ts';
import { type FormErrors, formErrors, readForm, render, sentText } from '../../../../platform/web/index.ts';
import { type Actor, actorOf, can, csrfToken, requireActor, requireSignIn, verifyCsrf } from '../../../accounts/index.ts';
import { getBody } from '../../../bodies/index.ts';
import { getIndicators } from '../../../indicators/index.ts';
import { collectionStatus, overdueByBody, removeCollectionDeadline, setCollectionDeadline } from '../../collection.service.ts';
import { mayReadSubmissionRules } from '../../submission-rules.service.ts';
import type { DataPagesContext } from '../deps.ts';
import { bodiesOf } from '../links.ts';
import { refusalErrors } from '../problems.ts';
import { dataUrls } from '../urls.ts';
import { collectionPageView, overduePageView } from './view-model.ts';

const PAGE = { schema: { hide: true } };
const idParams = z.object({ id: z.string().min(1).max(200) });

const ENTER_INDICATOR = 'Enter the indicator’s code';
const ENTER_PERIOD = 'Enter the period, for example 2025/26';
const ENTER_DATE = 'Enter the date the figures are due';
const REAL_DATE = 'The date the figures are due must be a real date';
const text = (name: string, enter: string, max: number) =>
  z.string({ error: enter }).trim().min(1, enter).max(max, `${name} must be ${max} characters or fewer`);
const deadlineForm = z.object({
  indicator: text('The indicator’s code', ENTER_INDICATOR, 64),
  period: text('The period', ENTER_PERIOD, 40),
});
const removeForm = z.object({ indicator: z.string().min(1).max(64), period: z.string().min(1).max(40) });

/** The due date from the date input's three boxes, as YYYY-MM-DD, or what is wrong with it. */
function readDueDate(body: unknown): { ok: true; value: string } | { ok: false; text: string } {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => sentText(body, `dueDate-${part}`).trim());
  if (!day || !month || !year) return { ok: false, text: ENTER_DATE };
  const iso = `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  const real = /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
  return real && Number(year) >= 2000 ? { ok: true, value: iso } : { ok: false, text: REAL_DATE };
}

/** The summary links a date to its first box. */
const withDateLink = (errors: FormErrors): FormErrors => ({
  ...errors,
  summary: errors.summary.map((e) => (e.href === '#dueDate' ? { ...e, href: '#dueDate-day' } : e)),
});

/** Administrators set any deadline; an officer sets those of their own body's indicators. */
function mayAsk(actor: Actor | null): boolean {
  if (actor?.kind !== 'person') return false;
  return (
    can(actor, 'set_collection_deadline', { indicatorOwnerBodyId: null }) ||
    bodiesOf(actor).some((b) => can(actor, 'set_collection_deadline', { indicatorOwnerBodyId: b }))
  );
}

export function collectionRoutes(app: FastifyInstance, deps: DataPagesContext): void {
  async function showCollection(
    request: FastifyRequest,
    reply: FastifyReply,
    bodyId: string,
    opts: { status?: number; errors?: FormErrors; sent?: Record<string, string> } = {},
  ) {
    const body = await getBody(deps.db, bodyId);
    if (!body) throw new NotFoundError(`No body ${bodyId}`);
    const actor = actorOf(request);
    const items = await collectionStatus(deps.db, body.id, deps.clock);
    const definitions = actor ? await getIndicators(deps.db, [...new Set(items.map((i) => i.indicatorCode))]) : new Map();
    const removable = new Set(
      [...definitions.values()]
        .filter((d) => actor && can(actor, 'set_collection_deadline', { indicatorOwnerBodyId: d.ownerBodyId }))
        .map((d) => d.code),
    );
    const asking = mayAsk(actor);
    const view = collectionPageView({
      bodyId: body.id,
      bodyName: body.name,
      items,
      removable,
      mayAsk: asking,
      mayShare: actor !== null && can(actor, 'share_unpublished', { bodyId: body.id }),
      maySeeRules: actor !== null && (await mayReadSubmissionRules(deps.db, actor, body.id)),
      csrfToken: asking || removable.size > 0 ? csrfToken(request, reply) : undefined,
      done: (request.query as Record<string, unknown>).done,
      ...(opts.sent ? { sent: opts.sent } : {}),
      ...(opts.errors ? { errors: opts.errors } : {}),
    });
    return render(reply, 'collection/collection.njk', view, { status: opts.status ?? 200 });
  }

  app.get('/bodies/:id/collection', PAGE, async (request, reply) =>
    showCollection(request, reply, idParams.parse(request.params).id),
  );

  app.post('/bodies/:id/collection', { ...PAGE, preHandler: [requireSignIn, verifyCsrf] }, async (request, reply) => {
    const actor = requireActor(request);
    const { id } = idParams.parse(request.params);
    const sent = {
      indicator: sentText(request.body, 'indicator'),
      period: sentText(request.body, 'period'),
      day: sentText(request.body, 'dueDate-day'),
      month: sentText(request.body, 'dueDate-month'),
      year: sentText(request.body, 'dueDate-year'),
    };
    const fields = readForm(deadlineForm, request.body);
    const date = readDueDate(request.body);
    if (!fields.ok || !date.ok) {
      const problems = [
        ...(fields.ok ? [] : fields.errors.summary.map((e) => ({ field: e.href.slice(1), text: e.text }))),
        ...(date.ok ? [] : [{ field: 'dueDate', text: date.text }]),
      ];
      return showCollection(request, reply, id, { status: 400, errors: withDateLink(formErrors(problems)), sent });
    }
    try {
      await setCollectionDeadline(
        deps.db,
        actor,
        { indicator: fields.value.indicator, period: fields.value.period, bodyId: id, dueDate: date.value },
        { clock: deps.clock },
      );
    } catch (error) {
      if (!(error instanceof DomainError) || error instanceof ForbiddenError) throw error;
      const errors = withDateLink(
        refusalErrors(error, { indicator: 'indicator', period: 'period', dueDate: 'dueDate' }, 'indicator'),
      );
      return showCollection(request, reply, id, { status: 400, errors, sent });
    }
    return reply.redirect(dataUrls.collection(id, { done: 'deadline-set' }), 303);
  });

  app.post('/bodies/:id/collection/remove', { ...PAGE, preHandler: [requireSignIn, verifyCsrf] }, async (request, reply) => {
    const actor = requireActor(request);
    const { id } = idParams.parse(request.params);
    const form = readForm(removeForm, request.body);
    if (!form.ok)
      return showCollection(request, reply, id, {
        status: 400,
        errors: formErrors([{ field: 'deadlines', text: 'Choose a deadline to remove' }]),
      });
    await removeCollectionDeadline(deps.db, actor, { ...form.value, bodyId: id }, { clock: deps.clock });
    return reply.redirect(dataUrls.collection(id, { done: 'deadline-removed' }), 303);
  });

  app.get(dataUrls.overdue(), PAGE, async (_request, reply) =>
    render(reply, 'collection/overdue.njk', overduePageView(await overdueByBody(deps.db, deps.clock))),
  );
}
