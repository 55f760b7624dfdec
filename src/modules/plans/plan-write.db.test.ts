import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { actorFor, apiTokenActorFor, makePerson } from '../../../test/support/accounts-factories.ts';
import type { Actor } from '../accounts/index.ts';
import {
  examplePlans,
  PLAN_BODIES,
  planJson,
  plansClock,
  seedPlansWorld,
  TRAFFORD,
} from '../../../test/support/plans-factories.ts';
import { cliActor } from '../accounts/index.ts';
import { auditForSubject, listAuditEvents } from '../audit/index.ts';
import {
  actionDetail,
  createPlan,
  getPlan,
  importPlans,
  publishDraft,
  putItem,
  removeItem,
  reportActionProgress,
  reviseDraft,
  updateDraft,
} from './index.ts';

let handle: DatabaseHandle;
let db: Executor;
let clock: ReturnType<typeof plansClock>;
const officer = actorFor('performance_officer', { bodyId: PLAN_BODIES.council });
let police: Actor;
const elsewhere = actorFor('performance_officer', { bodyId: PLAN_BODIES.otherCouncil });

beforeEach(async () => {
  clock = plansClock();
  handle = await freshDatabase();
  db = handle.db;
  await seedPlansWorld(db);
  police = (
    await makePerson(db, {
      displayName: 'Pat Police',
      roles: [{ role: 'partner_data_officer', bodyId: PLAN_BODIES.police, areaCode: null }],
    })
  ).actor;
});
afterEach(async () => handle.close());

const newPlan = { id: 'crime-plan', kind: 'community_strategy', owner: PLAN_BODIES.lsp, area: TRAFFORD, title: 'Safer Trafford' };

async function rejection(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('plans: drafting, publishing and revising through the services', () => {
  it('drafts a plan item by item, publishes it, then revises it into a second version in force from a later date', async () => {
    const created = await createPlan(db, officer, newPlan, { clock });
    expect(created.version).toMatchObject({
      number: 1,
      state: 'draft',
      title: 'Safer Trafford',
      createdBy: 'A performance officer',
    });
    await putItem(db, officer, 'crime-plan', { kind: 'theme', key: 'safe', title: 'Safe streets' }, { clock });
    await putItem(
      db,
      officer,
      'crime-plan',
      { kind: 'priority', key: 'asb', parent: 'safe', title: 'Less anti-social behaviour' },
      { clock },
    );
    const target = await putItem(
      db,
      officer,
      'crime-plan',
      {
        kind: 'target',
        key: 'D1',
        parent: 'asb',
        title: 'Fewer delayed transfers',
        indicator: 'DELAY',
        baseline: { period: '2021/22', value: 12 },
        target: { period: '2025/26', value: 9 },
      },
      { clock },
    );
    expect(target).toMatchObject({
      kind: 'target',
      direction: 'lower',
      position: 1,
      ownerBodyId: PLAN_BODIES.lsp,
      areaCode: TRAFFORD,
    });
    await updateDraft(db, officer, 'crime-plan', { vision: 'Everyone feels safe.', coversFrom: '2024/25' }, { clock });

    await expect(publishDraft(db, officer, 'crime-plan', { inForceFrom: '' }, { clock })).rejects.toThrow(ValidationError);
    const v1 = await publishDraft(db, officer, 'crime-plan', { inForceFrom: '2024-04-01' }, { clock });
    expect(v1).toMatchObject({
      number: 1,
      state: 'published',
      inForceFrom: '2024-04-01',
      vision: 'Everyone feels safe.',
      coversFrom: 'FY2024',
    });
    await expect(putItem(db, officer, 'crime-plan', { kind: 'theme', key: 'x', title: 'X' }, { clock })).rejects.toThrow(
      ConflictError,
    );

    const draft = await reviseDraft(db, officer, 'crime-plan', { clock });
    expect(draft).toMatchObject({ number: 2, state: 'draft', title: 'Safer Trafford' });
    await expect(reviseDraft(db, officer, 'crime-plan', { clock })).rejects.toThrow(ConflictError);
    await putItem(
      db,
      officer,
      'crime-plan',
      { kind: 'priority', key: 'asb', parent: 'safe', title: 'Much less anti-social behaviour' },
      { clock },
    );
    await removeItem(db, officer, 'crime-plan', 'D1', { clock });
    await expect(removeItem(db, officer, 'crime-plan', 'safe', { clock })).rejects.toThrow('has items under it (asb)');
    const refused = (await rejection(
      publishDraft(db, officer, 'crime-plan', { inForceFrom: '2024-01-01' }, { clock }),
    )) as ValidationError;
    expect(refused.details.map((d) => d.field)).toEqual(['inForceFrom', 'changeNote']);
    await publishDraft(
      db,
      officer,
      'crime-plan',
      { inForceFrom: '2025-04-01', changeNote: 'The delayed transfers target moved to the health plan' },
      { clock },
    );

    const earlier = await getPlan(db, null, 'crime-plan', { on: '2025-03-31' }, { clock });
    expect(earlier.version.number).toBe(1);
    expect(earlier.items.map((i) => i.key)).toEqual(['safe', 'asb', 'D1']);
    const later = await getPlan(db, null, 'crime-plan', { on: '2025-04-01' }, { clock });
    expect(later.version).toMatchObject({ number: 2, changeNote: 'The delayed transfers target moved to the health plan' });
    expect(later.items.map((i) => [i.key, i.title])).toEqual([
      ['safe', 'Safe streets'],
      ['asb', 'Much less anti-social behaviour'],
    ]);

    const actions = (
      await listAuditEvents(db, { subject: { kind: 'plan', id: 'crime-plan' } }, { limit: 50, offset: 0 })
    ).items.map((e) => e.action);
    expect(actions).toEqual(['plan.publish', 'plan.revise', 'plan.publish', 'plan.draft_update', 'plan.import']);
    const itemEvents = await listAuditEvents(db, { action: 'plan_item' }, { limit: 50, offset: 0 });
    expect(itemEvents.items.map((e) => [e.action, e.subjectId])).toEqual([
      ['plan_item.remove', 'crime-plan#D1'],
      ['plan_item.put', 'crime-plan#asb'],
      ['plan_item.put', 'crime-plan#D1'],
      ['plan_item.put', 'crime-plan#asb'],
      ['plan_item.put', 'crime-plan#safe'],
    ]);
  });

  it('checks an item against the plan: its parent, what it serves, its indicator’s direction', async () => {
    await createPlan(db, officer, newPlan, { clock });
    const refused = (await rejection(
      putItem(
        db,
        officer,
        'crime-plan',
        {
          kind: 'target',
          key: 'F1',
          parent: 'nowhere',
          title: 'Flat',
          indicator: 'FLAT',
          target: { period: '2025/26', value: 3 },
          serves: 'no-plan#x',
        },
        { clock },
      ),
    )) as ValidationError;
    expect(refused.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'direction', reason: expect.stringContaining('FLAT has no polarity') as string }),
        expect.objectContaining({ field: 'parent', value: 'nowhere' }),
        expect.objectContaining({ field: 'serves[0]', value: 'no-plan#x', reason: 'no-plan is not a known plan' }),
      ]),
    );
    expect((await getPlan(db, officer, 'crime-plan', { draft: true }, { clock })).items).toEqual([]);
  });

  it('lets only those who may edit the plan change it, and refuses an id already taken', async () => {
    await expect(createPlan(db, elsewhere, newPlan, { clock })).rejects.toThrow(ForbiddenError);
    await createPlan(db, officer, newPlan, { clock });
    await expect(createPlan(db, officer, newPlan, { clock })).rejects.toThrow(ConflictError);
    await expect(putItem(db, police, 'crime-plan', { kind: 'theme', key: 't', title: 'T' }, { clock })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(updateDraft(db, elsewhere, 'crime-plan', { title: 'Mine' }, { clock })).rejects.toThrow(ForbiddenError);
    await expect(
      publishDraft(db, apiTokenActorFor(PLAN_BODIES.council), 'crime-plan', { inForceFrom: '2024-04-01' }, { clock }),
    ).rejects.toThrow(ForbiddenError);
    await expect(reviseDraft(db, officer, 'no-such-plan', { clock })).rejects.toThrow(NotFoundError);
  });
});

describe('reportActionProgress', () => {
  beforeEach(async () => {
    const plans = examplePlans();
    const service = plans.plans[2]!;
    (service.items[1] as Record<string, unknown>).owner = PLAN_BODIES.police;
    await importPlans(db, cliActor(), planJson(plans), { clock });
  });

  it('appends a report by the action’s own body, keeps the earlier ones, and records nothing for the same report again', async () => {
    const ref = { planId: 'waste-service', key: 'A1' };
    const report = { progress: 70, state: 'in_progress', asOf: '2025-05-31', note: 'Most blocks done' };
    const first = await reportActionProgress(db, police, ref, report, { clock });
    expect(first).toMatchObject({ recorded: true, update: { progress: 70, createdBy: 'Pat Police' } });
    expect(await reportActionProgress(db, police, ref, report, { clock })).toMatchObject({ recorded: false });
    const detail = await actionDetail(db, null, ref, {}, { clock });
    expect(detail.updates.map((u) => u.progress)).toEqual([70, 40]);
    expect((await auditForSubject(db, { kind: 'plan_item', id: 'waste-service#A1' })).items.map((e) => e.action)).toEqual([
      'action.progress',
      'action.progress',
    ]);
  });

  it('refuses another body, a report about the future and a state that is not one', async () => {
    const ref = { planId: 'waste-service', key: 'A1' };
    await expect(
      reportActionProgress(db, elsewhere, ref, { progress: 1, state: 'in_progress', asOf: '2025-05-01' }, { clock }),
    ).rejects.toThrow(ForbiddenError);
    const refused = (await rejection(
      reportActionProgress(db, police, ref, { progress: 120, state: 'finished', asOf: '2025-07-01' }, { clock }),
    )) as ValidationError;
    expect(refused.details.map((d) => [d.field, d.value])).toEqual([
      ['progress', 120],
      ['state', 'finished'],
      ['asOf', '2025-07-01'],
    ]);
    await expect(
      reportActionProgress(
        db,
        police,
        { planId: 'waste-service', key: 'P1' },
        { progress: 1, state: 'in_progress', asOf: '2025-05-01' },
        { clock },
      ),
    ).rejects.toThrow(NotFoundError);
  });
});
