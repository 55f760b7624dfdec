/** The proportionate inspection schedule with the ten principles, and councils' self-assessments, through the API. */
import { z } from 'zod';
import { NotFoundError } from '../../../platform/errors.ts';
import { sendList } from '../../../platform/http/list-response.ts';
import { listEnvelope } from '../../../platform/http/pagination.ts';
import { getBody } from '../../bodies/index.ts';
import { getSelfAssessment, INSPECTION_PRINCIPLES, inspectionSchedule, listSelfAssessments } from '../assurance/index.ts';
import type { SelfAssessment } from '../improvement.types.ts';
import {
  presentPrinciple,
  presentScheduledInspection,
  presentScheduleRules,
  presentSelfAssessment,
  presentThemes,
  principleSchema,
  scheduledInspectionCsv,
  scheduledInspectionSchema,
  scheduleRulesSchema,
  selfAssessmentCsv,
  selfAssessmentSchema,
  themesSchema,
} from './inspection-presenters.ts';
import { numberedParams, pageAsked, pagingQuery, PUBLIC_DESCRIPTION, selfAssessmentQuery } from './params.ts';
import type { Api, ImprovementApiDeps } from './routes.ts';

const tags = ['inspection'];

export function inspectionRoutes(api: Api, deps: ImprovementApiDeps): void {
  const { db, clock } = deps;

  api.get(
    '/inspection/schedule',
    {
      schema: {
        tags,
        summary:
          'The proportionate inspection schedule: when each council is due to be inspected and on which themes, soonest first, ' +
          'derived from its risk profile; with the rule for each band, the themes and the ten principles of inspection',
        description: `${PUBLIC_DESCRIPTION} The schedule is derived, not stored: it follows the councils’ newest risk profiles.`,
        querystring: pagingQuery,
        response: {
          200: listEnvelope(scheduledInspectionSchema).extend({
            rules: scheduleRulesSchema.describe('how soon and how widely each risk band is inspected'),
            themes: themesSchema,
            principles: z.array(principleSchema).describe('the ten principles of inspection and how the platform serves each'),
          }),
        },
      },
    },
    async (request, reply) => {
      const page = pageAsked(request.query);
      const schedule = await inspectionSchedule(db, { clock });
      const result = { items: schedule.slice(page.offset, page.offset + page.limit), total: schedule.length };
      const view = { present: presentScheduledInspection, csv: scheduledInspectionCsv, fileName: 'inspection-schedule' };
      const list = sendList(request, reply, result, page, view, request.query.format);
      if (!('items' in list)) return list;
      return {
        ...list,
        rules: presentScheduleRules(),
        themes: presentThemes(),
        principles: INSPECTION_PRINCIPLES.map(presentPrinciple),
      };
    },
  );

  api.get(
    '/self-assessments',
    {
      schema: {
        tags,
        summary:
          'Councils’ self-assessments, one per inspection theme, newest first; by council and by state (filed, agreed, challenged)',
        description: `${PUBLIC_DESCRIPTION} A council files a grade, a summary and its evidence for a theme; an assessor agrees or challenges it with reasons.`,
        querystring: selfAssessmentQuery,
        response: { 200: listEnvelope(selfAssessmentSchema) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const page = pageAsked(q);
      const all = await listSelfAssessments(db, {
        ...(q.body ? { bodyId: q.body } : {}),
        ...(q.state ? { state: q.state } : {}),
      });
      const items = all.slice(page.offset, page.offset + page.limit);
      const names = await bodyNames(
        deps,
        items.map((s) => s.bodyId),
      );
      const present = (s: SelfAssessment) => presentSelfAssessment(s, names.get(s.bodyId) ?? null);
      const fileName = ['self-assessments', q.body, q.state].filter(Boolean).join('-');
      return sendList(
        request,
        reply,
        { items, total: all.length },
        page,
        { present, csv: selfAssessmentCsv, fileName },
        q.format,
      );
    },
  );

  api.get(
    '/self-assessments/:id',
    {
      schema: {
        tags,
        summary: 'One self-assessment: the council, theme, grade, summary and evidence, and the assessor’s answer',
        description: PUBLIC_DESCRIPTION,
        params: numberedParams,
        response: { 200: selfAssessmentSchema },
      },
    },
    async (request) => {
      const { id } = request.params;
      const found = await getSelfAssessment(db, id);
      if (!found)
        throw new NotFoundError(`No self-assessment numbered ${id}`, [
          { field: 'id', value: id, reason: 'no self-assessment has this number' },
        ]);
      const names = await bodyNames(deps, [found.bodyId]);
      return presentSelfAssessment(found, names.get(found.bodyId) ?? null);
    },
  );
}

/** The names of the bodies named, each read once. */
async function bodyNames(deps: ImprovementApiDeps, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(ids)) {
    const body = await getBody(deps.db, id);
    if (body) names.set(id, body.name);
  }
  return names;
}
