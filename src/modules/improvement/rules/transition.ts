/**
 * Apply an action to a case, by the table in transitions.ts, or refuse it with a message that names the
 * action and the case's state or rung. Pure: the time, the rung deadlines, whether the indicator has
 * improved and whether the case has recovered are all in `facts`.
 */
import {
  CASE_ACTIONS,
  DEFAULT_RUNG_DEADLINE_DAYS,
  type CaseAction,
  type CaseSnapshot,
  type TransitionFacts,
  type TransitionRequest,
  type TransitionResult,
} from '../improvement.types.ts';
import {
  ACTION_GERUND,
  ACTION_PASSIVE,
  CASE_TRANSITIONS,
  MAX_TEXT_LENGTH,
  REQUIRED_FIELD_NAMES,
  TEXT_FIELD_NAMES,
  STATE_SUBJECT,
  deadlineFrom,
  nextRung,
  type RequiredField,
} from './transitions.ts';
import { dateWords, plural } from './words.ts';

const refuse = (message: string): TransitionResult => ({ ok: false, message });

function text(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function open(request: TransitionRequest, facts: TransitionFacts): TransitionResult {
  const rung = request.rung ?? 1;
  if (rung !== 1 && rung !== 2 && rung !== 3) return refuse(`A case opens on rung 1, 2 or 3, not ${String(rung)}`);
  const next: CaseSnapshot = {
    state: 'open',
    rung,
    ownerName: null,
    actionPlan: null,
    deadline: deadlineFrom(facts.now, facts.deadlineDays[rung]),
    rungEnteredAt: facts.now.toISOString(),
    closedReason: null,
  };
  return { ok: true, next, fromState: 'open', toState: 'open', fromRung: rung, toRung: rung };
}

/** A text given that is longer than it may be (whether the action needs it or not). */
function tooLong(request: TransitionRequest): string | null {
  for (const field of ['ownerName', 'reason', 'actionPlan'] as const) {
    const length = [...(text(request[field]) ?? '')].length;
    if (length > MAX_TEXT_LENGTH[field]) {
      return `${TEXT_FIELD_NAMES[field]} must be at most ${MAX_TEXT_LENGTH[field].toLocaleString('en-GB')} characters; this one has ${length.toLocaleString('en-GB')}`;
    }
  }
  return null;
}

function missingField(request: TransitionRequest): RequiredField | null {
  const rule = CASE_TRANSITIONS[request.action];
  for (const field of rule.needs) {
    if (field === 'reason' && request.automatic) continue;
    if (!text(request[field])) return field;
  }
  return null;
}

/** The refusal of an automatic escalation, or null when the system may escalate. */
function automaticRefusal(snapshot: CaseSnapshot, facts: TransitionFacts): string | null {
  if (facts.now.getTime() <= Date.parse(snapshot.deadline)) {
    return `This case’s deadline (${dateWords(snapshot.deadline)}) has not passed: it is escalated automatically only after it`;
  }
  if (facts.improvedSinceRungEntered === true) {
    return `The case has improved since it entered rung ${snapshot.rung} on ${dateWords(snapshot.rungEnteredAt)}: it is not escalated automatically`;
  }
  return null;
}

function recoveryRefusal(facts: TransitionFacts): string | null {
  const recovery = facts.recovery;
  if (!recovery) return 'Closing as recovered needs its rules judged again on the latest figures; there is no judgement yet';
  if (recovery.clearPeriods >= recovery.needed) return null;
  const had = recovery.clearPeriods === 1 ? 'there has been 1' : `there have been ${recovery.clearPeriods}`;
  return `Closing as recovered needs ${plural(recovery.needed, 'clear period')}; ${had}`;
}

/** Why `request` may not be applied to `snapshot`, or null when it may. */
function refusalOf(snapshot: CaseSnapshot, request: TransitionRequest, facts: TransitionFacts): string | null {
  const { action } = request;
  const rule = CASE_TRANSITIONS[action];
  if (action === 'open') return 'This case is already open: a case is opened only once';
  if (request.automatic && rule.by === 'people') return `${ACTION_GERUND[action]} is done by people, not automatically`;
  if (!request.automatic && rule.by === 'system') return `${ACTION_GERUND[action]} is done only automatically`;
  if (rule.moves[snapshot.state] === undefined) {
    const hint = action === 'add_action_plan' && snapshot.state === 'open' ? ': an owner must acknowledge it first' : '';
    return `${STATE_SUBJECT[snapshot.state]} cannot be ${ACTION_PASSIVE[action]}${hint}`;
  }
  if (nextRung(snapshot.rung, rule.rungChange) === null) {
    return `A case on rung ${snapshot.rung} cannot be ${ACTION_PASSIVE[action]} further`;
  }
  const missing = missingField(request);
  if (missing) return `${ACTION_GERUND[action]} needs ${REQUIRED_FIELD_NAMES[missing]}`;
  // the system's own words (a firing's summary) are not a person's input to limit
  const long = request.automatic ? null : tooLong(request);
  if (long) return long;
  if (action === 'escalate' && request.automatic) return automaticRefusal(snapshot, facts);
  if (action === 'close_recovered') return recoveryRefusal(facts);
  return null;
}

function applied(snapshot: CaseSnapshot, request: TransitionRequest, facts: TransitionFacts): CaseSnapshot {
  const rule = CASE_TRANSITIONS[request.action];
  const rung = nextRung(snapshot.rung, rule.rungChange)!;
  const next: CaseSnapshot = { ...snapshot, state: rule.moves[snapshot.state]!, rung };
  if (rule.restartsDeadline) {
    next.deadline = deadlineFrom(facts.now, facts.deadlineDays[rung]);
    next.rungEnteredAt = facts.now.toISOString();
    next.ownerName = null;
    next.actionPlan = null;
  }
  if (request.action === 'acknowledge') next.ownerName = text(request.ownerName);
  if (request.action === 'add_action_plan') next.actionPlan = text(request.actionPlan);
  if (request.action === 'close') next.closedReason = text(request.reason);
  if (request.action === 'close_recovered') next.closedReason = text(request.reason) ?? facts.recovery?.summary ?? null;
  return next;
}

/**
 * The case after `request`, or a refusal in words. `snapshot` is null only for opening a case. The
 * system's requests carry `automatic: true` (opening, adding a firing's evidence, escalating after the
 * deadline, closing on recovery); people's do not.
 */
export function transition(snapshot: CaseSnapshot | null, request: TransitionRequest, facts: TransitionFacts): TransitionResult {
  if (!(CASE_ACTIONS as readonly string[]).includes(request.action)) {
    return refuse(`“${String(request.action)}” is not an action on a case; the actions are ${CASE_ACTIONS.join(', ')}`);
  }
  if (snapshot === null) {
    return request.action === 'open'
      ? open(request, facts)
      : refuse(`There is no case to be ${ACTION_PASSIVE[request.action]}: a case is first opened by a trigger`);
  }
  const refusal = refusalOf(snapshot, request, facts);
  if (refusal) return refuse(refusal);
  const next = applied(snapshot, request, facts);
  return { ok: true, next, fromState: snapshot.state, toState: next.state, fromRung: snapshot.rung, toRung: next.rung };
}

/**
 * What people may do to the case now, for its forms: every action taken by people whose state and rung
 * allow it (with its fields filled in); closing as recovered only when `facts` show the recovery.
 */
export function allowedActions(snapshot: CaseSnapshot, facts?: TransitionFacts): CaseAction[] {
  const judged: TransitionFacts = facts ?? {
    now: new Date(snapshot.rungEnteredAt),
    deadlineDays: DEFAULT_RUNG_DEADLINE_DAYS,
    improvedSinceRungEntered: null,
    recovery: null,
  };
  const filled = { reason: 'r', ownerName: 'o', actionPlan: 'p' };
  return CASE_ACTIONS.filter(
    (action) => CASE_TRANSITIONS[action].by !== 'system' && refusalOf(snapshot, { action, ...filled }, judged) === null,
  );
}
