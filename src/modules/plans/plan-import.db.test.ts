import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { actorFor, apiTokenActorFor } from '../../../test/support/accounts-factories.ts';
import { examplePlans, PLAN_BODIES, planJson, plansClock, seedPlansWorld } from '../../../test/support/plans-factories.ts';
import { cliActor } from '../accounts/index.ts';
import { auditForSubject } from '../audit/index.ts';
import { getPlan, importPlans, listNationalPriorities } from './index.ts';

let handle: DatabaseHandle;
let db: Executor;
const clock = plansClock();
const cli = cliActor();

beforeEach(async () => {
  handle = await freshDatabase();
  db = handle.db;
  await seedPlansWorld(db);
});
afterEach(async () => handle.close());

const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      (
        [
          'plan',
          'plan_version',
          'plan_item',
          'plan_item_link',
          'status_rule',
          'action_update',
          'national_priority',
          'audit_event',
        ] as const
      ).map(
        async (t) =>
          [
            t,
            Number(
              (
                await db
                  .selectFrom(t)
                  .select((eb) => eb.fn.countAll<number>().as('n'))
                  .executeTakeFirstOrThrow()
              ).n,
            ),
          ] as const,
      ),
    ),
  );

async function refusalOf(work: Promise<unknown>): Promise<ValidationError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('importPlans: JSON', () => {
  it('records the plans, their items, links, rules and progress, and importing the same file again changes nothing', async () => {
    const report = await importPlans(db, cli, planJson(examplePlans()), { clock });
    expect(report.plans.map((p) => [p.planId, p.outcome, p.versionNumber])).toEqual([
      ['trafford-scs', 'created', 1],
      ['trafford-laa', 'created', 1],
      ['waste-service', 'created', 1],
    ]);
    expect(report.nationalPriorities).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.plans.find((p) => p.planId === 'waste-service')?.progressReported).toBe(1);
    const after = await counts();
    expect(after).toMatchObject({ plan: 3, plan_version: 3, plan_item: 10, plan_item_link: 2, status_rule: 4, action_update: 1 });
    const laa = await getPlan(db, null, 'trafford-laa', {}, { clock });
    expect(laa.version).toMatchObject({ number: 1, state: 'published', inForceFrom: '2024-04-01' });
    const n2 = laa.items.find((i) => i.key === 'N2');
    expect(n2).toMatchObject({
      kind: 'target',
      targetKind: 'national',
      nationalPriorityCode: 'PSA 27',
      direction: 'higher',
      baseline: { period: 'FY2020', value: 52 },
    });
    expect(laa.nationalPriorities.map((p) => p.code)).toEqual(['PSA 27']);
    const g1 = laa.items.find((i) => i.key === 'G1');
    expect(g1).toMatchObject({ measure: 'gap', gapPartType: 'ward', direction: 'lower' });

    const again = await importPlans(db, cli, planJson(examplePlans()), { clock });
    expect(again.plans.map((p) => p.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(again.changed).toBe(false);
    expect(await counts()).toEqual(after);
  });

  it('makes a new draft of changed content, or a published version when the file says publish with a date and a note', async () => {
    await importPlans(db, cli, planJson(examplePlans()), { clock });
    const changed = examplePlans({ publish: false });
    changed.plans[0]!.items[1]!.title = 'Zero waste';
    const draft = await importPlans(db, cli, planJson(changed), { clock });
    expect(draft.plans.map((p) => [p.planId, p.outcome, p.versionNumber])).toEqual([
      ['trafford-scs', 'new_draft', 2],
      ['trafford-laa', 'unchanged', 1],
      ['waste-service', 'unchanged', 1],
    ]);
    expect((await getPlan(db, null, 'trafford-scs', {}, { clock })).version.number).toBe(1);
    expect(await importPlans(db, cli, planJson(changed), { clock })).toMatchObject({ changed: false });

    const published = examplePlans();
    published.plans[0]!.items[1]!.title = 'Zero waste';
    const refused = await refusalOf(importPlans(db, cli, planJson(published), { clock }));
    expect(refused.details).toEqual([
      { field: 'plans[0].changeNote', reason: 'is required to publish a revision: say what changed' },
    ]);
    Object.assign(published.plans[0]!, { inForceFrom: '2025-04-01', changeNote: 'Aim for zero waste' });
    const done = await importPlans(db, cli, planJson(published), { clock });
    expect(done.plans[0]).toMatchObject({ outcome: 'published', versionNumber: 2 });
    const shown = await getPlan(db, null, 'trafford-scs', { on: '2025-05-01' }, { clock });
    expect(shown.version).toMatchObject({ number: 2, changeNote: 'Aim for zero waste' });
    expect(shown.items.find((i) => i.key === 'waste')?.title).toBe('Zero waste');
    expect(
      (await getPlan(db, null, 'trafford-scs', { on: '2024-12-31' }, { clock })).items.find((i) => i.key === 'waste')?.title,
    ).toBe('Less waste, more recycling');
  });

  it('reports every problem with its JSON path, field and value, and writes nothing', async () => {
    const bad = examplePlans();
    const scs = bad.plans[0]!;
    const t1 = scs.items[2] as Record<string, unknown>;
    Object.assign(t1, { indicator: 'NOPE', owner: 'no-body', baseline: { period: 'May 2020', value: 'x' } });
    scs.items.push({
      kind: 'target',
      key: 'T2',
      parent: 'green',
      title: 'Under a theme',
      indicator: 'FLAT',
      target: { period: '2025/26', value: 3 },
    } as never);
    scs.items.push({ kind: 'priority', key: 'waste', title: 'Twice' } as never);
    (bad.plans[1]!.items[1] as Record<string, unknown>).serves = 'trafford-scs#nothing';
    (bad.plans[1]!.items[3] as Record<string, unknown>).nationalPriority = 'PSA 99';
    (bad.plans[2] as Record<string, unknown>).area = 'E99999999';
    (bad.plans[2]!.items[1] as Record<string, unknown>).due = '2026-02-30';
    const before = await counts();
    const refused = await refusalOf(importPlans(db, cli, planJson(bad), { clock }));
    const fields = refused.details.map((d) => [d.field, d.value]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['plans[0].items[2].indicator', 'NOPE'],
        ['plans[0].items[2].owner', 'no-body'],
        ['plans[0].items[3].direction', ''],
        ['plans[0].items[3].parent', 'green'],
        ['plans[0].items[4].key', 'waste'],
        ['plans[1].items[1].serves[0]', 'trafford-scs#nothing'],
        ['plans[1].items[3].nationalPriority', 'PSA 99'],
        ['plans[2].area', 'E99999999'],
        ['plans[2].items[1].due', '2026-02-30'],
      ]),
    );
    expect(refused.message).toMatch(/^plans\.json: \d+ problems found; nothing was changed$/);
    expect(await counts()).toEqual(before);
  });

  it('refuses someone who may not edit the plan, and lets the owner’s token import', async () => {
    await importPlans(db, cli, planJson({ ...examplePlans(), plans: examplePlans().plans.slice(0, 2) }), { clock });
    const file = planJson({ plans: [examplePlans().plans[2]] });
    await expect(
      importPlans(db, actorFor('performance_officer', { bodyId: PLAN_BODIES.otherCouncil }), file, { clock }),
    ).rejects.toThrow(ForbiddenError);
    await expect(importPlans(db, apiTokenActorFor(PLAN_BODIES.council), file, { clock })).resolves.toMatchObject({
      changed: true,
    });
    const events = await auditForSubject(db, { kind: 'plan', id: 'waste-service' });
    expect(events.items.map((e) => [e.action, e.actorLabel])).toEqual([
      ['plan.import', expect.stringContaining('API token') as string],
    ]);
  });

  it('changes a recorded national priority only for an administrator or the command line', async () => {
    await importPlans(db, cli, planJson(examplePlans()), { clock });
    const reworded = {
      nationalPriorities: [{ code: 'PSA 27', wording: 'Tackle climate change', kind: 'psa_target' }],
      plans: [],
    };
    const officer = actorFor('performance_officer', { bodyId: PLAN_BODIES.council });
    await expect(importPlans(db, officer, planJson(reworded), { clock })).rejects.toThrow('nothing was changed');
    expect(await importPlans(db, cli, planJson(reworded), { clock })).toMatchObject({ nationalPriorities: { updated: 1 } });
    expect((await listNationalPriorities(db)).map((p) => p.wording)).toEqual(['Tackle climate change']);
  });

  it('refuses a file that says publish without the date it is in force from; an import asked to publish takes today', async () => {
    const file = examplePlans();
    delete (file.plans[0] as Record<string, unknown>).inForceFrom;
    const refused = await refusalOf(importPlans(db, cli, planJson(file), { clock }));
    expect(refused.details).toEqual([
      { field: 'plans[0].inForceFrom', reason: 'is required to publish: the date the version is in force from' },
    ]);
    (file.plans[0] as Record<string, unknown>).publish = false;
    await importPlans(db, cli, planJson(file), { clock, publish: true });
    expect((await getPlan(db, null, 'trafford-scs', {}, { clock })).version).toMatchObject({
      state: 'published',
      inForceFrom: '2025-06-01',
    });
  });
});

describe('importPlans: CSV', () => {
  const csv = (lines: string[], name = 'items.csv') => ({ name, content: `${lines.join('\n')}\n` });
  const header =
    'plan,kind,key,parent,title,indicator,baseline_period,baseline_value,target_period,target_value,milestones,tolerance,owner';

  it('merges rows into the plan by key and reports each problem with its line and column', async () => {
    await importPlans(db, cli, planJson(examplePlans({ publish: false })), { clock });
    const good = csv([
      header,
      'trafford-scs,target,T2,waste,Recycle more by 2027/28,REC,2020/21,52,2027/28,66,2023/24=57; 2025/26=62,1.5,trafford-council',
    ]);
    const report = await importPlans(db, cli, good, { clock });
    expect(report.plans).toEqual([
      { planId: 'trafford-scs', outcome: 'draft_updated', versionNumber: 1, rulesChanged: 1, progressReported: 0 },
    ]);
    const draft = await getPlan(db, cli, 'trafford-scs', { draft: true }, { clock });
    expect(draft.items.map((i) => i.key)).toEqual(['green', 'waste', 'T1', 'T2']);
    expect(draft.items.find((i) => i.key === 'T2')).toMatchObject({
      milestones: [
        { period: 'FY2023', value: { value: 57 } },
        { period: 'FY2025', value: { value: 62 } },
      ],
    });
    expect(await importPlans(db, cli, good, { clock })).toMatchObject({ changed: false });

    const bad = csv([
      `${header},colour`,
      'trafford-scs,target,T3,waste,A,REC,2020/21,52,2027/28,66,2023/24=lots,,trafford-council,red',
      'trafford-laa,target,T4,waste,B,REC,,,2027/28,66,,,trafford-council,',
      'trafford-scs,action,A9,nowhere,C,,,,,,,,,',
    ]);
    const refused = await refusalOf(importPlans(db, cli, bad, { clock }));
    expect(refused.details.map((d) => [d.line, d.field])).toEqual(
      expect.arrayContaining([
        [1, 'colour'],
        [2, 'milestones[0]'],
        [3, 'plan'],
        [4, 'due'],
        [4, 'parent'],
      ]),
    );
    await expect(importPlans(db, cli, csv([header, 'no-plan,theme,x,,X,,,,,,,,']), { clock })).rejects.toThrow(
      'nothing was changed',
    );
  });
});
