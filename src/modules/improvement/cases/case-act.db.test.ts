import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../platform/db/database.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { freshDatabase } from '../../../../test/support/database.ts';
import { personWithRole } from '../../../../test/support/accounts-factories.ts';
import { ASHFORD, BARTON, casesClock, publishPeriod, seedCasesWorld } from '../../../../test/support/cases-factories.ts';
import { cliActor, type PersonActor, systemActor } from '../../accounts/index.ts';
import { auditForSubject } from '../../audit/index.ts';
import { DEFAULT_RUNG_DEADLINE_DAYS } from '../improvement.types.ts';
import { actOnCase, escalateOverdue, getCase, listCases, rungDeadlines, runTriggers, setRungDeadline } from './index.ts';

let handle: DatabaseHandle;
let db: Executor;
let clock: ReturnType<typeof casesClock>;
let ashfordCase: number;
let bartonCase: number;
let officer: PersonActor;
let assessor: PersonActor;
const DAY = 86_400_000;

beforeEach(async () => {
  clock = casesClock();
  handle = await freshDatabase();
  db = handle.db;
  await seedCasesWorld(db);
  await runTriggers(db, cliActor(), { clock });
  ashfordCase = (await listCases(db, { bodyId: ASHFORD.bodyId })).cases[0]!.id;
  bartonCase = (await listCases(db, { bodyId: BARTON.bodyId })).cases[0]!.id;
  officer = (await personWithRole(db, 'performance_officer', { bodyId: ASHFORD.bodyId })).actor;
  assessor = (await personWithRole(db, 'assessor')).actor;
});
afterEach(async () => handle.close());

const eventsOf = async (id: number) => (await getCase(db, id))!.events;

describe('actOnCase', () => {
  it("lets the council's officer own the case, plan for it and escalate it to rung 2, each step an event and an audit event", async () => {
    await actOnCase(db, officer, ashfordCase, { action: 'acknowledge', ownerName: 'Head of Waste Services' }, { clock });
    await actOnCase(
      db,
      officer,
      ashfordCase,
      { action: 'add_action_plan', actionPlan: 'Weekly food waste collections' },
      { clock },
    );
    clock.advance(10 * DAY);
    const escalated = await actOnCase(
      db,
      officer,
      ashfordCase,
      { action: 'escalate', reason: 'We need the partnership' },
      { clock },
    );
    expect(escalated).toMatchObject({ state: 'open', rung: 2, ownerName: null, actionPlan: null });
    expect(escalated.deadline).toBe(new Date(clock.now().getTime() + DEFAULT_RUNG_DEADLINE_DAYS[2] * DAY).toISOString());
    const events = await eventsOf(ashfordCase);
    expect(events.map((e) => [e.seq, e.action, e.fromState, e.toState, e.fromRung, e.toRung])).toEqual([
      [1, 'open', null, 'open', null, 1],
      [2, 'acknowledge', 'open', 'acknowledged', 1, 1],
      [3, 'add_action_plan', 'acknowledged', 'action_planned', 1, 1],
      [4, 'escalate', 'action_planned', 'open', 1, 2],
    ]);
    expect(events[1]).toMatchObject({ actor: officer.displayName, detail: { ownerName: 'Head of Waste Services' } });
    expect(events[3]).toMatchObject({ reason: 'We need the partnership' });
    const audited = await auditForSubject(db, { kind: 'ladder_case', id: String(ashfordCase) });
    expect(audited.items.map((e) => e.action).sort()).toEqual(['case.acknowledge', 'case.add_action_plan', 'case.escalate']);
  });

  it('refuses the council rung 3, and another council anything; an assessor may', async () => {
    await actOnCase(db, officer, ashfordCase, { action: 'escalate', reason: 'Support needed' }, { clock });
    await expect(actOnCase(db, officer, ashfordCase, { action: 'escalate', reason: 'Government' }, { clock })).rejects.toThrow(
      ForbiddenError,
    );
    const stockport = (await personWithRole(db, 'performance_officer', { bodyId: BARTON.bodyId })).actor;
    await expect(actOnCase(db, stockport, ashfordCase, { action: 'acknowledge', ownerName: 'x' }, { clock })).rejects.toThrow(
      ForbiddenError,
    );
    expect(await actOnCase(db, assessor, ashfordCase, { action: 'escalate', reason: 'Intervention' }, { clock })).toMatchObject({
      rung: 3,
    });
  });

  it.each([
    ['a plan before an owner', { action: 'add_action_plan', actionPlan: 'p' }],
    ['escalating without a reason', { action: 'escalate' }],
    ['acknowledging without an owner', { action: 'acknowledge', ownerName: '  ' }],
    ['de-escalating below rung 1', { action: 'de_escalate', reason: 'r' }],
    ['closing as recovered while the rules still fire', { action: 'close_recovered' }],
    ['opening an open case', { action: 'open' }],
    ['an action that does not exist', { action: 'reopen' }],
  ] as const)('refuses %s with a message, changing nothing', async (_, request) => {
    const before = await getCase(db, ashfordCase);
    const attempt = actOnCase(db, assessor, ashfordCase, request as never, { clock });
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(/\w/);
    expect(await getCase(db, ashfordCase)).toEqual(before);
  });

  it('refuses any action on a closed case, and an unknown case', async () => {
    await actOnCase(db, assessor, ashfordCase, { action: 'close', reason: 'Boundary change: the council merged' }, { clock });
    expect((await getCase(db, ashfordCase))!.case).toMatchObject({
      state: 'closed',
      closedReason: 'Boundary change: the council merged',
    });
    await expect(actOnCase(db, assessor, ashfordCase, { action: 'acknowledge', ownerName: 'x' }, { clock })).rejects.toThrow(
      ValidationError,
    );
    for (const id of [99_999, 3_000_000_000, 1.5, -1])
      await expect(actOnCase(db, assessor, id, { action: 'acknowledge', ownerName: 'x' }, { clock })).rejects.toThrow(
        NotFoundError,
      );
    expect(await getCase(db, 3_000_000_000)).toBeUndefined();
  });
});

describe('escalateOverdue', () => {
  const system = systemActor('system: deadlines');

  it('escalates each open case past its deadline without improvement, leaves an improved one, and changes nothing run again', async () => {
    // Barton improves after its case opened; Ashford falls further
    await publishPeriod(db, 'FY2024', { [ASHFORD.area]: 16, [BARTON.area]: 27.5 });
    expect(await escalateOverdue(db, system, { clock })).toEqual({ checked: 2, escalated: [] });
    clock.advance((DEFAULT_RUNG_DEADLINE_DAYS[1] + 1) * DAY);
    expect(await escalateOverdue(db, system, { clock })).toEqual({ checked: 2, escalated: [ashfordCase] });
    const ashford = (await getCase(db, ashfordCase))!;
    expect(ashford.case).toMatchObject({ rung: 2, state: 'open', baselineValue: 16, baselinePeriod: 'FY2024' });
    expect(ashford.events.at(-1)).toMatchObject({
      action: 'escalate',
      actor: 'system: deadlines',
      detail: { automatic: true },
      reason: expect.stringContaining('without improvement'),
    });
    expect((await getCase(db, bartonCase))!.case.rung).toBe(1);
    expect(await escalateOverdue(db, system, { clock })).toEqual({ checked: 2, escalated: [] });

    clock.advance((DEFAULT_RUNG_DEADLINE_DAYS[2] + 1) * DAY);
    expect((await escalateOverdue(db, system, { clock })).escalated).toEqual([ashfordCase]);
    clock.advance((DEFAULT_RUNG_DEADLINE_DAYS[3] + 1) * DAY);
    expect((await escalateOverdue(db, system, { clock })).escalated).toEqual([]);
    expect((await getCase(db, ashfordCase))!.case.rung).toBe(3);
  });

  it("uses the council's own rung deadline once set", async () => {
    await setRungDeadline(db, assessor, { bodyId: ASHFORD.bodyId, rung: 1, days: 10, reason: 'Pilot' }, { clock });
    await actOnCase(db, assessor, ashfordCase, { action: 'escalate', reason: 'r' }, { clock });
    await actOnCase(db, assessor, ashfordCase, { action: 'de_escalate', reason: 'back to the council' }, { clock });
    clock.advance(11 * DAY);
    expect((await escalateOverdue(db, system, { clock })).escalated).toEqual([ashfordCase]);
  });
});

describe('rung deadlines', () => {
  it("are the defaults until set for every council ('*') or one, the council's own winning", async () => {
    expect(await rungDeadlines(db, ASHFORD.bodyId)).toEqual(DEFAULT_RUNG_DEADLINE_DAYS);
    await setRungDeadline(db, assessor, { bodyId: '*', rung: 2, days: 60, reason: 'Faster support' }, { clock });
    await setRungDeadline(db, assessor, { bodyId: ASHFORD.bodyId, rung: 2, days: 45, reason: 'Pilot' }, { clock });
    expect(await rungDeadlines(db, ASHFORD.bodyId)).toEqual({ ...DEFAULT_RUNG_DEADLINE_DAYS, 2: 45 });
    expect(await rungDeadlines(db, BARTON.bodyId)).toEqual({ ...DEFAULT_RUNG_DEADLINE_DAYS, 2: 60 });
  });

  it('refuses a council setting its own, and bad values, naming each field', async () => {
    await expect(
      setRungDeadline(db, officer, { bodyId: ASHFORD.bodyId, rung: 1, days: 400, reason: 'r' }, { clock }),
    ).rejects.toThrow(ForbiddenError);
    const attempt = setRungDeadline(db, assessor, { bodyId: 'nowhere', rung: 4, days: 0, reason: '' }, { clock });
    await expect(attempt).rejects.toThrow(ValidationError);
    await attempt.catch((e: ValidationError) =>
      expect(e.details.map((d) => d.field)).toEqual(['bodyId', 'rung', 'days', 'reason']),
    );
    expect(await rungDeadlines(db, ASHFORD.bodyId)).toEqual(DEFAULT_RUNG_DEADLINE_DAYS);
  });
});
