/** Councils' risk profiles with their breakdown, and the published model that scores them, through the API. */
import { NotFoundError } from '../../../platform/errors.ts';
import { sendList } from '../../../platform/http/list-response.ts';
import { listEnvelope } from '../../../platform/http/pagination.ts';
import { getBody } from '../../bodies/index.ts';
import { getRiskProfile, listRiskProfiles, riskModelVersions } from '../assurance/index.ts';
import { bodyParams, pageAsked, pagingQuery, PUBLIC_DESCRIPTION } from './params.ts';
import {
  presentRiskModel,
  presentRiskProfile,
  riskHistorySchema,
  riskModelSchema,
  riskProfileCsv,
  riskProfileSchema,
} from './risk-presenters.ts';
import type { Api, ImprovementApiDeps } from './routes.ts';

const tags = ['risk'];
const DESCRIPTION =
  `${PUBLIC_DESCRIPTION} The score is a published formula whose weights are configuration: the model (its version, ` +
  'weights, case points and bands) is given with the scores, and each profile names the version it was scored by.';

export function riskRoutes(api: Api, deps: ImprovementApiDeps): void {
  const { db } = deps;

  api.get(
    '/risk',
    {
      schema: {
        tags,
        summary: 'Every council’s newest risk profile, highest score first, with its breakdown, and the model in force',
        description: DESCRIPTION,
        querystring: pagingQuery,
        response: {
          200: listEnvelope(riskProfileSchema).extend({
            model: riskModelSchema.nullable().describe('the model in force; null until councils are first scored'),
          }),
        },
      },
    },
    async (request, reply) => {
      const page = pageAsked(request.query);
      const [versions, profiles] = await Promise.all([riskModelVersions(db), listRiskProfiles(db)]);
      const model = versions.at(-1);
      const result = { items: profiles.slice(page.offset, page.offset + page.limit), total: profiles.length };
      const view = { present: presentRiskProfile, csv: riskProfileCsv, fileName: 'risk-profiles' };
      const list = sendList(request, reply, result, page, view, request.query.format);
      return 'items' in list ? { ...list, model: model ? presentRiskModel(model) : null } : list;
    },
  );

  api.get(
    '/risk/:bodyId',
    {
      schema: {
        tags,
        summary:
          'One council’s risk profile: score, band and breakdown, the model version it was scored by, and the history of its scores',
        description: DESCRIPTION,
        params: bodyParams,
        response: {
          200: riskProfileSchema.extend({
            model: riskModelSchema.describe('the model version the profile was scored by'),
            history: riskHistorySchema.describe('every stored score, newest first'),
          }),
        },
      },
    },
    async (request) => {
      const { bodyId } = request.params;
      const profile = await getRiskProfile(db, bodyId);
      if (!profile) throw await noProfile(deps, bodyId);
      const model = (await riskModelVersions(db)).find((m) => m.version === profile.modelVersion);
      if (!model) throw new Error(`The risk model version ${profile.modelVersion} of ${bodyId}'s profile is not stored`);
      return {
        ...presentRiskProfile(profile),
        model: presentRiskModel(model),
        history: profile.history.map((h) => ({
          computedAt: h.computedAt,
          score: h.score,
          band: h.band,
          modelVersion: h.modelVersion,
        })),
      };
    },
  );
}

async function noProfile(deps: ImprovementApiDeps, bodyId: string): Promise<NotFoundError> {
  const body = await getBody(deps.db, bodyId);
  if (!body)
    return new NotFoundError(`No body has the id ${bodyId}`, [{ field: 'bodyId', value: bodyId, reason: 'is not a known body' }]);
  return new NotFoundError(`${body.name} has no risk profile`, [
    {
      field: 'bodyId',
      value: bodyId,
      reason: 'has no risk profile: only councils with published figures, targets or deadlines are scored',
    },
  ]);
}
