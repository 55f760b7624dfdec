import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { freshApp, type TestApp } from '../../../../test/support/app.ts';
import { makePerson } from '../../../../test/support/accounts-factories.ts';
import { GM_COUNCILS, seedImprovementWorld, WORLD } from '../../../../test/support/improvement-api-world.ts';
import { cliActor, type Role } from '../../accounts/index.ts';
import {
  createPartnership,
  fileSelfAssessment,
  linkPeerReviewToCase,
  recordPeerReview,
  refreshRiskProfiles,
  respondToSelfAssessment,
  setRiskModel,
} from '../assurance/index.ts';
import { actOnCase, listCases, runTriggers } from '../cases/index.ts';
import type { caseDetailSchema } from './case-presenters.ts';
import type { scheduledInspectionSchema, selfAssessmentSchema } from './inspection-presenters.ts';
import type { partnershipDetailSchema, partnershipListingSchema, peerReviewDetailSchema } from './partnership-presenters.ts';
import type { riskModelSchema, riskProfileSchema } from './risk-presenters.ts';

let t: TestApp;
const db = () => t.database.db;
const deps = () => ({ clock: t.clock });
/** A person holding one role, named as the audit log (and so the API) names them. */
const person = async (displayName: string, role: Role, bodyId: string | null = null) =>
  (await makePerson(db(), { displayName, roles: [{ role, bodyId, areaCode: null }] })).actor;

beforeEach(async () => {
  t = await freshApp('2025-06-01T09:00:00.000Z');
  await seedImprovementWorld(db());
  await runTriggers(db(), cliActor(), deps());
  await refreshRiskProfiles(db(), deps());
});
afterEach(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}` });
async function json<T>(url: string): Promise<T> {
  const response = await get(url);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
  return response.json<T>();
}
const problem = async (url: string, status: number) => {
  const response = await get(url);
  expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(status);
  return response.json<{
    error: { code: string; message: string; details: { field?: string; value?: unknown; reason: string }[] };
  }>().error;
};
type Profile = z.infer<typeof riskProfileSchema>;
type RiskList = { items: Profile[]; total: number; model: z.infer<typeof riskModelSchema> };
type OneRisk = Profile & { model: z.infer<typeof riskModelSchema>; history: { score: number; modelVersion: number }[] };
type Assessments = { items: z.infer<typeof selfAssessmentSchema>[]; total: number };

describe('risk profiles', () => {
  it('lists every scored council, highest score first, with its breakdown and the model in force', async () => {
    const risk = await json<RiskList>('/risk');
    expect(risk.total).toBe(GM_COUNCILS.length);
    const scores = risk.items.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(
      risk.items
        .slice(0, 2)
        .map((p) => p.body.id)
        .sort(),
    ).toEqual([WORLD.bury.id, WORLD.trafford.id]);
    expect(risk.model).toMatchObject({ version: 1, casePoints: [{ rung: 1 }, { rung: 2 }, { rung: 3 }] });
    expect(risk.model.weights.map((w) => w.component)).toEqual([
      'off_target',
      'bottom_quartile',
      'worsening',
      'data_quality',
      'open_cases',
      'calls_for_action',
    ]);
    expect(risk.model.formula).toContain('weight');
    const trafford = risk.items.find((p) => p.body.id === WORLD.trafford.id)!;
    expect(trafford).toMatchObject({
      body: { name: 'Trafford Council' },
      area: { code: 'E08000009', name: 'Trafford' },
      modelVersion: 1,
      links: { self: '/api/v1/risk/trafford-council', html: '/risk/trafford-council' },
    });
    expect(trafford.components.map((c) => c.component)).toContain('bottom_quartile');
    expect(trafford.components.reduce((sum, c) => sum + c.points, 0)).toBeCloseTo(trafford.score, 0);
    expect(trafford.inputs.openCasesByRung).toEqual([
      { rung: 1, cases: expect.any(Number) },
      { rung: 2, cases: 0 },
      { rung: 3, cases: 0 },
    ]);
    expect(trafford.inputs.openCasesByRung[0]!.cases).toBeGreaterThanOrEqual(1);

    const csv = await get('/risk?format=csv');
    expect(csv.body.split('\n')[0]).toBe(
      'body,body_name,area,area_name,score,band,model_version,computed_at,off_target_points,bottom_quartile_points,worsening_points,data_quality_points,open_cases_points,calls_for_action_points',
    );
    expect((await json<RiskList>('/risk?limit=2&offset=1')).items.map((p) => p.body.id)).toEqual(
      risk.items.slice(1, 3).map((p) => p.body.id),
    );
  });

  it('gives one council’s profile with the model it was scored by and the history of its scores', async () => {
    const first = await json<OneRisk>(`/risk/${WORLD.trafford.id}`);
    expect(first).toMatchObject({ body: { id: 'trafford-council' }, modelVersion: 1, model: { version: 1 } });
    expect(first.history).toHaveLength(1);

    await setRiskModel(
      db(),
      await person('Sam Assessor', 'assessor'),
      { weights: { bottom_quartile: 40 }, reason: 'Comparators count for more' },
      deps(),
    );
    await refreshRiskProfiles(db(), deps());
    const second = await json<OneRisk>(`/risk/${WORLD.trafford.id}`);
    expect(second).toMatchObject({ modelVersion: 2, model: { version: 2, reason: 'Comparators count for more' } });
    expect(second.model.weights.find((w) => w.component === 'bottom_quartile')?.weight).toBe(40);
    expect(second.history.map((h) => h.modelVersion)).toEqual([2, 1]);
  });

  it('names no model and lists nothing before any council is scored, and stores nothing when asked', async () => {
    const unscored = await freshApp('2025-06-01T09:00:00.000Z');
    try {
      const response = await unscored.app.inject({ method: 'GET', url: '/api/v1/risk' });
      expect(response.json()).toMatchObject({ items: [], total: 0, model: null });
      expect(await unscored.database.db.selectFrom('risk_model').selectAll().execute()).toEqual([]);
    } finally {
      await unscored.close();
    }
  });

  it('answers 404 naming the body when it is unknown or has no profile', async () => {
    expect(await problem('/risk/nobody', 404)).toMatchObject({
      message: 'No body has the id nobody',
      details: [{ field: 'bodyId', value: 'nobody' }],
    });
    await db()
      .insertInto('body')
      .values({
        id: 'gm-police',
        name: 'Greater Manchester Police',
        kind: 'partner',
        council_type: null,
        short_name: null,
        valid_from: null,
        valid_to: null,
        replaced_by: null,
        website: null,
        source: 'test',
      })
      .execute();
    expect((await problem('/risk/gm-police', 404)).message).toBe('Greater Manchester Police has no risk profile');
  });
});

describe('the inspection schedule', () => {
  it('gives each council’s next inspection from its risk, soonest first, with the rule for each band and the ten principles', async () => {
    const schedule = await json<{
      items: z.infer<typeof scheduledInspectionSchema>[];
      total: number;
      rules: { band: string; withinMonths: number; coverage: string }[];
      themes: { theme: string; name: string }[];
      principles: { number: number; principle: string; howServed: string; link: string | null }[];
    }>('/inspection/schedule');
    expect(schedule.total).toBe(GM_COUNCILS.length);
    const due = schedule.items.map((s) => s.dueBy);
    expect(due).toEqual([...due].sort());
    expect(schedule.items[0]).toMatchObject({ links: { risk: expect.stringMatching(/^\/api\/v1\/risk\//) } });
    expect(schedule.items[0]!.reason).not.toBe('');
    expect(schedule.rules).toEqual([
      { band: 'high', withinMonths: 6, coverage: 'all_themes', coverageName: 'Every theme' },
      { band: 'medium', withinMonths: 12, coverage: 'flagged_themes', coverageName: 'The themes where something is wrong' },
      {
        band: 'low',
        withinMonths: 36,
        coverage: 'self_assessment_only',
        coverageName: 'Reliance on the council’s self-assessment',
      },
    ]);
    expect(schedule.themes.map((th) => th.theme)).toHaveLength(4);
    expect(schedule.principles.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(schedule.principles[3]).toMatchObject({ principle: 'Be proportionate to risk.', link: '/inspection' });
  });
});

describe('self-assessments', () => {
  it('lists them by council and state, gives one, and refuses a state it does not know', async () => {
    const officer = (bodyId: string) => person('Pat Officer', 'performance_officer', bodyId);
    const trafford = await fileSelfAssessment(
      db(),
      await officer(WORLD.trafford.id),
      {
        bodyId: WORLD.trafford.id,
        theme: 'local_services',
        grade: 'performing_adequately',
        summary: 'Recycling has fallen; a new contract starts in April.',
        evidence: 'Waste data returns 2020/21 to 2022/23.',
      },
      deps(),
    );
    const bury = await fileSelfAssessment(
      db(),
      await officer(WORLD.bury.id),
      {
        bodyId: WORLD.bury.id,
        theme: 'adult_social_care_health',
        grade: 'performing_well',
        summary: 'Delays are a winter problem.',
        evidence: 'Monthly delayed transfers.',
      },
      deps(),
    );
    await respondToSelfAssessment(
      db(),
      await person('Sam Assessor', 'assessor'),
      bury.id,
      { verdict: 'challenged', response: 'Delays have risen three years running.' },
      deps(),
    );

    const all = await json<Assessments>('/self-assessments');
    expect(all.total).toBe(2);
    expect((await json<Assessments>(`/self-assessments?body=${WORLD.trafford.id}`)).items.map((s) => s.id)).toEqual([
      trafford.id,
    ]);
    expect((await json<Assessments>('/self-assessments?state=challenged')).items.map((s) => s.id)).toEqual([bury.id]);
    expect((await json<Assessments>('/self-assessments?state=agreed')).total).toBe(0);

    expect(await json(`/self-assessments/${bury.id}`)).toEqual({
      id: bury.id,
      body: { id: 'bury-council', name: 'Bury Council' },
      theme: 'adult_social_care_health',
      themeName: 'Adult social care and health',
      grade: 'performing_well',
      summary: 'Delays are a winter problem.',
      evidence: 'Monthly delayed transfers.',
      state: 'challenged',
      filedAt: '2025-06-01T09:00:00.000Z',
      filedBy: 'Pat Officer',
      response: 'Delays have risen three years running.',
      respondedAt: '2025-06-01T09:00:00.000Z',
      respondedBy: 'Sam Assessor',
      links: { self: `/api/v1/self-assessments/${bury.id}`, html: '/inspection', risk: '/api/v1/risk/bury-council' },
    });
    expect((await problem('/self-assessments?state=bogus', 400)).details).toEqual([
      { field: 'querystring.state', reason: 'must be filed, agreed, challenged, not "bogus"' },
    ]);
    expect((await problem('/self-assessments/424242', 404)).details[0]).toMatchObject({ field: 'id', value: 424242 });
    expect((await get('/self-assessments?format=csv')).body.split('\n')[0]).toBe(
      'id,body,theme,grade,state,filed_at,filed_by,summary,evidence,response,responded_at,responded_by',
    );
  });
});

describe('improvement partnerships and peer reviews', () => {
  it('gives the partnerships, one with its members, peer reviews and linked cases, and a peer review', async () => {
    const lead = cliActor();
    await createPartnership(
      db(),
      lead,
      {
        id: 'greater-manchester-improvement',
        name: 'Greater Manchester Improvement Partnership',
        description: 'Councils of Greater Manchester challenging and supporting one another.',
        formedOn: '2025-01-15',
        memberBodyIds: [WORLD.trafford.id, WORLD.bury.id, 'stockport-council'],
      },
      deps(),
    );
    const review = await recordPeerReview(
      db(),
      lead,
      {
        partnershipId: 'greater-manchester-improvement',
        reviewedBodyId: WORLD.trafford.id,
        reviewerBodyIds: [WORLD.bury.id, 'stockport-council'],
        reviewedOn: '2025-05-20',
        scope: 'Household waste and recycling',
        findings: 'Collections were cut back in 2021.',
        recommendations: 'Restore fortnightly recycling collections.',
        followUp: null,
      },
      deps(),
    );
    const [trafford] = (await listCases(db(), { bodyId: WORLD.trafford.id, indicatorCode: WORLD.recycling })).cases;
    await actOnCase(db(), lead, trafford!.id, { action: 'escalate', reason: 'Sector support needed' }, deps());
    await linkPeerReviewToCase(db(), lead, { peerReviewId: review.id, caseId: trafford!.id }, deps());

    const list = await json<{ items: z.infer<typeof partnershipListingSchema>[] }>('/partnerships');
    expect(list.items).toEqual([
      {
        id: 'greater-manchester-improvement',
        name: 'Greater Manchester Improvement Partnership',
        description: 'Councils of Greater Manchester challenging and supporting one another.',
        formedOn: '2025-01-15',
        members: expect.arrayContaining([
          { id: 'trafford-council', name: 'Trafford Council' },
          { id: 'bury-council', name: 'Bury Council' },
          { id: 'stockport-council', name: 'Stockport Council' },
        ]),
        peerReviewCount: 1,
        links: {
          self: '/api/v1/partnerships/greater-manchester-improvement',
          html: '/partnerships/greater-manchester-improvement',
        },
      },
    ]);

    const one = await json<z.infer<typeof partnershipDetailSchema>>('/partnerships/greater-manchester-improvement');
    expect(one.members).toHaveLength(3);
    expect(one.members.every((m) => m.leftAt === null)).toBe(true);
    expect(one.peerReviews).toEqual([
      expect.objectContaining({
        id: review.id,
        reviewed: { id: 'trafford-council', name: 'Trafford Council' },
        reviewers: [
          { id: 'bury-council', name: 'Bury Council' },
          { id: 'stockport-council', name: 'Stockport Council' },
        ],
        scope: 'Household waste and recycling',
        caseIds: [trafford!.id],
      }),
    ]);
    expect(one.cases).toEqual([
      expect.objectContaining({
        id: trafford!.id,
        rung: 2,
        open: true,
        links: { self: `/api/v1/cases/${trafford!.id}`, html: `/cases/${trafford!.id}` },
      }),
    ]);

    expect(await json<z.infer<typeof peerReviewDetailSchema>>(`/peer-reviews/${review.id}`)).toMatchObject({
      id: review.id,
      partnership: { id: 'greater-manchester-improvement', name: 'Greater Manchester Improvement Partnership' },
      reviewedOn: '2025-05-20',
      findings: 'Collections were cut back in 2021.',
      recommendations: 'Restore fortnightly recycling collections.',
      followUp: null,
      cases: [{ id: trafford!.id, rung: 2, open: true }],
      links: { self: `/api/v1/peer-reviews/${review.id}`, html: `/peer-reviews/${review.id}` },
    });
    const caseDetail = await json<z.infer<typeof caseDetailSchema>>(`/cases/${trafford!.id}`);
    expect(caseDetail.peerReviews).toEqual([
      {
        id: review.id,
        reviewedOn: '2025-05-20',
        scope: 'Household waste and recycling',
        partnershipId: 'greater-manchester-improvement',
        links: { self: `/api/v1/peer-reviews/${review.id}`, html: `/peer-reviews/${review.id}` },
      },
    ]);
  });

  it('answers 404 for a partnership or peer review that does not exist', async () => {
    expect(await problem('/partnerships/no-such-partnership', 404)).toMatchObject({
      code: 'not_found',
      details: [{ field: 'id', value: 'no-such-partnership' }],
    });
    expect((await problem('/peer-reviews/77', 404)).message).toBe('No peer review numbered 77');
    expect((await problem('/peer-reviews/seventy', 400)).details[0]).toMatchObject({ field: 'params.id' });
  });
});

describe('the OpenAPI document', () => {
  it('lists every improvement route, each with a summary, under its tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { summary?: string; tags?: string[] }>>;
    }>();
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    const ours = operations.filter(({ op }) =>
      (op.tags ?? []).some((tag) => ['cases', 'triggers', 'risk', 'inspection', 'partnerships'].includes(tag)),
    );
    expect(ours.map((o) => o.route).sort()).toEqual([
      'GET /api/v1/cases',
      'GET /api/v1/cases/{id}',
      'GET /api/v1/inspection/schedule',
      'GET /api/v1/partnerships',
      'GET /api/v1/partnerships/{id}',
      'GET /api/v1/peer-reviews/{id}',
      'GET /api/v1/risk',
      'GET /api/v1/risk/{bodyId}',
      'GET /api/v1/self-assessments',
      'GET /api/v1/self-assessments/{id}',
      'GET /api/v1/triggers/rules',
    ]);
    expect(ours.every((o) => (o.op.summary ?? '').length > 20)).toBe(true);
  });
});
