/** Plans through the API: the list, one plan's version with its items, its versions, its golden thread, national priorities. */
import { z } from 'zod';
import { sendList } from '../../../platform/http/list-response.ts';
import { listEnvelope, pageOf, pageQuery } from '../../../platform/http/pagination.ts';
import type { Clock } from '../../../platform/clock.ts';
import { type Actor, actorOf } from '../../accounts/index.ts';
import { getPlan, listNationalPriorities, listPlans, noSuchPlan } from '../plan-read.service.ts';
import { PLAN_KINDS, type PlanVersion } from '../plans.types.ts';
import { goldenThread } from '../thread.service.ts';
import { checkDate } from '../versions.ts';
import type { Api, PlansApiDeps } from './routes.ts';
import { choiceOf, planParams, READ_DESCRIPTION, versionQuery } from './params.ts';
import {
  planListingCsv,
  planListingSchema,
  planViewSchema,
  presentPlanListing,
  presentPlanView,
  presentThread,
  threadSchema,
} from './plan-presenters.ts';
import { nationalPrioritySchema, presentNationalPriority, versionSchema, presentVersion } from './presenters.ts';

const tags = ['plans'];

export function planRoutes(api: Api, deps: PlansApiDeps): void {
  const { db, clock } = deps;

  api.get(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Community strategies, Local Area Agreements and service plans, by id; filtered by kind, owner body and area',
        description: READ_DESCRIPTION,
        querystring: pageQuery.extend({
          kind: z.enum(PLAN_KINDS).optional(),
          owner: z.string().min(1).max(200).optional().describe('the owner body’s id'),
          area: z.string().min(1).max(32).optional().describe('the GSS code of the area the plan is for'),
          on: z.string().max(40).optional().describe('YYYY-MM-DD: which version counts as in force (default today)'),
        }),
        response: { 200: listEnvelope(planListingSchema) },
      },
    },
    async (request, reply) => {
      const page = pageOf(request.query);
      const { kind, owner, area } = request.query;
      const on = request.query.on === undefined ? undefined : checkDate(request.query.on, 'on');
      const listed = await listPlans(
        db,
        actorOf(request),
        { ...(kind ? { kind } : {}), ...(owner ? { ownerBodyId: owner } : {}), ...(on ? { on } : {}) },
        { clock },
      );
      const matching = area ? listed.filter((l) => l.plan.areaCode === area) : listed;
      const result = { items: matching.slice(page.offset, page.offset + page.limit), total: matching.length };
      const fileName = ['plans', kind, owner, area].filter(Boolean).join('-');
      return sendList(
        request,
        reply,
        result,
        page,
        { present: presentPlanListing, csv: planListingCsv, fileName },
        request.query.format,
      );
    },
  );

  api.get(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'One plan: the version in force on a date (default today), a version by number, or the draft, with its items',
        description: READ_DESCRIPTION,
        params: planParams,
        querystring: versionQuery,
        response: { 200: planViewSchema },
      },
    },
    async (request) =>
      presentPlanView(await getPlan(db, actorOf(request), request.params.id, choiceOf(request.query), { clock })),
  );

  api.get(
    '/plans/:id/versions',
    {
      schema: {
        tags,
        summary: 'Every version of a plan the reader may see, oldest first: when each came into force and what changed',
        description: READ_DESCRIPTION,
        params: planParams,
        response: { 200: z.object({ planId: z.string(), items: z.array(versionSchema) }) },
      },
    },
    async (request) => {
      const versions = await versionsOf(db, actorOf(request), request.params.id, clock);
      return { planId: request.params.id, items: versions.map(presentVersion) };
    },
  );

  api.get(
    '/plans/:id/thread',
    {
      schema: {
        tags,
        summary:
          'The golden thread of a plan: its themes, priorities, targets and actions, and the items of other plans that serve them, ' +
          'each with its status, counts beneath it, owner, latest assessment, forecast or progress; worst first',
        description: `${READ_DESCRIPTION} The tree is a list in reading order; each node names its parent's place in the list.`,
        params: planParams,
        querystring: versionQuery,
        response: { 200: threadSchema },
      },
    },
    async (request) =>
      presentThread(await goldenThread(db, actorOf(request), request.params.id, choiceOf(request.query), { clock })),
  );

  api.get(
    '/national-priorities',
    {
      schema: {
        tags,
        summary: 'National priorities (PSA targets and standards) that national targets are linked to, by code',
        response: { 200: z.object({ items: z.array(nationalPrioritySchema) }) },
      },
    },
    async () => ({ items: (await listNationalPriorities(db)).map(presentNationalPriority) }),
  );
}

/** Every version of a plan the reader may see, whether or not one is in force today. */
async function versionsOf(db: PlansApiDeps['db'], actor: Actor | null, planId: string, clock: Clock): Promise<PlanVersion[]> {
  const listing = (await listPlans(db, actor, {}, { clock })).find((l) => l.plan.id === planId);
  const shown = listing?.latestPublished ?? listing?.draft;
  if (!shown) throw noSuchPlan(planId);
  return (await getPlan(db, actor, planId, { version: shown.number }, { clock })).versions;
}
