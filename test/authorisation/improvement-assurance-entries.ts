/**
 * The matrix's entries for the risk, inspection and partnership pages' forms. The risk model is the
 * assessors' (and administrators'); answering a self-assessment is the assessors' alone; Trafford's
 * officers file Trafford's. Partnerships are their member councils' leads': each entry acts on a new
 * partnership of Trafford and Bury (a third council, added here), so that an officer of Stockport is
 * outside it and an assessor, who leads no council, may not change it. A peer review is linked to a
 * case by whoever may act on the case or records the partnership's reviews: that entry reviews Bury in
 * a partnership of Bury and Wigan, so that an assessor (who acts on every case) may, and Trafford's
 * people may not.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/schema.ts';
import { cliActor } from '../../src/modules/accounts/index.ts';
import {
  assuranceUrls,
  createPartnership,
  currentRiskModel,
  fileSelfAssessment,
  recordPeerReview,
} from '../../src/modules/improvement/index.ts';
import { TRAFFORD } from '../support/submission-factories.ts';
import { type Guard, type PageEntry, TRAFFORD_OFFICER } from './entry.ts';
import { pageForm } from './requests.ts';
import type { World } from './world.ts';

const BURY = { id: 'bury-council', name: 'Bury Council', area: 'E08000002' };
const WIGAN = { id: 'wigan-council', name: 'Wigan Council' };

/** Those who configure the improvement rules: an assessor (a council's officer and councillor are refused). */
const CONFIGURER: Guard = {
  rightRole: 'assessor',
  wrongBody: 'traffordOfficer',
  withoutRole: 'traffordCouncillor',
  names: { wrongBody: 'a council’s officer, not an assessor', withoutRole: 'a council’s councillor, not an assessor' },
};

/** Assessors only: an administrator, who holds a role everywhere, is refused too. */
const ASSESSOR: Guard = {
  rightRole: 'assessor',
  wrongBody: 'traffordOfficer',
  withoutRole: 'administrator',
  names: { wrongBody: 'a council’s officer, not an assessor', withoutRole: 'a role everywhere, not an assessor' },
};

/** A lead of a member council (Trafford): an officer of Stockport, outside it, and an assessor, who leads no council, are refused. */
const MEMBER_LEAD: Guard = {
  rightRole: 'traffordOfficer',
  wrongBody: 'stockportOfficer',
  withoutRole: 'assessor',
  names: { wrongBody: 'an officer of a council outside the partnership', withoutRole: 'a role everywhere, leading no council' },
};

/** Whoever may act on Bury's case on rung 2 (an assessor): Trafford's people, outside the partnership, are refused. */
const CASE_ACTOR: Guard = {
  rightRole: 'assessor',
  wrongBody: 'traffordOfficer',
  withoutRole: 'traffordCouncillor',
  names: {
    wrongBody: 'an officer of a council outside the partnership',
    withoutRole: 'a councillor of a council outside the partnership',
  },
};

let made = 0;
const deps = (w: World) => ({ clock: w.clock });

/** Bury and Wigan as councils (and Bury's area), once. */
async function moreCouncils(db: Kysely<Database>): Promise<void> {
  for (const c of [BURY, WIGAN]) {
    await db
      .insertInto('body')
      .values({
        id: c.id,
        name: c.name,
        kind: 'council',
        council_type: null,
        short_name: null,
        valid_from: null,
        valid_to: null,
        replaced_by: null,
        website: null,
        source: 'test',
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  await db
    .insertInto('area')
    .values({
      code: BURY.area,
      name: 'Bury',
      type: 'metropolitan_district',
      country_code: 'E92000001',
      valid_from: null,
      valid_to: null,
      population: null,
      population_year: null,
      imd_rank: null,
      imd_score: null,
      imd_decile: null,
      source: 'test',
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** A new partnership of the councils given (Trafford and Bury unless given); its id. */
async function partnership(w: World, members: readonly string[] = [TRAFFORD, BURY.id]): Promise<string> {
  await moreCouncils(w.db);
  const id = `matrix-partnership-${++made}`;
  await createPartnership(
    w.db,
    cliActor(),
    {
      id,
      name: `Matrix partnership ${made}`,
      description: 'For the matrix',
      formedOn: '2025-01-01',
      memberBodyIds: [...members],
    },
    deps(w),
  );
  return id;
}

/** A new peer review of the partnership's first member by its second; its id. */
async function peerReview(w: World, members: readonly string[] = [TRAFFORD, BURY.id]): Promise<number> {
  const partnershipId = await partnership(w, members);
  const review = await recordPeerReview(
    w.db,
    cliActor(),
    {
      partnershipId,
      reviewedBodyId: members[0],
      reviewerBodyIds: [members[1]],
      reviewedOn: '2025-03-01',
      scope: 'Recycling',
      findings: 'Falling',
      recommendations: 'Collect food waste',
    },
    deps(w),
  );
  return review.id;
}

/** A new open case of Bury's on rung 2, written straight into its table; its id. */
async function buryCaseOnRungTwo(w: World): Promise<number> {
  const row = await w.db
    .insertInto('ladder_case')
    .values({
      body_id: BURY.id,
      area_code: BURY.area,
      indicator_code: null,
      title: `Matrix case ${++made}`,
      state: 'open',
      rung: 2,
      owner_name: null,
      action_plan: null,
      deadline: '2025-09-01T09:00:00.000Z',
      rung_entered_at: '2025-05-01T09:00:00.000Z',
      baseline_value: null,
      baseline_period: null,
      opened_at: '2025-05-01T09:00:00.000Z',
      closed_at: null,
      closed_reason: null,
      kinds: JSON.stringify(['bottom_quartile']),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

const page = (route: string, guard: Guard, seed: PageEntry['seed'], success: RegExp): PageEntry => ({
  route,
  kind: 'page',
  guard,
  seed,
  success,
});

export const ASSURANCE_PAGE_ENTRIES: readonly PageEntry[] = [
  page(
    'POST /risk/model',
    CONFIGURER,
    async (w) =>
      // a weight no earlier version had, so that each success is a change
      pageForm(assuranceUrls.riskModel(), {
        'weight-off_target': String((await currentRiskModel(w.db)).weights.off_target + 1),
        'weight-bottom_quartile': '20',
        'weight-worsening': '15',
        'weight-data_quality': '15',
        'weight-open_cases': '25',
        'weight-calls_for_action': '0',
        'casePoints-1': '1',
        'casePoints-2': '2',
        'casePoints-3': '3',
        casePointsForFullShare: '6',
        bandHigh: '40',
        bandMedium: '20',
        reason: 'Targets weigh more',
      }),
    /^\/risk\?done=model-set$/,
  ),
  page(
    'POST /inspection/self-assessments/new',
    TRAFFORD_OFFICER,
    async () =>
      pageForm(assuranceUrls.newSelfAssessment(), {
        bodyId: TRAFFORD,
        theme: 'local_services',
        grade: 'performing_well',
        summary: 'Services are improving',
        evidence: 'The recycling rate',
      }),
    /^\/inspection\/self-assessments\/\d+\?done=self-assessment-filed$/,
  ),
  page(
    'POST /inspection/self-assessments/:id/response',
    ASSESSOR,
    async (w) => {
      const filed = await fileSelfAssessment(
        w.db,
        cliActor(),
        { bodyId: TRAFFORD, theme: 'local_services', grade: 'performing_well', summary: 'Improving', evidence: 'Figures' },
        deps(w),
      );
      return pageForm(assuranceUrls.respondToSelfAssessment(filed.id), { verdict: 'challenged', response: 'Recycling fell' });
    },
    /^\/inspection\/self-assessments\/\d+\?done=self-assessment-answered$/,
  ),
  page(
    'POST /partnerships/new',
    MEMBER_LEAD,
    async (w) => {
      await moreCouncils(w.db);
      return pageForm(assuranceUrls.newPartnership(), {
        id: `matrix-new-partnership-${++made}`,
        name: 'A new partnership',
        description: 'Trafford and Bury',
        'formedOn-day': '1',
        'formedOn-month': '4',
        'formedOn-year': '2025',
        memberBodyIds: `${TRAFFORD}, ${BURY.id}`,
      });
    },
    /^\/partnerships\/matrix-new-partnership-\d+\?done=partnership-created$/,
  ),
  page(
    'POST /partnerships/:id/members',
    MEMBER_LEAD,
    async (w) => pageForm(assuranceUrls.partnershipMembers(await partnership(w)), { add: WIGAN.id, reason: 'Wigan joins' }),
    /^\/partnerships\/matrix-partnership-\d+\?done=members-changed$/,
  ),
  page(
    'POST /partnerships/:id/peer-reviews/new',
    MEMBER_LEAD,
    async (w) =>
      pageForm(assuranceUrls.newPeerReview(await partnership(w)), [
        ['reviewedBodyId', BURY.id],
        ['reviewerBodyIds', TRAFFORD],
        ['reviewedOn-day', '1'],
        ['reviewedOn-month', '3'],
        ['reviewedOn-year', '2025'],
        ['scope', 'Adult social care'],
        ['findings', 'Delays are long'],
        ['recommendations', 'Pool budgets'],
      ]),
    /^\/peer-reviews\/\d+\?done=peer-review-recorded$/,
  ),
  page(
    'POST /peer-reviews/:id/follow-up',
    MEMBER_LEAD,
    async (w) => pageForm(assuranceUrls.peerReviewFollowUp(await peerReview(w)), { followUp: `Done ${++made}` }),
    /^\/peer-reviews\/\d+\?done=follow-up-saved$/,
  ),
  page(
    'POST /peer-reviews/:id/cases',
    CASE_ACTOR,
    async (w) => {
      const review = await peerReview(w, [BURY.id, WIGAN.id]);
      return pageForm(assuranceUrls.peerReviewCases(review), { caseId: String(await buryCaseOnRungTwo(w)) });
    },
    /^\/peer-reviews\/\d+\?done=case-linked$/,
  ),
];
