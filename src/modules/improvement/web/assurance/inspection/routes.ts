/** The inspection page (GET /inspection): the schedule, the ten principles and the self-assessments. */
import type { FastifyInstance } from 'fastify';
import { render } from '../../../../../platform/web/index.ts';
import { actorOf } from '../../../../accounts/index.ts';
import { INSPECTION_PRINCIPLES, inspectionSchedule, listSelfAssessments } from '../../../assurance/index.ts';
import { councilsOf } from '../assurance-common/councils.ts';
import { doneText } from '../assurance-common/done.ts';
import type { AssurancePagesDeps } from '../deps.ts';
import { PAGE, queryText } from '../guard.ts';
import { filingChoices } from '../self-assessment/form.ts';
import { assuranceUrls } from '../urls.ts';
import { inspectionView, selfAssessmentFilter } from './view-model.ts';

export function inspectionRoutes(app: FastifyInstance, deps: AssurancePagesDeps): void {
  app.get(assuranceUrls.inspection(), PAGE, async (request, reply) => {
    const q = request.query;
    const filter = selfAssessmentFilter({
      state: queryText(q, 'state'),
      theme: queryText(q, 'theme'),
      body: queryText(q, 'body'),
    });
    const schedule = await inspectionSchedule(deps.db, deps);
    const selfAssessments = await listSelfAssessments(deps.db);
    const councils = await councilsOf(deps.db);
    const view = inspectionView({
      schedule,
      principles: INSPECTION_PRINCIPLES,
      selfAssessments,
      councils,
      filter,
      mayFile: filingChoices(actorOf(request), councils).length > 0,
      done: doneText(q),
    });
    return render(reply, 'inspection/inspection.njk', view);
  });
}
