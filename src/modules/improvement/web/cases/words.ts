/** The words the case pages use for states, rungs, actions, deadlines and dates. */
import {
  CASE_STATE_NAMES,
  type CaseAction,
  type CaseState,
  OPEN_CASE_STATES,
  type Rung,
  RUNG_NAMES,
  TRIGGER_KIND_NAMES,
} from '../../improvement.types.ts';
import { dateInWords, instantInWords } from '../../../../platform/web/index.ts';

export { dateInWords, instantInWords };

export interface Tag {
  text: string;
  /** a govuk-tag colour class: the words say the state, the colour only repeats them */
  classes: string;
}

const STATE_CLASSES: Record<CaseState, string> = {
  open: 'govuk-tag--red',
  acknowledged: 'govuk-tag--orange',
  action_planned: 'govuk-tag--yellow',
  closed_recovered: 'govuk-tag--green',
  closed: 'govuk-tag--grey',
};

export const stateTag = (state: CaseState): Tag => ({ text: CASE_STATE_NAMES[state], classes: STATE_CLASSES[state] });

const RUNG_CLASSES: Record<Rung, string> = { 1: 'govuk-tag--blue', 2: 'govuk-tag--purple', 3: 'govuk-tag--pink' };

/** "Rung 2: Sector and partnership support …" in a tag's words. */
export const rungTag = (rung: Rung): Tag => ({ text: `Rung ${rung}`, classes: RUNG_CLASSES[rung] });
export const rungInWords = (rung: Rung): string => `Rung ${rung}: ${RUNG_NAMES[rung]}`;

export const isOpen = (state: CaseState): boolean => OPEN_CASE_STATES.includes(state);

/** A rule kind's name; a later source's own kind as it is written, readably. */
export function kindInWords(kind: string): string {
  if (Object.hasOwn(TRIGGER_KIND_NAMES, kind)) return TRIGGER_KIND_NAMES[kind as keyof typeof TRIGGER_KIND_NAMES];
  const words = kind.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ACTION_WORDS: Record<CaseAction, string> = {
  open: 'Opened',
  add_evidence: 'Evidence added',
  acknowledge: 'Acknowledged',
  add_action_plan: 'Action plan added',
  escalate: 'Escalated',
  de_escalate: 'De-escalated',
  close_recovered: 'Closed as recovered',
  close: 'Closed',
};

export const actionInWords = (action: CaseAction): string => ACTION_WORDS[action];

const DAY_MS = 86_400_000;

/**
 * A case's deadline in words, overdue said in words: '30 June 2025', '30 June 2025 (overdue by 3
 * days)'. A closed case's deadline no longer runs.
 */
export function deadlineInWords(deadline: string, state: CaseState, now: Date): { text: string; overdue: boolean } {
  const day = dateInWords(deadline);
  const late = new Date(deadline).getTime() < now.getTime();
  if (!isOpen(state) || !late) return { text: day, overdue: false };
  const days = Math.floor((now.getTime() - new Date(deadline).getTime()) / DAY_MS);
  return { text: `${day} (overdue${days >= 1 ? ` by ${plural(days, 'day')}` : ''})`, overdue: true };
}

/** '1 case', '3 cases' */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** 'openAtRung' → 'Open at rung'; 'ciLower' → 'Ci lower' becomes 'CI lower'. */
export function keyInWords(key: string): string {
  const words = key
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\bci\b/g, 'CI');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
