/**
 * Defining an indicator (GET the form, POST it) and changing one. Who may is the services' decision
 * (`requireMayDefine` before the form is shown or read, and again when it is saved): a council's
 * performance officers for its own indicators, administrators for the national ones; anyone else
 * sees the 403 page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, ValidationError } from '../../../../platform/errors.ts';
import { type FormErrors, formErrors, render } from '../../../../platform/web/index.ts';
import { type Actor, csrfToken, requireActor, requireSignIn, verifyCsrf } from '../../../accounts/index.ts';
import type { Body } from '../../../bodies/index.ts';
import { getIndicator } from '../../catalogue.service.ts';
import {
  type DefinitionOutcome,
  defineLocalIndicator,
  maintainNationalIndicator,
  requireMayDefine,
} from '../../definitions.service.ts';
import type { IndicatorDefinition, IndicatorInput } from '../../indicator.types.ts';
import type { IndicatorPagesDeps } from '../deps.ts';
import { definitionUrls } from '../urls.ts';
import { readDefinitionForm } from './form.ts';
import { serviceProblems } from './problems.ts';
import { blankValues, type DefinitionFormValues, sentValues, valuesOfDefinition } from './values.ts';
import { definitionFormPageView } from './view-model.ts';

const TEMPLATE = 'definition-form/definition-form.njk';
const PAGE = { schema: { hide: true } };
const FORM = { ...PAGE, preHandler: [requireSignIn, verifyCsrf] };
const OUTCOMES: readonly DefinitionOutcome[] = ['created', 'versioned', 'unchanged', 'aliases_updated'];

type Owner = { id: string; name: string } | null;
type CodeRequest = FastifyRequest<{ Params: { code: string } }>;

interface FormPage {
  owner: Owner;
  current: IndicatorDefinition | undefined;
  values: DefinitionFormValues;
  errors?: FormErrors;
  saved?: DefinitionOutcome | undefined;
}

function renderForm(request: FastifyRequest, reply: FastifyReply, page: FormPage, status = 200) {
  const view = definitionFormPageView({ ...page, csrfToken: csrfToken(request, reply) });
  return render(reply, TEMPLATE, view, { status, personal: true });
}

const ownerOf = (body: Body | null): Owner => (body ? { id: body.id, name: body.name } : null);

/** `?owner=` names the council of a new local indicator; none, a national one. */
function ownerAsked(query: unknown): string | null {
  const owner = (query as Record<string, unknown> | undefined)?.owner;
  return typeof owner === 'string' && owner.trim() !== '' ? owner.trim() : null;
}

function savedAsked(query: unknown): DefinitionOutcome | undefined {
  const saved = (query as Record<string, unknown> | undefined)?.saved;
  return OUTCOMES.find((o) => o === saved);
}

async function currentOf(deps: IndicatorPagesDeps, code: string): Promise<IndicatorDefinition> {
  const current = await getIndicator(deps.db, code);
  if (!current) throw new NotFoundError(`No indicator has the code ${code}`);
  return current;
}

/** Saves through the service for the owner, then to the form with what the save did. */
async function save(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: IndicatorPagesDeps,
  actor: Actor,
  input: IndicatorInput,
  page: FormPage,
): Promise<FastifyReply> {
  try {
    const save = input.ownerBodyId === null ? maintainNationalIndicator : defineLocalIndicator;
    const saved = await save(deps.db, actor, input, { clock: deps.clock });
    return reply.redirect(definitionUrls.edit(saved.definition.code, { saved: saved.outcome }), 303);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    const details = e.details.length > 0 ? e.details : [{ reason: e.message }];
    return renderForm(request, reply, { ...page, errors: serviceProblems(details, page.current ? 'title' : 'code') }, 400);
  }
}

export function definitionFormRoutes(app: FastifyInstance, deps: IndicatorPagesDeps): void {
  app.get('/indicators/new', PAGE, async (request, reply) => {
    const owner = ownerOf(await requireMayDefine(deps.db, requireActor(request), ownerAsked(request.query)));
    return renderForm(request, reply, { owner, current: undefined, values: blankValues() });
  });

  app.post('/indicators/new', FORM, async (request, reply) => {
    const actor = requireActor(request);
    const owner = ownerOf(await requireMayDefine(deps.db, actor, ownerAsked(request.query)));
    const page: FormPage = { owner, current: undefined, values: sentValues(request.body) };
    const form = readDefinitionForm(page.values, { owner });
    if (!form.ok) return renderForm(request, reply, { ...page, errors: form.errors }, 400);
    const existing = await getIndicator(deps.db, form.input.code);
    if (existing) {
      const text = `An indicator with the code ${existing.code} already exists: choose another code`;
      return renderForm(request, reply, { ...page, errors: formErrors([{ field: 'code', text }]) }, 400);
    }
    return save(request, reply, deps, actor, form.input, page);
  });

  app.get('/indicators/:code/edit', PAGE, async (request: CodeRequest, reply) => {
    const actor = requireActor(request);
    const current = await currentOf(deps, request.params.code);
    const owner = ownerOf(await requireMayDefine(deps.db, actor, current.ownerBodyId));
    const saved = savedAsked(request.query);
    return renderForm(request, reply, { owner, current, values: valuesOfDefinition(current), saved });
  });

  app.post('/indicators/:code/edit', FORM, async (request: CodeRequest, reply) => {
    const actor = requireActor(request);
    const current = await currentOf(deps, request.params.code);
    const owner = ownerOf(await requireMayDefine(deps.db, actor, current.ownerBodyId));
    const page: FormPage = { owner, current, values: sentValues(request.body) };
    const form = readDefinitionForm(page.values, { code: current.code, owner, current });
    if (!form.ok) return renderForm(request, reply, { ...page, errors: form.errors }, 400);
    return save(request, reply, deps, actor, form.input, page);
  });
}
