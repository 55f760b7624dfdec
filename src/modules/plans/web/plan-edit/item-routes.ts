/**
 * The items of a draft: add one of a kind (GET/POST /plans/:id/items/new?kind=), change one
 * (GET/POST /plans/:id/items/:key/edit) and remove one (GET/POST /plans/:id/items/:key/remove).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ConflictError, NotFoundError, ValidationError } from '../../../../platform/errors.ts';
import { type FormErrors, formErrors, render } from '../../../../platform/web/index.ts';
import { csrfToken, requirePerson, requireSignIn } from '../../../accounts/index.ts';
import { ITEM_KINDS, type ItemKind, listNationalPriorities, type PlanView, putItem, removeItem } from '../../index.ts';
import type { PlanPagesDeps } from '../deps.ts';
import { itemParams } from '../plan-item/routes.ts';
import { planIdParams } from '../plan/routes.ts';
import { planUrls } from '../urls.ts';
import { itemKindInWords } from '../words.ts';
import { readDate, serviceErrors, withDateLinks } from './form-problems.ts';
import { draftToEdit, formChecks, noDraft, PAGE } from './guard.ts';
import { EMPTY_ITEM, ITEM_FIELDS, itemFormView, itemInput, type ItemSent, itemSent, sentFromItem } from './item-form.ts';

const kindQuery = z.object({
  kind: z.enum(ITEM_KINDS).optional().catch(undefined),
  parent: z.string().max(64).optional().catch(undefined),
});

export function itemFormRoutes(app: FastifyInstance, deps: PlanPagesDeps): void {
  const checks = formChecks(app, deps);

  async function draftOf(request: FastifyRequest, reply: FastifyReply, id: string): Promise<PlanView | FastifyReply> {
    const { draft, title } = await draftToEdit(deps, requirePerson(request), id);
    return draft ?? noDraft(request, reply, id, title);
  }

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    view: PlanView,
    form: { kind: ItemKind; isNew: boolean; sent: ItemSent; errors?: FormErrors },
  ) {
    const page = itemFormView({
      view,
      ...form,
      csrfToken: csrfToken(request, reply),
      nationalPriorities: form.kind === 'target' ? await listNationalPriorities(deps.db) : [],
    });
    return render(reply, 'plan-edit/item-form.njk', page, { status: form.errors ? 400 : 200 });
  }

  /** Puts the item in the draft, or shows the form again with what is wrong. */
  async function save(request: FastifyRequest, reply: FastifyReply, view: PlanView, kind: ItemKind, key?: string) {
    const isNew = key === undefined;
    // a changed item's key is the address's: it names the item changed, whatever the form says
    const sent = { ...itemSent(request.body), ...(key === undefined ? {} : { key }) };
    const show = (errors: FormErrors) => showForm(request, reply, view, { kind, isNew, sent, errors });
    const due = kind === 'action' ? readDate(sent.due, 'the date it is due by') : { ok: true as const, value: '' };
    if (!due.ok) return show(withDateLinks(formErrors([{ field: 'due', text: due.text }]), ['due']));
    const taken = sent.key.trim();
    if (isNew && view.items.some((i) => i.key === taken))
      return show(
        formErrors([{ field: 'key', text: `Key: “${taken}” is already the key of an item of the draft: choose another.` }]),
      );
    try {
      await putItem(deps.db, requirePerson(request), view.plan.id, itemInput(kind, sent, due.value, isNew), deps);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return show(withDateLinks(serviceErrors(error, ITEM_FIELDS, 'title'), ['due']));
    }
    return reply.redirect(planUrls.plan(view.plan.id, { draft: true, done: isNew ? 'item-added' : 'item-saved' }), 303);
  }

  app.get('/plans/:id/items/new', { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) => {
    const { id } = planIdParams.parse(request.params);
    const view = await draftOf(request, reply, id);
    if (!('plan' in view)) return view;
    const q = kindQuery.parse(request.query);
    const kind = q.kind ?? 'target';
    return showForm(request, reply, view, { kind, isNew: true, sent: { ...EMPTY_ITEM, parent: q.parent ?? '' } });
  });

  app.post('/plans/:id/items/new', { ...PAGE, preHandler: checks }, async (request, reply) => {
    const { id } = planIdParams.parse(request.params);
    const view = await draftOf(request, reply, id);
    if (!('plan' in view)) return view;
    return save(request, reply, view, kindQuery.parse(request.query).kind ?? 'target');
  });

  /** The draft and its item, for the item's own forms. */
  async function itemOf(request: FastifyRequest, reply: FastifyReply) {
    const { id, key } = itemParams.parse(request.params);
    const view = await draftOf(request, reply, id);
    if (!('plan' in view)) return { reply: view };
    const item = view.items.find((i) => i.key === key);
    if (!item) throw new NotFoundError(`The draft of ${view.version.title} has no item ${key}`);
    return { view, item };
  }

  app.get('/plans/:id/items/:key/edit', { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) => {
    const found = await itemOf(request, reply);
    if ('reply' in found) return found.reply;
    return showForm(request, reply, found.view, { kind: found.item.kind, isNew: false, sent: sentFromItem(found.item) });
  });

  app.post('/plans/:id/items/:key/edit', { ...PAGE, preHandler: checks }, async (request, reply) => {
    const found = await itemOf(request, reply);
    if ('reply' in found) return found.reply;
    return save(request, reply, found.view, found.item.kind, found.item.key);
  });

  async function showRemove(request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
    const found = await itemOf(request, reply);
    if ('reply' in found) return found.reply;
    const { view, item } = found;
    const page = {
      pageTitle: `Remove the ${itemKindInWords(item.kind, view.plan.kind)} “${item.title}” from the draft?`,
      planTitle: view.version.title,
      action: planUrls.removeItem(view.plan.id, item.key),
      backHref: planUrls.plan(view.plan.id, { draft: true }),
      csrfToken: csrfToken(request, reply),
      errorSummary: errors?.summary ?? [],
    };
    return render(reply, 'plan-edit/remove.njk', page, { status: errors ? 409 : 200 });
  }

  app.get('/plans/:id/items/:key/remove', { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) =>
    showRemove(request, reply),
  );

  app.post('/plans/:id/items/:key/remove', { ...PAGE, preHandler: checks }, async (request, reply) => {
    const found = await itemOf(request, reply);
    if ('reply' in found) return found.reply;
    try {
      await removeItem(deps.db, requirePerson(request), found.view.plan.id, found.item.key, deps);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return showRemove(request, reply, formErrors([{ field: 'remove', text: `${error.message}.` }]));
    }
    return reply.redirect(planUrls.plan(found.view.plan.id, { draft: true, done: 'item-removed' }), 303);
  });
}
