import { describe, expect, it } from 'vitest';
import { allowedActions, transition } from './transition.ts';
import { CASE_TRANSITIONS } from './transitions.ts';
import {
  CASE_ACTIONS,
  CASE_STATES,
  type CaseSnapshot,
  type CaseState,
  type Rung,
  type TransitionFacts,
  type TransitionRequest,
} from '../improvement.types.ts';

const DAY = 86_400_000;
const entered = '2026-12-12T09:00:00.000Z';
const deadline = '2027-03-12T09:00:00.000Z';
const before = new Date('2027-01-10T09:00:00Z');
const after = new Date('2027-03-13T09:00:00Z');

function snapshot(state: CaseState, rung: Rung = 1): CaseSnapshot {
  const owned = state !== 'open';
  return {
    state,
    rung,
    ownerName: owned ? 'Head of waste services' : null,
    actionPlan: state === 'action_planned' ? 'Weekly food waste collections from April' : null,
    deadline,
    rungEnteredAt: entered,
    closedReason: state === 'closed' ? 'Merged into another case' : null,
  };
}

const facts = (over: Partial<TransitionFacts> = {}): TransitionFacts => ({
  now: before,
  deadlineDays: { 1: 90, 2: 120, 3: 180 },
  improvedSinceRungEntered: null,
  recovery: null,
  ...over,
});
const recovered = (clearPeriods: number, needed: number) => ({
  recovery: { clearPeriods, needed, summary: `No rule has fired for ${clearPeriods} periods` },
});
const inDays = (from: Date, days: number) => new Date(from.getTime() + days * DAY).toISOString();

interface Row {
  from: CaseSnapshot | null;
  request: TransitionRequest;
  facts?: Partial<TransitionFacts>;
  /** the case after (the fields that matter), or the refusal */
  to?: Partial<CaseSnapshot>;
  refused?: string;
}

const reason = 'No improvement after two quarters';

const rows: Record<string, Row> = {
  // open
  'open a new case: open on rung 1, no owner, deadline 90 days on': {
    from: null,
    request: { action: 'open', automatic: true },
    to: { state: 'open', rung: 1, ownerName: null, deadline: inDays(before, 90), rungEnteredAt: before.toISOString() },
  },
  'open a new case on rung 2 when its rule says so: 120 days': {
    from: null,
    request: { action: 'open', rung: 2, automatic: true },
    to: { state: 'open', rung: 2, deadline: inDays(before, 120) },
  },
  'open on rung 4: refused': {
    from: null,
    request: { action: 'open', rung: 4 as Rung },
    refused: 'A case opens on rung 1, 2 or 3, not 4',
  },
  'open a case that exists: refused': {
    from: snapshot('open'),
    request: { action: 'open', automatic: true },
    refused: 'This case is already open: a case is opened only once',
  },
  'escalate a case that does not exist: refused': {
    from: null,
    request: { action: 'escalate', reason },
    refused: 'There is no case to be escalated: a case is first opened by a trigger',
  },
  'an action that is not one: refused, listing the actions': {
    from: snapshot('open'),
    request: { action: 'reopen' as never },
    refused:
      '“reopen” is not an action on a case; the actions are open, add_evidence, acknowledge, add_action_plan, escalate, de_escalate, close_recovered, close',
  },
  // add_evidence
  'a firing adds evidence to an open case: nothing else changes': {
    from: snapshot('open'),
    request: { action: 'add_evidence', automatic: true },
    to: snapshot('open'),
  },
  'a firing adds evidence to a case with a plan: still planned, same deadline': {
    from: snapshot('action_planned'),
    request: { action: 'add_evidence', automatic: true },
    to: snapshot('action_planned'),
  },
  'a person adds evidence with words: accepted': {
    from: snapshot('acknowledged'),
    request: { action: 'add_evidence', reason: 'Q3 tonnage report attached to the scrutiny minutes' },
    to: snapshot('acknowledged'),
  },
  'a firing’s summary longer than a person’s reason may be: accepted, the system’s words are not limited': {
    from: snapshot('open'),
    request: { action: 'add_evidence', automatic: true, reason: 'x'.repeat(5000) },
    to: snapshot('open'),
  },
  'a person adds evidence without words: refused': {
    from: snapshot('acknowledged'),
    request: { action: 'add_evidence' },
    refused: 'Adding evidence needs a reason',
  },
  'evidence for a case closed as recovered: refused': {
    from: snapshot('closed_recovered'),
    request: { action: 'add_evidence', automatic: true },
    refused: 'A case closed as recovered cannot be given new evidence',
  },
  'evidence for a closed case: refused': {
    from: snapshot('closed'),
    request: { action: 'add_evidence', automatic: true },
    refused: 'A closed case cannot be given new evidence',
  },
  // acknowledge
  'acknowledge an open case naming the owner: acknowledged': {
    from: snapshot('open'),
    request: { action: 'acknowledge', ownerName: '  Director of Place ' },
    to: { state: 'acknowledged', ownerName: 'Director of Place', deadline },
  },
  'acknowledge again to change the owner: still acknowledged': {
    from: snapshot('acknowledged'),
    request: { action: 'acknowledge', ownerName: 'Director of Place' },
    to: { state: 'acknowledged', ownerName: 'Director of Place' },
  },
  'change the owner of a case with a plan: the plan stays': {
    from: snapshot('action_planned'),
    request: { action: 'acknowledge', ownerName: 'Director of Place' },
    to: { state: 'action_planned', ownerName: 'Director of Place', actionPlan: 'Weekly food waste collections from April' },
  },
  'acknowledge without an owner: refused': {
    from: snapshot('open'),
    request: { action: 'acknowledge' },
    refused: 'Acknowledging needs the owner’s name or post',
  },
  'acknowledge with a blank owner: refused': {
    from: snapshot('open'),
    request: { action: 'acknowledge', ownerName: '   ' },
    refused: 'Acknowledging needs the owner’s name or post',
  },
  'acknowledge a closed case: refused': {
    from: snapshot('closed'),
    request: { action: 'acknowledge', ownerName: 'Director of Place' },
    refused: 'A closed case cannot be acknowledged',
  },
  'the system acknowledging: refused, it is for people': {
    from: snapshot('open'),
    request: { action: 'acknowledge', ownerName: 'system', automatic: true },
    refused: 'Acknowledging is done by people, not automatically',
  },
  'an owner’s name of 201 characters: refused': {
    from: snapshot('open'),
    request: { action: 'acknowledge', ownerName: 'x'.repeat(201) },
    refused: 'The owner’s name or post must be at most 200 characters; this one has 201',
  },
  'an owner’s name of 200 characters: accepted': {
    from: snapshot('open'),
    request: { action: 'acknowledge', ownerName: 'x'.repeat(200) },
    to: { state: 'acknowledged', ownerName: 'x'.repeat(200) },
  },
  // add_action_plan
  'a plan for an acknowledged case: action planned': {
    from: snapshot('acknowledged'),
    request: { action: 'add_action_plan', actionPlan: 'Weekly food waste collections from April' },
    to: { state: 'action_planned', actionPlan: 'Weekly food waste collections from April' },
  },
  'a revised plan: still planned, the new plan': {
    from: snapshot('action_planned'),
    request: { action: 'add_action_plan', actionPlan: 'Also a garden waste round' },
    to: { state: 'action_planned', actionPlan: 'Also a garden waste round' },
  },
  'a plan before anyone owns the case: refused, acknowledge first': {
    from: snapshot('open'),
    request: { action: 'add_action_plan', actionPlan: 'Something' },
    refused: 'An open case awaiting an owner cannot be given an action plan: an owner must acknowledge it first',
  },
  'a plan without its text: refused': {
    from: snapshot('acknowledged'),
    request: { action: 'add_action_plan', actionPlan: '' },
    refused: 'Adding an action plan needs the action plan',
  },
  'a plan for a case closed as recovered: refused': {
    from: snapshot('closed_recovered'),
    request: { action: 'add_action_plan', actionPlan: 'Something' },
    refused: 'A case closed as recovered cannot be given an action plan',
  },
  // escalate, by a person
  'escalate from rung 1 with a reason: open on rung 2 awaiting its owner, 120 days': {
    from: snapshot('action_planned'),
    request: { action: 'escalate', reason },
    to: {
      state: 'open',
      rung: 2,
      ownerName: null,
      actionPlan: null,
      deadline: inDays(before, 120),
      rungEnteredAt: before.toISOString(),
    },
  },
  'escalate from rung 2: rung 3, 180 days': {
    from: snapshot('acknowledged', 2),
    request: { action: 'escalate', reason },
    to: { state: 'open', rung: 3, deadline: inDays(before, 180) },
  },
  'escalate without a reason: refused': {
    from: snapshot('acknowledged'),
    request: { action: 'escalate' },
    refused: 'Escalating needs a reason',
  },
  'escalate from rung 3: refused': {
    from: snapshot('acknowledged', 3),
    request: { action: 'escalate', reason },
    refused: 'A case on rung 3 cannot be escalated further',
  },
  'escalate a case closed as recovered: refused': {
    from: snapshot('closed_recovered'),
    request: { action: 'escalate', reason },
    refused: 'A case closed as recovered cannot be escalated',
  },
  'escalate a closed case: refused': {
    from: snapshot('closed', 2),
    request: { action: 'escalate', reason },
    refused: 'A closed case cannot be escalated',
  },
  // escalate, automatically
  'after the deadline, not improved: escalated to rung 2': {
    from: snapshot('action_planned'),
    request: { action: 'escalate', automatic: true },
    facts: { now: after, improvedSinceRungEntered: false },
    to: { state: 'open', rung: 2, deadline: inDays(after, 120), rungEnteredAt: after.toISOString() },
  },
  'after the deadline, nothing to compare: escalated': {
    from: snapshot('open'),
    request: { action: 'escalate', automatic: true },
    facts: { now: after, improvedSinceRungEntered: null },
    to: { state: 'open', rung: 2 },
  },
  'after the deadline on rung 2: escalated to rung 3': {
    from: snapshot('acknowledged', 2),
    request: { action: 'escalate', automatic: true },
    facts: { now: after, improvedSinceRungEntered: false },
    to: { state: 'open', rung: 3, deadline: inDays(after, 180) },
  },
  'before the deadline: refused': {
    from: snapshot('acknowledged'),
    request: { action: 'escalate', automatic: true },
    refused: 'This case’s deadline (12 March 2027) has not passed: it is escalated automatically only after it',
  },
  'at the deadline itself: refused, it must have passed': {
    from: snapshot('acknowledged'),
    request: { action: 'escalate', automatic: true },
    facts: { now: new Date(deadline) },
    refused: 'This case’s deadline (12 March 2027) has not passed: it is escalated automatically only after it',
  },
  'after the deadline but improved since the rung was entered: refused': {
    from: snapshot('action_planned'),
    request: { action: 'escalate', automatic: true },
    facts: { now: after, improvedSinceRungEntered: true },
    refused: 'The case has improved since it entered rung 1 on 12 December 2026: it is not escalated automatically',
  },
  'after the deadline on rung 3: refused': {
    from: snapshot('acknowledged', 3),
    request: { action: 'escalate', automatic: true },
    facts: { now: after, improvedSinceRungEntered: false },
    refused: 'A case on rung 3 cannot be escalated further',
  },
  'after the deadline, a closed case: refused': {
    from: snapshot('closed'),
    request: { action: 'escalate', automatic: true },
    facts: { now: after },
    refused: 'A closed case cannot be escalated',
  },
  // de_escalate
  'de-escalate from rung 2 with a reason: open on rung 1, 90 days': {
    from: snapshot('action_planned', 2),
    request: { action: 'de_escalate', reason: 'Peer review found the plan sound' },
    to: { state: 'open', rung: 1, ownerName: null, actionPlan: null, deadline: inDays(before, 90) },
  },
  'de-escalate from rung 1: refused': {
    from: snapshot('acknowledged'),
    request: { action: 'de_escalate', reason },
    refused: 'A case on rung 1 cannot be de-escalated further',
  },
  'de-escalate without a reason: refused': {
    from: snapshot('acknowledged', 2),
    request: { action: 'de_escalate', reason: ' ' },
    refused: 'De-escalating needs a reason',
  },
  'de-escalate a closed case: refused': {
    from: snapshot('closed', 2),
    request: { action: 'de_escalate', reason },
    refused: 'A closed case cannot be de-escalated',
  },
  'the system de-escalating: refused': {
    from: snapshot('acknowledged', 2),
    request: { action: 'de_escalate', reason, automatic: true },
    refused: 'De-escalating is done by people, not automatically',
  },
  // close_recovered
  'two clear periods of two: closed as recovered, the recovery as the reason': {
    from: snapshot('action_planned'),
    request: { action: 'close_recovered', automatic: true },
    facts: recovered(2, 2),
    to: { state: 'closed_recovered', closedReason: 'No rule has fired for 2 periods' },
  },
  'three clear periods of two, by a person: closed as recovered': {
    from: snapshot('open', 2),
    request: { action: 'close_recovered' },
    facts: recovered(3, 2),
    to: { state: 'closed_recovered', rung: 2 },
  },
  'one clear period of two: refused': {
    from: snapshot('acknowledged'),
    request: { action: 'close_recovered', automatic: true },
    facts: recovered(1, 2),
    refused: 'Closing as recovered needs 2 clear periods; there has been 1',
  },
  'none of one: refused': {
    from: snapshot('acknowledged'),
    request: { action: 'close_recovered', automatic: true },
    facts: recovered(0, 1),
    refused: 'Closing as recovered needs 1 clear period; there have been 0',
  },
  'no recovery judged: refused': {
    from: snapshot('acknowledged'),
    request: { action: 'close_recovered' },
    refused: 'Closing as recovered needs its rules judged again on the latest figures; there is no judgement yet',
  },
  'close a closed case as recovered: refused': {
    from: snapshot('closed'),
    request: { action: 'close_recovered', automatic: true },
    facts: recovered(2, 2),
    refused: 'A closed case cannot be closed as recovered',
  },
  // close
  'close with reasons: closed, the reasons kept': {
    from: snapshot('acknowledged', 2),
    request: { action: 'close', reason: 'The service was transferred to the combined authority' },
    to: { state: 'closed', rung: 2, closedReason: 'The service was transferred to the combined authority' },
  },
  'close with reasons of 2,001 characters: refused': {
    from: snapshot('open'),
    request: { action: 'close', reason: 'x'.repeat(2001) },
    refused: 'The reason must be at most 2,000 characters; this one has 2,001',
  },
  'close without reasons: refused': {
    from: snapshot('open'),
    request: { action: 'close' },
    refused: 'Closing needs a reason',
  },
  'close a case closed as recovered: refused': {
    from: snapshot('closed_recovered'),
    request: { action: 'close', reason },
    refused: 'A case closed as recovered cannot be closed',
  },
  'the system closing with reasons: refused, it is for people': {
    from: snapshot('open'),
    request: { action: 'close', reason, automatic: true },
    refused: 'Closing is done by people, not automatically',
  },
};

describe('case transitions', () => {
  it.each(Object.entries(rows))('%s', (_, row) => {
    const result = transition(row.from, row.request, facts(row.facts));
    if (row.refused !== undefined) {
      expect(result).toEqual({ ok: false, message: row.refused });
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.next).toMatchObject(row.to!);
    expect(result.toState).toBe(result.next.state);
    expect(result.toRung).toBe(result.next.rung);
    if (row.from) {
      expect(result.fromState).toBe(row.from.state);
      expect(result.fromRung).toBe(row.from.rung);
    }
  });

  it('never changes the case it was given', () => {
    const before = snapshot('action_planned');
    const copy = structuredClone(before);
    transition(before, { action: 'escalate', reason }, facts());
    expect(before).toEqual(copy);
  });
});

describe('the transition table', () => {
  it('has every action, each leading only to known states', () => {
    expect(Object.keys(CASE_TRANSITIONS).sort()).toEqual([...CASE_ACTIONS].sort());
    for (const t of Object.values(CASE_TRANSITIONS)) {
      for (const to of Object.values(t.moves)) expect(CASE_STATES).toContain(to);
    }
  });

  it('restarts the deadline exactly when a rung is entered', () => {
    for (const [action, t] of Object.entries(CASE_TRANSITIONS)) {
      expect(t.restartsDeadline, action).toBe(action === 'open' || t.rungChange !== 0);
    }
  });

  it('leaves no way out of a closed state', () => {
    for (const t of Object.values(CASE_TRANSITIONS)) {
      expect(t.moves.closed).toBeUndefined();
      expect(t.moves.closed_recovered).toBeUndefined();
    }
  });
});

describe('what the forms may offer', () => {
  it.each<[string, CaseSnapshot, Partial<TransitionFacts> | undefined, string[]]>([
    ['an open case on rung 1', snapshot('open'), undefined, ['add_evidence', 'acknowledge', 'escalate', 'close']],
    [
      'an acknowledged case on rung 1',
      snapshot('acknowledged'),
      undefined,
      ['add_evidence', 'acknowledge', 'add_action_plan', 'escalate', 'close'],
    ],
    [
      'a case with a plan on rung 2',
      snapshot('action_planned', 2),
      undefined,
      ['add_evidence', 'acknowledge', 'add_action_plan', 'escalate', 'de_escalate', 'close'],
    ],
    [
      'an acknowledged case on rung 3: no further up',
      snapshot('acknowledged', 3),
      undefined,
      ['add_evidence', 'acknowledge', 'add_action_plan', 'de_escalate', 'close'],
    ],
    [
      'a recovered-enough case: closing as recovered too',
      snapshot('acknowledged'),
      recovered(2, 2),
      ['add_evidence', 'acknowledge', 'add_action_plan', 'escalate', 'close_recovered', 'close'],
    ],
    [
      'a case not yet recovered: no closing as recovered',
      snapshot('open'),
      recovered(1, 2),
      ['add_evidence', 'acknowledge', 'escalate', 'close'],
    ],
    ['a closed case: nothing', snapshot('closed'), undefined, []],
    ['a case closed as recovered: nothing', snapshot('closed_recovered'), recovered(5, 2), []],
  ])('%s', (_, snap, over, expected) => {
    expect(allowedActions(snap, over ? facts(over) : undefined)).toEqual(expected);
  });
});
