/** The analysis JSON API: roll-ups, comparisons, gaps, profiles, time series, comparator groups. */
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { typed } from '../../../platform/http/app.ts';
import { sendList } from '../../../platform/http/list-response.ts';
import { listEnvelope, pageOf, pageQuery } from '../../../platform/http/pagination.ts';
import { AREA_TYPES } from '../../places/index.ts';
import { compareAll } from '../compare-all.service.ts';
import { compare } from '../compare.service.ts';
import { getComparatorGroup, listComparatorGroups } from '../comparator-group.service.ts';
import { gapFor } from '../gap.service.ts';
import { areaProfile } from '../profile.service.ts';
import { rollUp } from '../rollup.service.ts';
import { timeSeries } from '../time-series.service.ts';
import {
  allAreasSchema,
  comparatorGroupSchema,
  comparisonSchema,
  presentAllAreas,
  presentComparatorGroup,
  presentComparison,
  presentRollUp,
  rollUpSchema,
} from './presenters.ts';
import {
  gapSchema,
  presentGap,
  presentProfile,
  presentTimeSeries,
  profileSchema,
  timeSeriesSchema,
} from './profile-presenters.ts';

const tags = ['analysis'];
const code = z.string().min(1).max(64);
const areaType = z.enum(AREA_TYPES);
/** "a,b,c" → ['a', 'b', 'c'] */
const codeList = z
  .string()
  .max(20_000)
  .transform((s) =>
    s
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
  );
const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

type Api = ReturnType<typeof typed>;
type Db = Kysely<Database>;

export async function analysisApi(app: FastifyInstance, deps: { db: Db; clock: Clock }): Promise<void> {
  const api = typed(app);
  for (const route of [
    rollUpRoute,
    compareRoute,
    compareAllRoute,
    gapRoute,
    profileRoute,
    timeSeriesRoute,
    listGroupsRoute,
    groupRoute,
  ])
    route(api, deps.db);
}

function rollUpRoute(api: Api, db: Db): void {
  api.get(
    '/analysis/roll-up',
    {
      schema: {
        tags,
        summary: 'One indicator and period rolled up the area hierarchy: published figures win, others derived with coverage',
        querystring: z.object({
          indicator: code,
          period: z.string().max(40),
          to: areaType.optional().describe('an area type'),
          areas: codeList.optional().describe('comma-separated area codes'),
        }),
        response: { 200: rollUpSchema },
      },
    },
    async (request) => {
      const { indicator, period, to, areas } = request.query;
      return presentRollUp(
        await rollUp(db, { indicator, period, ...(areas && areas.length > 0 ? { to: areas } : to ? { to } : {}) }),
      );
    },
  );
}

function compareRoute(api: Api, db: Db): void {
  api.get(
    '/analysis/compare',
    {
      schema: {
        tags,
        summary: 'An area against a comparator group: rank, quartile, median, MAD, distance in words, direction of travel',
        querystring: z.object({
          indicator: code,
          area: code,
          group: z
            .string()
            .min(1)
            .max(120)
            .default('type')
            .describe("type, region, england, nearest, custom or a stored group's id"),
          period: z.string().max(40).optional(),
          codes: codeList.optional().describe('for group=custom: comma-separated area codes'),
        }),
        response: { 200: comparisonSchema },
      },
    },
    async (request) => {
      const { indicator, area, group, period, codes } = request.query;
      return presentComparison(
        await compare(db, { indicator, area, group, ...(period ? { period } : {}), ...(codes ? { codes } : {}) }),
      );
    },
  );
}

function compareAllRoute(api: Api, db: Db): void {
  api.get(
    '/analysis/compare-all',
    {
      schema: {
        tags,
        summary: 'Ranks and quartiles of every area of one type',
        querystring: z.object({ indicator: code, period: z.string().max(40), areaType }),
        response: { 200: allAreasSchema },
      },
    },
    async (request) => presentAllAreas(await compareAll(db, request.query)),
  );
}

function gapRoute(api: Api, db: Db): void {
  api.get(
    '/analysis/gap',
    {
      schema: {
        tags,
        summary: "The gap between an area's most and least deprived parts, period by period",
        querystring: z.object({
          area: code,
          indicator: code,
          partType: areaType,
          periods: codeList.optional(),
          deprivationIndicator: code.optional(),
          mostDeprived: z.enum(['lowest', 'highest']).optional(),
        }),
        response: { 200: gapSchema },
      },
    },
    async (request) => {
      const { area, indicator, partType, periods, deprivationIndicator, mostDeprived } = request.query;
      const q = {
        area,
        indicator,
        partType,
        ...(periods ? { periods } : {}),
        ...(deprivationIndicator ? { deprivationIndicator } : {}),
        ...(mostDeprived ? { mostDeprived } : {}),
      };
      return presentGap(await gapFor(db, q));
    },
  );
}

function profileRoute(api: Api, db: Db): void {
  api.get(
    '/analysis/profile/:area',
    {
      schema: {
        tags,
        summary: 'Everything known about one area',
        params: z.object({ area: code }),
        querystring: z.object({ asOf: z.string().max(40).optional(), includeDerived: flag }),
        response: { 200: profileSchema },
      },
    },
    async (request) => {
      const { asOf, includeDerived } = request.query;
      return presentProfile(await areaProfile(db, { area: request.params.area, includeDerived, ...(asOf ? { asOf } : {}) }));
    },
  );
}

function timeSeriesRoute(api: Api, db: Db): void {
  api.get(
    '/analysis/time-series',
    {
      schema: {
        tags,
        summary: "One indicator's figures for one area over time",
        querystring: z.object({ indicator: code, area: code, asOf: z.string().max(40).optional() }),
        response: { 200: timeSeriesSchema },
      },
    },
    async (request) => {
      const { indicator, area, asOf } = request.query;
      return presentTimeSeries(await timeSeries(db, { indicator, area, ...(asOf ? { asOf } : {}) }));
    },
  );
}

function listGroupsRoute(api: Api, db: Db): void {
  api.get(
    '/comparator-groups',
    {
      schema: {
        tags,
        summary: 'Stored comparator groups (CIPFA, Oflog, imported)',
        querystring: pageQuery.extend({ anchor: code.optional() }),
        response: { 200: listEnvelope(comparatorGroupSchema) },
      },
    },
    async (request, reply) => {
      const page = pageOf(request.query);
      const result = await listComparatorGroups(db, {
        ...page,
        ...(request.query.anchor ? { anchor: request.query.anchor } : {}),
      });
      const csv = [
        { header: 'id', value: (g: (typeof result.items)[number]) => g.id },
        { header: 'name', value: (g: (typeof result.items)[number]) => g.name },
        { header: 'kind', value: (g: (typeof result.items)[number]) => g.kind },
        { header: 'anchor', value: (g: (typeof result.items)[number]) => g.anchorAreaCode },
        { header: 'members', value: (g: (typeof result.items)[number]) => g.memberCodes.join(' ') },
      ];
      return sendList(
        request,
        reply,
        result,
        page,
        { present: presentComparatorGroup, csv, fileName: 'comparator-groups' },
        request.query.format,
      );
    },
  );
}

function groupRoute(api: Api, db: Db): void {
  api.get(
    '/comparator-groups/:id',
    {
      schema: {
        tags,
        summary: 'One stored comparator group',
        params: z.object({ id: z.string().min(1).max(120) }),
        response: { 200: comparatorGroupSchema },
      },
    },
    async (request) => {
      const g = await getComparatorGroup(db, request.params.id);
      if (!g) throw new NotFoundError(`No comparator group has the id ${request.params.id}`);
      return presentComparatorGroup(g);
    },
  );
}
