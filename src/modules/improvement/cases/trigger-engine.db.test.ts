import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { freshDatabase } from '../../../../test/support/database.ts';
import {
  ASHFORD,
  BARTON,
  CARLOW,
  casesClock,
  publishPeriod,
  RECYCLING,
  seedCasesWorld,
} from '../../../../test/support/cases-factories.ts';
import { cliActor } from '../../accounts/index.ts';
import { listAuditEvents } from '../../audit/index.ts';
import { seedIndicator } from '../../../../test/support/analysis-factories.ts';
import type { TriggerFiring } from '../improvement.types.ts';
import {
  addRuleVersion,
  gatherCouncilFacts,
  getCase,
  listCases,
  listRuleVersions,
  runTriggers,
  type TriggerSource,
} from './index.ts';

let handle: DatabaseHandle;
let db: Executor;
let clock: ReturnType<typeof casesClock>;
const cli = cliActor();

beforeEach(async () => {
  clock = casesClock();
  handle = await freshDatabase();
  db = handle.db;
  await seedCasesWorld(db);
});
afterEach(async () => handle.close());

const counts = async () => ({
  firings: Number(
    (
      await db
        .selectFrom('trigger_firing')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n,
  ),
  cases: Number(
    (
      await db
        .selectFrom('ladder_case')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n,
  ),
  events: Number(
    (
      await db
        .selectFrom('case_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst()
    )?.n,
  ),
});

describe('gatherCouncilFacts', () => {
  it('gives each council its series and its positions among the councils of its type, worst quarter last', async () => {
    const facts = await gatherCouncilFacts(db, { clock });
    expect(facts).toHaveLength(8);
    const ashford = facts.find((f) => f.bodyId === ASHFORD.bodyId)!;
    expect(ashford).toMatchObject({ areaCode: ASHFORD.area, areaName: 'Ashford', targets: [], deadlines: [] });
    const recycling = ashford.indicators.find((i) => i.indicatorCode === RECYCLING)!;
    expect(recycling.series.map((p) => p.value)).toEqual([20, 19, 18, 17]);
    expect(recycling.periodsWithFigures).toEqual(['FY2020', 'FY2021', 'FY2022', 'FY2023']);
    expect(recycling.positions.at(-1)).toMatchObject({ period: 'FY2023', size: 8, rank: 8, quartile: 4 });
    expect(recycling.theme).toBe('environment');
  });

  it('gives positions in the other groups the rules in force ask for', async () => {
    const [ashford] = await gatherCouncilFacts(db, { clock, bodyIds: [ASHFORD.bodyId], comparators: ['england'] });
    const recycling = ashford!.indicators[0]!;
    expect(recycling.positionsByComparator?.england?.at(-1)).toMatchObject({
      groupName: 'All councils in England',
      size: 8,
      rank: 8,
    });
    expect(recycling.positions.at(-1)).toMatchObject({ size: 8, rank: 8 });
  });

  it('gathers only the councils asked for', async () => {
    expect((await gatherCouncilFacts(db, { clock, bodyIds: [BARTON.bodyId] })).map((f) => f.bodyId)).toEqual([BARTON.bodyId]);
  });
});

describe('runTriggers', () => {
  it('stores the default rules as version 1, opens a case per subject with its evidence, and running again changes nothing', async () => {
    const run = await runTriggers(db, cli, { clock });
    expect((await listRuleVersions(db)).every((v) => v.version === 1 && v.createdBy === 'system: default rules')).toBe(true);
    expect(run.casesOpened).toHaveLength(2);
    expect(run.casesAddedTo).toEqual([]);
    expect(run.casesRecovered).toEqual([]);
    // the councils' risk profiles are stored at the end of the run
    expect(run.riskProfilesChanged).toBe(8);
    const { cases } = await listCases(db, { status: 'open' });
    const ashford = cases.find((c) => c.subject.bodyId === ASHFORD.bodyId)!;
    expect(ashford).toMatchObject({
      state: 'open',
      rung: 1,
      subject: { areaCode: ASHFORD.area, indicatorCode: RECYCLING },
      title: 'Ashford Council: Household waste recycled and composted (RECY)',
      baselineValue: 17,
      baselinePeriod: 'FY2023',
      bodyName: 'Ashford Council',
    });
    expect([...ashford.kinds].sort()).toEqual(['bottom_quartile', 'red_red']);
    expect(ashford.firingCount).toBe(2);
    const barton = cases.find((c) => c.subject.bodyId === BARTON.bodyId)!;
    expect(barton.kinds).toEqual(['bottom_quartile']);

    const detail = (await getCase(db, ashford.id))!;
    expect(detail.events).toMatchObject([
      { seq: 1, action: 'open', fromState: null, toState: 'open', toRung: 1, actor: 'system: triggers' },
    ]);
    expect(detail.events[0]!.detail).toMatchObject({ firingIds: detail.firings.map((f) => f.id) });
    expect(detail.firings.every((f) => f.period === 'FY2023' && f.ruleVersion === 1 && Object.keys(f.evidence).length > 0)).toBe(
      true,
    );
    expect(detail.series.map((p) => p.value)).toEqual([20, 19, 18, 17]);
    expect(detail.comparatorMedians).toHaveLength(4);
    expect(detail.nextActions).toContain('acknowledge');
    expect(run.firingsRecorded).toBe(3);
    const audited = await listAuditEvents(db, { action: 'triggers.run' });
    expect(audited.total).toBe(1);

    const before = await counts();
    const again = await runTriggers(db, cli, { clock });
    expect(again).toEqual({ firingsRecorded: 0, casesOpened: [], casesAddedTo: [], casesRecovered: [], riskProfilesChanged: 0 });
    expect(await counts()).toEqual(before);
    expect((await listAuditEvents(db, { action: 'triggers.run' })).total).toBe(1);
  });

  it('adds the firings of a new period to the open case as evidence', async () => {
    await runTriggers(db, cli, { clock });
    const ashfordCase = (await listCases(db, { bodyId: ASHFORD.bodyId })).cases[0]!.id;
    // Ashford falls again: the same subject fires for 2024/25
    await publishPeriod(db, 'FY2024', { [ASHFORD.area]: 16 });
    const run = await runTriggers(db, cli, { clock });
    expect(run.casesOpened).toEqual([]);
    expect(run.casesAddedTo).toContain(ashfordCase);
    const detail = (await getCase(db, ashfordCase))!;
    const added = detail.events.find((e) => e.action === 'add_evidence')!;
    expect(added).toMatchObject({ fromState: 'open', toState: 'open', actor: 'system: triggers' });
    const newIds = detail.firings.filter((f) => f.period === 'FY2024').map((f) => f.id);
    expect(newIds.length).toBeGreaterThan(0);
    expect(added.detail).toMatchObject({ firingIds: newIds });
  });

  it('closes a case as recovered once its rules stay clear for the periods they need, and not before', async () => {
    const { casesOpened } = await runTriggers(db, cli, { clock });
    const ashfordCase = (await listCases(db, { bodyId: ASHFORD.bodyId })).cases[0]!.id;
    expect(casesOpened).toContain(ashfordCase);
    // one good year: clear for 1 of the 2 periods needed
    await publishPeriod(db, 'FY2024', { [ASHFORD.area]: 36 });
    expect((await runTriggers(db, cli, { clock })).casesRecovered).not.toContain(ashfordCase);
    expect((await getCase(db, ashfordCase))!.case.state).toBe('open');
    // a second: recovered
    await publishPeriod(db, 'FY2025', { [ASHFORD.area]: 37 });
    const run = await runTriggers(db, cli, { clock });
    expect(run.casesRecovered).toContain(ashfordCase);
    const detail = (await getCase(db, ashfordCase))!;
    expect(detail.case).toMatchObject({ state: 'closed_recovered', closedAt: clock.now().toISOString() });
    expect(detail.events.at(-1)).toMatchObject({
      action: 'close_recovered',
      toState: 'closed_recovered',
      actor: 'system: triggers',
    });
    expect(detail.nextActions).toEqual([]);
    expect((await runTriggers(db, cli, { clock })).casesRecovered).toEqual([]);
  });

  it('fires on figures due and not published past the deadline, and closes those cases once the figures are in', async () => {
    await runTriggers(db, cli, { clock });
    await db
      .insertInto('collection_deadline')
      .values({ indicator_code: RECYCLING, period: 'FY2024', body_id: null, due_date: '2025-05-01' })
      .execute();
    // a deadline of Carlow's own, for figures it has never published
    await seedIndicator(db, { code: 'LITTER', title: 'Streets free of litter', areaTypes: ['metropolitan_district'] });
    await db
      .insertInto('collection_deadline')
      .values({ indicator_code: 'LITTER', period: 'FY2024', body_id: CARLOW.bodyId, due_date: '2025-05-15' })
      .execute();
    const facts = await gatherCouncilFacts(db, { clock, bodyIds: [CARLOW.bodyId] });
    expect(facts[0]!.deadlines).toEqual([
      {
        indicatorCode: 'LITTER',
        indicatorTitle: 'Streets free of litter',
        period: 'FY2024',
        dueDate: '2025-05-15',
        receivedAt: null,
      },
      {
        indicatorCode: RECYCLING,
        indicatorTitle: 'Household waste recycled and composted',
        period: 'FY2024',
        dueDate: '2025-05-01',
        receivedAt: null,
      },
    ]);
    const run = await runTriggers(db, cli, { clock });
    // the six councils without a case get one for the late figure, and Carlow one for litter; Ashford's and Barton's take it as evidence
    expect(run.casesOpened).toHaveLength(7);
    expect(run.casesAddedTo).toHaveLength(2);
    const carlow = (await listCases(db, { bodyId: CARLOW.bodyId, indicatorCode: RECYCLING })).cases[0]!;
    expect(carlow.kinds).toEqual(['data_late']);
    expect((await listCases(db, { kind: 'data_late' })).total).toBe(9);
    await publishPeriod(db, 'FY2024', {}, '2025-06-01T08:00:00.000Z');
    const after = await runTriggers(db, cli, { clock });
    expect(after.casesRecovered).toHaveLength(6);
    expect((await listCases(db, { status: 'open', indicatorCode: 'LITTER' })).total).toBe(1);
    expect(after.casesRecovered).toContain(carlow.id);
    expect((await listCases(db, { status: 'open' })).total).toBe(3);
  });

  it('judges a comparison rule in the group its version names', async () => {
    await addRuleVersion(
      db,
      cli,
      { kind: 'bottom_quartile', params: { comparator: 'england' }, reason: 'Compare with every council in England' },
      { clock },
    );
    await runTriggers(db, cli, { clock });
    const detail = (await getCase(db, (await listCases(db, { bodyId: ASHFORD.bodyId })).cases[0]!.id))!;
    const firing = detail.firings.find((f) => f.kind === 'bottom_quartile')!;
    expect(JSON.stringify(firing.evidence)).toContain('All councils in England');
  });

  it('takes further sources as they are, and opens a case without an indicator for their firings', async () => {
    const complaint: TriggerFiring = {
      source: 'call_for_action',
      kind: 'call_for_action',
      ruleId: null,
      ruleVersion: null,
      bodyId: BARTON.bodyId,
      areaCode: BARTON.area,
      indicatorCode: null,
      period: null,
      fingerprint: 'call_for_action|1',
      summary: 'Residents called for action on fly-tipping.',
      evidence: { call: 1 },
      openAtRung: 2,
    };
    const source: TriggerSource = {
      id: 'call_for_action',
      name: 'Calls for action',
      fire: async () => [complaint],
      recovery: async () => null,
    };
    const run = await runTriggers(db, cli, { clock, sources: [source] });
    expect(run.casesOpened).toHaveLength(1);
    const c = (await getCase(db, run.casesOpened[0]!))!;
    expect(c.case).toMatchObject({ rung: 2, subject: { indicatorCode: null }, kinds: ['call_for_action'], indicatorTitle: null });
    expect(c.series).toEqual([]);
    expect((await runTriggers(db, cli, { clock, sources: [source] })).firingsRecorded).toBe(0);
  });
});
