/**
 * Cases on the ladder of response: the typed table of what each action may do, and the pure function
 * that applies one to a case or refuses it in words.
 *
 * Entering a rung (opening, escalating, de-escalating) leaves the case open on that rung with no owner
 * and no plan, and a deadline of the rung's days from now: each rung has its own owner (the council's
 * scrutiny, the partnership giving support, government) who must acknowledge the case and plan for it
 * there. The earlier owner and plan stay in the case's events. Acknowledging again names a new owner
 * without losing the plan.
 */
import { OPEN_CASE_STATES, type CaseAction, type CaseState, type Rung } from '../improvement.types.ts';

/** What a request must carry besides the action. */
export type RequiredField = 'reason' | 'ownerName' | 'actionPlan';

export interface CaseTransition {
  /** from each state the action may leave (or 'new', for opening), the state it leads to */
  moves: Partial<Record<CaseState | 'new', CaseState>>;
  /** fields a person's request must carry */
  needs: readonly RequiredField[];
  /** who may take it: the system (the trigger engine, the deadline run), people, or both */
  by: 'system' | 'people' | 'both';
  /** +1 up a rung, −1 down a rung, 0 none */
  rungChange: -1 | 0 | 1;
  /** entering a rung: the deadline becomes now + that rung's days */
  restartsDeadline: boolean;
  /** what it does, in words */
  description: string;
}

const OPEN_STATES_STAY = { open: 'open', acknowledged: 'acknowledged', action_planned: 'action_planned' } as const;
const TO_OPEN = { open: 'open', acknowledged: 'open', action_planned: 'open' } as const;

export const CASE_TRANSITIONS: Record<CaseAction, CaseTransition> = {
  open: {
    moves: { new: 'open' },
    needs: [],
    by: 'system',
    rungChange: 0,
    restartsDeadline: true,
    description: 'A trigger fired: the case opens on the rule’s rung, awaiting an owner',
  },
  add_evidence: {
    moves: OPEN_STATES_STAY,
    needs: ['reason'],
    by: 'both',
    rungChange: 0,
    restartsDeadline: false,
    description: 'A trigger fired again, or someone adds evidence (in the reason); nothing else changes',
  },
  acknowledge: {
    moves: { open: 'acknowledged', acknowledged: 'acknowledged', action_planned: 'action_planned' },
    needs: ['ownerName'],
    by: 'people',
    rungChange: 0,
    restartsDeadline: false,
    description: 'Names the owner; again later to change the owner, keeping any plan',
  },
  add_action_plan: {
    moves: { acknowledged: 'action_planned', action_planned: 'action_planned' },
    needs: ['actionPlan'],
    by: 'people',
    rungChange: 0,
    restartsDeadline: false,
    description: 'Records the owner’s plan, or a revised plan',
  },
  escalate: {
    moves: TO_OPEN,
    needs: ['reason'],
    by: 'both',
    rungChange: 1,
    restartsDeadline: true,
    description:
      'Up a rung, by a person with a reason, or by the system when the deadline passed without improvement; open on the new rung awaiting its owner',
  },
  de_escalate: {
    moves: TO_OPEN,
    needs: ['reason'],
    by: 'people',
    rungChange: -1,
    restartsDeadline: true,
    description: 'Down a rung with a reason; open on the lower rung awaiting its owner',
  },
  close_recovered: {
    moves: { open: 'closed_recovered', acknowledged: 'closed_recovered', action_planned: 'closed_recovered' },
    needs: [],
    by: 'both',
    rungChange: 0,
    restartsDeadline: false,
    description: 'Closes the case when its rules have not fired for the periods they need',
  },
  close: {
    moves: { open: 'closed', acknowledged: 'closed', action_planned: 'closed' },
    needs: ['reason'],
    by: 'people',
    rungChange: 0,
    restartsDeadline: false,
    description: 'Closes the case for the reasons given',
  },
};

/** A case in a state, as the start of a sentence: "A case closed as recovered". */
export const STATE_SUBJECT: Record<CaseState, string> = {
  open: 'An open case awaiting an owner',
  acknowledged: 'An acknowledged case',
  action_planned: 'A case with an action plan',
  closed_recovered: 'A case closed as recovered',
  closed: 'A closed case',
};

/** The action as the end of "A case … cannot be …". */
export const ACTION_PASSIVE: Record<CaseAction, string> = {
  open: 'opened again',
  add_evidence: 'given new evidence',
  acknowledge: 'acknowledged',
  add_action_plan: 'given an action plan',
  escalate: 'escalated',
  de_escalate: 'de-escalated',
  close_recovered: 'closed as recovered',
  close: 'closed',
};

/** The action as the subject of "… needs a reason". */
export const ACTION_GERUND: Record<CaseAction, string> = {
  open: 'Opening',
  add_evidence: 'Adding evidence',
  acknowledge: 'Acknowledging',
  add_action_plan: 'Adding an action plan',
  escalate: 'Escalating',
  de_escalate: 'De-escalating',
  close_recovered: 'Closing as recovered',
  close: 'Closing',
};

export const REQUIRED_FIELD_NAMES: Record<RequiredField, string> = {
  reason: 'a reason',
  ownerName: 'the owner’s name or post',
  actionPlan: 'the action plan',
};

/** The longest each text may be, in characters: a post or name, a reason, a plan. */
export const MAX_TEXT_LENGTH: Record<RequiredField, number> = { ownerName: 200, reason: 2000, actionPlan: 10_000 };

export const TEXT_FIELD_NAMES: Record<RequiredField, string> = {
  reason: 'The reason',
  ownerName: 'The owner’s name or post',
  actionPlan: 'The action plan',
};

export function isOpenState(state: CaseState): boolean {
  return OPEN_CASE_STATES.includes(state);
}

export function nextRung(rung: Rung, change: -1 | 0 | 1): Rung | null {
  const r = rung + change;
  return r === 1 || r === 2 || r === 3 ? r : null;
}

/** now + days, as an ISO instant. */
export function deadlineFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}
