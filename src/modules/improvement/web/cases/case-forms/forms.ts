/**
 * The owner's forms on a case page: the actions a person may take from where the case stands
 * (acknowledge naming its owner, add or revise the action plan, escalate, de-escalate, close with
 * reasons), each a form of its own sent to POST /cases/:id/actions, and what was sent to them.
 */
import { type FormErrors, sentText } from '../../../../../platform/web/index.ts';
import { MAX_CASE_TEXT } from '../../../cases/index.ts';
import type { CaseAction, Rung } from '../../../improvement.types.ts';
import { caseUrls } from '../urls.ts';

/** The actions a person takes on a page; the others (open, add evidence, close as recovered) are the triggers'. */
export const PERSON_ACTIONS = ['acknowledge', 'add_action_plan', 'escalate', 'de_escalate', 'close'] as const;
export type PersonAction = (typeof PERSON_ACTIONS)[number];
export const isPersonAction = (value: string): value is PersonAction => (PERSON_ACTIONS as readonly string[]).includes(value);

/** The one field each action's form takes. */
export const ACTION_FIELD: Record<PersonAction, 'ownerName' | 'actionPlan' | 'reason'> = {
  acknowledge: 'ownerName',
  add_action_plan: 'actionPlan',
  escalate: 'reason',
  de_escalate: 'reason',
  close: 'reason',
};

/** Each field's label, and the longest text it takes (as the cases service has it). */
export const FIELD_LABELS = { ownerName: 'Owner', actionPlan: 'Action plan', reason: 'Why' } as const;
export const FIELD_MAX = MAX_CASE_TEXT;

/** The rung an action moves a case to. */
export function toRungOf(action: CaseAction, rung: Rung): Rung {
  if (action === 'escalate') return Math.min(3, rung + 1) as Rung;
  if (action === 'de_escalate') return Math.max(1, rung - 1) as Rung;
  return rung;
}

/** The id of an action's field on the page (every form is on the one page). */
export const fieldId = (action: PersonAction): string => `${action}-${ACTION_FIELD[action]}`;

export interface ActionSent {
  action: string;
  value: string;
}

export function actionSent(body: unknown): ActionSent {
  const action = sentText(body, 'action');
  const field = isPersonAction(action) ? ACTION_FIELD[action] : 'reason';
  return { action, value: sentText(body, field).trim() };
}

/** What is wrong with a sent form before the case is asked: a blank or overlong field. */
export function checkSent(sent: ActionSent & { action: PersonAction }): { field: string; text: string } | null {
  const field = ACTION_FIELD[sent.action];
  const label = FIELD_LABELS[field];
  if (sent.value === '') return { field: fieldId(sent.action), text: `${label} is required: ${BLANK_HINT[sent.action]}.` };
  if (sent.value.length > FIELD_MAX[field])
    return {
      field: fieldId(sent.action),
      text: `${label}: “${sent.value.slice(0, 40)}…” is longer than ${FIELD_MAX[field].toLocaleString('en-GB')} characters.`,
    };
  return null;
}

const BLANK_HINT: Record<PersonAction, string> = {
  acknowledge: 'enter the post or name that owns the case',
  add_action_plan: 'enter what will be done, by whom and by when',
  escalate: 'enter why the case goes up the ladder',
  de_escalate: 'enter why the case comes down the ladder',
  close: 'enter why the case is closed',
};

export interface ActionFormView {
  action: PersonAction;
  id: string;
  heading: string;
  intro: string;
  button: string;
  field: { id: string; name: string; label: string; hint: string; value: string; multiline: boolean; error?: { text: string } };
}

export interface CaseFormsView {
  formAction: string;
  csrfToken: string;
  forms: ActionFormView[];
}

export interface FormsInput {
  caseId: number;
  rung: Rung;
  ownerName: string | null;
  actionPlan: string | null;
  /** what the table allows from here */
  nextActions: readonly CaseAction[];
  /** may this person take the action (accounts' act_on_case with the rung it goes to) */
  may: (action: PersonAction, toRung: Rung) => boolean;
  csrfToken: string;
  sent?: ActionSent;
  errors?: FormErrors;
}

function formOf(action: PersonAction, input: FormsInput): ActionFormView {
  const to = toRungOf(action, input.rung);
  const field = ACTION_FIELD[action];
  const id = fieldId(action);
  const sent = input.sent?.action === action ? input.sent.value : undefined;
  const error = input.errors?.fields[id];
  const base = { action, id: `form-${action}` };
  const text = (label: string, hint: string, value: string | null, multiline: boolean) => ({
    id,
    name: field,
    label,
    hint,
    value: sent ?? value ?? '',
    multiline,
    ...(error ? { error } : {}),
  });
  switch (action) {
    case 'acknowledge':
      return {
        ...base,
        heading: 'Acknowledge the case',
        intro: 'Say who owns the case. The owner is shown publicly: give a post, or a name the council is content to publish.',
        button: 'Acknowledge the case',
        field: text(FIELD_LABELS.ownerName, 'For example, Head of Waste Services', input.ownerName, false),
      };
    case 'add_action_plan':
      return {
        ...base,
        heading: input.actionPlan ? 'Revise the action plan' : 'Add an action plan',
        intro: 'What will be done to bring performance back on track, by whom and by when. It is shown publicly.',
        button: input.actionPlan ? 'Save the revised plan' : 'Add the action plan',
        field: text(FIELD_LABELS.actionPlan, 'One step a line', input.actionPlan, true),
      };
    case 'escalate':
      return {
        ...base,
        heading: `Escalate to rung ${to}`,
        intro: 'Move the case up the ladder of response when the support on this rung is not enough.',
        button: `Escalate to rung ${to}`,
        field: text(FIELD_LABELS.reason, 'Why the case goes up the ladder; shown in its timeline', null, true),
      };
    case 'de_escalate':
      return {
        ...base,
        heading: `De-escalate to rung ${to}`,
        intro: 'Move the case down the ladder when the council can carry it on with less support.',
        button: `De-escalate to rung ${to}`,
        field: text(FIELD_LABELS.reason, 'Why the case comes down the ladder; shown in its timeline', null, true),
      };
    case 'close':
      return {
        ...base,
        heading: 'Close the case',
        intro:
          'Close the case for a reason other than recovery (a case closes as recovered by itself when the triggers stop firing).',
        button: 'Close the case',
        field: text(FIELD_LABELS.reason, 'Why the case is closed; shown on its page', null, true),
      };
  }
}

/** The forms this person may use from where the case stands; none for anyone else. */
export function caseFormsView(input: FormsInput): CaseFormsView {
  const forms = PERSON_ACTIONS.filter((a) => input.nextActions.includes(a) && input.may(a, toRungOf(a, input.rung))).map((a) =>
    formOf(a, input),
  );
  return { formAction: caseUrls.actions(input.caseId), csrfToken: input.csrfToken, forms };
}
