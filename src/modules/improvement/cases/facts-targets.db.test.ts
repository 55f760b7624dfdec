import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { freshDatabase } from '../../../../test/support/database.ts';
import {
  examplePlans,
  PLAN_BODIES,
  planJson,
  plansClock,
  seedPlansWorld,
  TRAFFORD,
} from '../../../../test/support/plans-factories.ts';
import { cliActor, systemActor } from '../../accounts/index.ts';
import { assessTargets, importPlans } from '../../plans/index.ts';
import { gatherCouncilFacts, getCase, listCases, runTriggers } from './index.ts';

let handle: DatabaseHandle;
let db: Executor;
let clock: ReturnType<typeof plansClock>;

beforeEach(async () => {
  clock = plansClock();
  handle = await freshDatabase();
  db = handle.db;
  await seedPlansWorld(db);
  await db
    .insertInto('body_area')
    .values({
      body_id: PLAN_BODIES.council,
      area_code: TRAFFORD,
      role: 'governs',
      tier: 'unitary',
      valid_from: null,
      valid_to: null,
    })
    .execute();
  await importPlans(db, cliActor(), planJson(examplePlans()), { clock });
  await assessTargets(db, systemActor('plans assessment'), {}, { clock });
});
afterEach(async () => handle.close());

describe("a council's targets", () => {
  it('are those of its own plans and of the partnership it is the accountable body of, each with its newest judgement per period', async () => {
    const [trafford] = await gatherCouncilFacts(db, { clock, bodyIds: [PLAN_BODIES.council] });
    const keys = trafford!.targets.map((t) => `${t.planId}#${t.targetKey}`).sort();
    expect(keys).toEqual(['trafford-laa#G1', 'trafford-laa#N1', 'trafford-laa#N2', 'trafford-scs#T1']);
    const gap = trafford!.targets.find((t) => t.targetKey === 'G1')!;
    expect(gap.judgements).toMatchObject([{ period: 'FY2023', status: 'off_track', actual: 6, ruleVersion: 1 }]);
  });

  it('open a case when off track, with the target in the evidence', async () => {
    await runTriggers(db, cliActor(), { clock });
    const { cases } = await listCases(db, { bodyId: PLAN_BODIES.council, kind: 'off_target' });
    expect(cases).toHaveLength(1);
    const detail = (await getCase(db, cases[0]!.id))!;
    const firing = detail.firings.find((f) => f.kind === 'off_target')!;
    expect(firing).toMatchObject({ period: 'FY2023', areaCode: TRAFFORD });
    expect(firing.evidence).toMatchObject({ target: { planId: 'trafford-laa', key: 'G1' } });
  });
});
