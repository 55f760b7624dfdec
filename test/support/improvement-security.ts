/**
 * Capability 6's part of the hostile data set: two councils with hostile names governing the hostile
 * Trafford and Stockport, the triggers run over the hostile figures (Trafford's XSS1 falls to the
 * bottom of its group and opens a case), the councils scored, a hostile self-assessment, and a hostile
 * improvement partnership whose peer review is linked to the case on rung 2. Run after seedHostileData.
 */
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { importBodyFile } from '../../src/modules/bodies/index.ts';
import { cliActor } from '../../src/modules/accounts/index.ts';
import {
  actOnCase,
  createPartnership,
  fileSelfAssessment,
  linkPeerReviewToCase,
  listCases,
  recordPeerReview,
  refreshRiskProfiles,
  runTriggers,
} from '../../src/modules/improvement/index.ts';
import { FORMULAS, IMG_ONERROR, JS_URL, LINK_JS_URL, SCRIPT_TAG, STOCKPORT, SVG_ONLOAD, TRAFFORD } from './security.ts';

type Db = Kysely<Database>;

export const HOSTILE_COUNCILS = {
  trafford: { id: 'evil-council', name: `${FORMULAS.equals} ${SCRIPT_TAG} Council`, area: TRAFFORD },
  stockport: { id: 'evil-council-2', name: `${IMG_ONERROR} Council`, area: STOCKPORT },
} as const;
export const HOSTILE_PARTNERSHIP = { id: 'evil-partnership', name: `${FORMULAS.at} ${SVG_ONLOAD}` } as const;

export interface HostileImprovement {
  caseId: number;
  selfAssessmentId: number;
  partnershipId: string;
  peerReviewId: number;
  councilId: string;
}

export async function seedHostileImprovement(db: Db): Promise<HostileImprovement> {
  const deps = { clock: fixedClock('2025-06-01T09:00:00.000Z') };
  const actor = cliActor();
  await importBodyFile(
    db,
    {
      name: 'councils.json',
      content: JSON.stringify({
        bodies: Object.values(HOSTILE_COUNCILS).map((c) => ({
          id: c.id,
          name: c.name,
          kind: 'council',
          areas: [{ code: c.area, role: 'governs' }],
        })),
      }),
    },
    deps,
  );
  await runTriggers(db, actor, deps);
  await refreshRiskProfiles(db, deps);
  const council = HOSTILE_COUNCILS.trafford.id;
  const [opened] = (await listCases(db, { bodyId: council })).cases;
  if (!opened) throw new Error('the hostile figures opened no case for the hostile council');
  await actOnCase(db, actor, opened.id, { action: 'escalate', reason: `${FORMULAS.plus} ${SCRIPT_TAG}` }, deps);
  const assessment = await fileSelfAssessment(
    db,
    actor,
    {
      bodyId: council,
      theme: 'local_services',
      grade: 'performing_well',
      summary: `${FORMULAS.minus} ${LINK_JS_URL}`,
      evidence: JS_URL,
    },
    deps,
  );
  await createPartnership(
    db,
    actor,
    {
      id: HOSTILE_PARTNERSHIP.id,
      name: HOSTILE_PARTNERSHIP.name,
      description: `${FORMULAS.equals} ${IMG_ONERROR}`,
      formedOn: '2025-01-15',
      memberBodyIds: [council, HOSTILE_COUNCILS.stockport.id],
    },
    deps,
  );
  const review = await recordPeerReview(
    db,
    actor,
    {
      partnershipId: HOSTILE_PARTNERSHIP.id,
      reviewedBodyId: council,
      reviewerBodyIds: [HOSTILE_COUNCILS.stockport.id],
      reviewedOn: '2025-05-20',
      scope: `${FORMULAS.at} ${SCRIPT_TAG}`,
      findings: LINK_JS_URL,
      recommendations: `${FORMULAS.plus} ${SVG_ONLOAD}`,
      followUp: JS_URL,
    },
    deps,
  );
  await linkPeerReviewToCase(db, actor, { peerReviewId: review.id, caseId: opened.id }, deps);
  return {
    caseId: opened.id,
    selfAssessmentId: assessment.id,
    partnershipId: HOSTILE_PARTNERSHIP.id,
    peerReviewId: review.id,
    councilId: council,
  };
}
