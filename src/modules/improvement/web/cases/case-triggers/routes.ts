/**
 * The triggers page (GET /triggers), public, and for those who may configure the triggers the form
 * adding a version of a rule (GET /triggers/versions/new?kind=…, POST /triggers/versions).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, ValidationError } from '../../../../../platform/errors.ts';
import { type FormErrors, render, sentText } from '../../../../../platform/web/index.ts';
import {
  type Actor,
  actorOf,
  can,
  csrfToken,
  PERMISSION_DESCRIPTIONS,
  requirePerson,
  requireSignIn,
} from '../../../../accounts/index.ts';
import { listBodies } from '../../../../bodies/index.ts';
import { getIndicators } from '../../../../indicators/index.ts';
import { addRuleVersion, listRuleVersions, listRungDeadlineSettings, rulesInForce, rungDeadlines } from '../../../cases/index.ts';
import { ANY, TRIGGER_KINDS, type TriggerKind, type TriggerRuleVersion } from '../../../improvement.types.ts';
import { badRequest } from '../cases-common/bad-request.ts';
import { triggersDoneText } from '../cases-common/done.ts';
import { type FieldName, serviceErrors } from '../cases-common/problems.ts';
import type { CasePagesDeps } from '../deps.ts';
import { formChecks, PAGE } from '../guard.ts';
import { caseUrls } from '../urls.ts';
import { kindInWords } from '../words.ts';
import { PARAM_FIELDS, rawParams } from './params.ts';
import { type VersionSent, versionFormView, versionSent } from './version-form.ts';
import { type Names, triggersView } from './view-model.ts';

const MAX_COUNCILS = 2000;

async function namesOf(
  deps: CasePagesDeps,
  versions: readonly TriggerRuleVersion[],
): Promise<Names & { councils: { id: string; name: string }[] }> {
  const councils = (await listBodies(deps.db, { kind: 'council', limit: MAX_COUNCILS, offset: 0 })).items.map((b) => ({
    id: b.id,
    name: b.name,
  }));
  const bodies = new Map(councils.map((c) => [c.id, c.name]));
  const codes = [...new Set(versions.map((v) => v.indicatorCode).filter((c) => c !== ANY))];
  const indicators = new Map([...(await getIndicators(deps.db, codes))].map(([code, d]) => [code, d.title]));
  return { bodies, indicators, councils };
}

const isKind = (value: string): value is TriggerKind => (TRIGGER_KINDS as readonly string[]).includes(value);

function requireConfigure(actor: Actor): void {
  if (!can(actor, 'configure_improvement'))
    throw new ForbiddenError(`You may not ${PERMISSION_DESCRIPTIONS.configure_improvement}`);
}

const kindProblem = (raw: string) => `Kind of rule: “${raw.slice(0, 40)}” is not one of ${TRIGGER_KINDS.join(', ')}`;
const BACK = { href: caseUrls.triggers(), text: 'The triggers and their rules' };

/** The service's field names put against the form's fields. */
function fieldOf(kind: TriggerKind): (field: string | undefined) => FieldName | undefined {
  const params = new Map(PARAM_FIELDS[kind].map((f) => [f.name, { id: `param-${f.name}`, label: f.label }]));
  const first = PARAM_FIELDS[kind][0]!;
  return (field) => {
    if (field === undefined) return undefined;
    if (field === 'bodyId') return { id: 'body', label: 'Council' };
    if (field === 'indicatorCode') return { id: 'indicator', label: 'Indicator code' };
    if (field === 'enabled') return { id: 'enabled', label: 'On or off' };
    if (field === 'reason') return { id: 'reason', label: 'Why' };
    if (field === 'params') return { id: `param-${first.name}`, label: 'The parameters' };
    return params.get(field.replace(/^params\./, ''));
  };
}

export function triggerRoutes(app: FastifyInstance, deps: CasePagesDeps): void {
  app.get('/triggers', PAGE, async (request, reply) => {
    const versions = await listRuleVersions(deps.db);
    const actor = actorOf(request);
    const doneText = triggersDoneText((request.query as Record<string, unknown>).done);
    const view = triggersView({
      inForce: await rulesInForce(deps.db),
      versions,
      deadlineDays: await rungDeadlines(deps.db, ANY),
      deadlineChanges: await listRungDeadlineSettings(deps.db),
      names: await namesOf(deps, versions),
      mayConfigure: actor !== null && can(actor, 'configure_improvement'),
      ...(doneText ? { doneText } : {}),
    });
    return render(reply, 'case-triggers/triggers.njk', view);
  });

  async function showForm(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: TriggerKind,
    scope: { body: string; indicator: string },
    sent?: VersionSent,
    errors?: FormErrors,
  ) {
    const inForce = await rulesInForce(deps.db);
    const names = await namesOf(deps, inForce);
    const view = versionFormView({
      kind,
      scope,
      inForce,
      councils: names.councils,
      names,
      csrfToken: csrfToken(request, reply),
      ...(sent ? { sent } : {}),
      ...(errors ? { errors } : {}),
    });
    return render(reply, 'case-triggers/version-form.njk', view, { status: errors ? 400 : 200 });
  }

  app.get('/triggers/versions/new', { ...PAGE, preHandler: [requireSignIn] }, async (request, reply) => {
    requireConfigure(requirePerson(request));
    const query = request.query as Record<string, unknown>;
    const kind = sentText(query, 'kind');
    if (kind === '')
      return render(reply, 'case-triggers/choose-kind.njk', {
        pageTitle: 'Which rule does the new version change?',
        action: '/triggers/versions/new',
        backHref: caseUrls.triggers(),
        kinds: TRIGGER_KINDS.map((k) => ({ value: k, text: kindInWords(k) })),
      });
    if (!isKind(kind)) return badRequest(reply, kindProblem(kind), BACK);
    return showForm(request, reply, kind, {
      body: sentText(query, 'body').trim(),
      indicator: sentText(query, 'indicator').trim(),
    });
  });

  app.post(caseUrls.addVersion(), { ...PAGE, preHandler: formChecks(app, deps) }, async (request, reply) => {
    const actor = requirePerson(request);
    requireConfigure(actor);
    const kind = sentText(request.body, 'kind');
    if (!isKind(kind)) return badRequest(reply, kindProblem(kind), BACK);
    const sent = versionSent(kind, request.body);
    const scope = { body: sent.body, indicator: sent.indicator };
    try {
      await addRuleVersion(
        deps.db,
        actor,
        {
          kind,
          bodyId: sent.body === '' ? ANY : sent.body,
          indicatorCode: sent.indicator === '' ? ANY : sent.indicator,
          enabled: ({ yes: true, no: false, '': undefined } as Record<string, boolean | undefined>)[sent.enabled] ?? sent.enabled,
          params: rawParams(kind, request.body),
          reason: sent.reason,
        },
        { clock: deps.clock },
      );
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return showForm(request, reply, kind, scope, sent, serviceErrors(error, fieldOf(kind), 'reason'));
    }
    return reply.redirect(`${caseUrls.triggers({ done: 'version-added' })}#kind-${kind}`, 303);
  });
}
