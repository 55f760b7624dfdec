/** A council's risk page (GET /risk/:bodyId). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '../../../../../platform/errors.ts';
import { render } from '../../../../../platform/web/index.ts';
import { actorOf, can } from '../../../../accounts/index.ts';
import {
  currentRiskModel,
  getRiskProfile,
  inspectionSchedule,
  listSelfAssessments,
  riskModelVersions,
} from '../../../assurance/index.ts';
import type { AssurancePagesDeps } from '../deps.ts';
import { PAGE } from '../guard.ts';
import { riskCouncilView } from './view-model.ts';

const params = z.object({ bodyId: z.string().min(1).max(200) });

export function riskCouncilRoutes(app: FastifyInstance, deps: AssurancePagesDeps): void {
  app.get('/risk/:bodyId', PAGE, async (request, reply) => {
    const parsed = params.safeParse(request.params);
    const bodyId = parsed.success ? parsed.data.bodyId : '';
    const profile = bodyId ? await getRiskProfile(deps.db, bodyId) : undefined;
    if (!profile) throw new NotFoundError(`No council with a risk profile has the id ${bodyId}`);
    const current = await currentRiskModel(deps.db, deps);
    const versions = await riskModelVersions(deps.db);
    const schedule = await inspectionSchedule(deps.db, deps);
    const selfAssessments = await listSelfAssessments(deps.db, { bodyId });
    const actor = actorOf(request);
    const view = riskCouncilView({
      profile,
      model: versions.find((m) => m.version === profile.modelVersion),
      currentVersion: current.version,
      inspection: schedule.find((s) => s.bodyId === bodyId),
      selfAssessments,
      mayFileSelfAssessment: actor !== null && can(actor, 'file_self_assessment', { bodyId }),
    });
    return render(reply, 'risk-council/risk-council.njk', view);
  });
}
