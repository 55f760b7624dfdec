/** What a case page says after a change was made, chosen by a fixed name in the address. */
import type { CaseDoneNotice, TriggersDoneNotice } from '../urls.ts';

const CASE_DONE: Record<CaseDoneNotice, string> = {
  acknowledge: 'The case has been acknowledged and its owner named.',
  add_action_plan: 'The action plan has been saved.',
  escalate: 'The case has been escalated. Its new rung has a new deadline.',
  de_escalate: 'The case has been de-escalated. Its new rung has a new deadline.',
  close: 'The case has been closed.',
};

const TRIGGERS_DONE: Record<TriggersDoneNotice, string> = {
  'version-added': 'The new version of the rule is in force. The triggers are run again with it.',
};

const pick = <K extends string>(table: Record<K, string>, raw: unknown): string | undefined =>
  typeof raw === 'string' && Object.hasOwn(table, raw) ? table[raw as K] : undefined;

export const caseDoneText = (raw: unknown): string | undefined => pick(CASE_DONE, raw);
export const triggersDoneText = (raw: unknown): string | undefined => pick(TRIGGERS_DONE, raw);
