/** Targets and actions through the API: a plan's targets as a table, one target or action with its history, and the reverse thread from an indicator. */
import { z } from 'zod';
import { sendList } from '../../../platform/http/list-response.ts';
import { pageOf, pageQuery } from '../../../platform/http/pagination.ts';
import type { Clock } from '../../../platform/clock.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { type Actor, actorOf } from '../../accounts/index.ts';
import { getIndicator } from '../../indicators/index.ts';
import { actionDetail, targetDetail } from '../item-detail.service.ts';
import { planTargets } from '../laa-report.service.ts';
import { STATUS_NAMES, type ItemRef } from '../plans.types.ts';
import { threadForIndicator, threadUpFrom } from '../thread.service.ts';
import {
  actionDetailSchema,
  indicatorTargetSchema,
  presentActionDetail,
  presentIndicatorTarget,
  presentTargetDetail,
  targetDetailSchema,
} from './detail-presenters.ts';
import { choiceOf, itemParams, planParams, READ_DESCRIPTION, versionQuery } from './params.ts';
import { presentPlan, presentVersion } from './presenters.ts';
import type { Api, PlansApiDeps } from './routes.ts';
import { presentCounts } from './status-presenters.ts';
import { presentTargetRow, targetRowCsv, targetsSchema } from './targets-presenters.ts';

const tags = ['plans'];

export function itemRoutes(api: Api, deps: PlansApiDeps): void {
  const { db, clock } = deps;

  api.get(
    '/plans/:id/targets',
    {
      schema: {
        tags,
        summary:
          'A plan’s targets in plan order (a Local Area Agreement’s report), each with its status, latest assessment, forecast, ' +
          'owner, sub-area coverage, national priority and stretch reward, and the reward at stake; CSV with format=csv',
        description: READ_DESCRIPTION,
        params: planParams,
        querystring: pageQuery.extend(versionQuery.shape),
        response: { 200: targetsSchema },
      },
    },
    async (request, reply) => {
      const page = pageOf(request.query);
      const report = await planTargets(db, actorOf(request), request.params.id, choiceOf(request.query), { clock });
      const result = { items: report.rows.slice(page.offset, page.offset + page.limit), total: report.rows.length };
      const view = { present: presentTargetRow(report.plan.id), csv: targetRowCsv, fileName: `${report.plan.id}-targets` };
      const list = sendList(request, reply, result, page, view, request.query.format);
      if (list === reply) return reply;
      return {
        ...list,
        plan: { ...presentPlan(report.plan), owner: { ...report.owner } },
        version: presentVersion(report.version),
        on: report.on,
        status: report.status,
        statusName: STATUS_NAMES[report.status],
        counts: presentCounts(report.counts),
        stretch: { ...report.stretch },
      };
    },
  );

  api.get(
    '/plans/:id/targets/:key',
    {
      schema: {
        tags,
        summary:
          'One target: its indicator, area and coverage, the published figures of its measure, trajectory and forecast, ' +
          'every stored status with the rule version and tolerance it used, the rule’s versions, and the chain up to the vision',
        description: READ_DESCRIPTION,
        params: itemParams,
        querystring: versionQuery,
        response: { 200: targetDetailSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const ref = { planId: request.params.id, key: request.params.key };
      const detail = await targetDetail(db, actor, ref, choiceOf(request.query), { clock });
      return presentTargetDetail(detail, await chainsUp(db, actor, ref, detail.on, clock));
    },
  );

  api.get(
    '/plans/:id/actions/:key',
    {
      schema: {
        tags,
        summary:
          'One action: owner, due date, milestones, its progress reports newest first, its status, and the chain up to the vision',
        description: READ_DESCRIPTION,
        params: itemParams,
        querystring: versionQuery,
        response: { 200: actionDetailSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const ref = { planId: request.params.id, key: request.params.key };
      const detail = await actionDetail(db, actor, ref, choiceOf(request.query), { clock });
      return presentActionDetail(detail, await chainsUp(db, actor, ref, detail.on, clock));
    },
  );

  api.get(
    '/indicators/:code/targets',
    {
      schema: {
        tags: ['plans', 'indicators'],
        summary:
          'The reverse thread: every target on an indicator in the plans in force on a date, each with its chain up to the vision',
        description: 'Public: published plans only.',
        params: z.object({ code: z.string().min(1).max(64) }),
        querystring: z.object({
          area: z.string().min(1).max(32).optional().describe('only targets for this area (GSS code)'),
          on: z.string().max(40).optional().describe('YYYY-MM-DD (default today)'),
        }),
        response: {
          200: z.object({ indicator: z.string(), on: z.string(), items: z.array(indicatorTargetSchema) }),
        },
      },
    },
    async (request) => {
      const { area, on } = request.query;
      if (!(await getIndicator(db, request.params.code)))
        throw new NotFoundError(`No indicator has the code ${request.params.code}`, [
          { field: 'code', value: request.params.code, reason: 'is not a known indicator' },
        ]);
      const found = await threadForIndicator(
        db,
        actorOf(request),
        request.params.code,
        { ...(area ? { area } : {}), ...(on ? { on } : {}) },
        { clock },
      );
      return { indicator: found.indicatorCode, on: found.on, items: found.targets.map(presentIndicatorTarget) };
    },
  );
}

/**
 * The chains up from an item as the thread stands on the date. An item of a draft, or of a version no
 * longer in force, is not in that thread: it has no chain to show.
 */
async function chainsUp(db: PlansApiDeps['db'], actor: Actor | null, ref: ItemRef, on: string, clock: Clock) {
  try {
    return (await threadUpFrom(db, actor, ref, { on }, { clock })).chains;
  } catch (error) {
    if (error instanceof NotFoundError) return [];
    throw error;
  }
}
