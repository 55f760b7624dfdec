/** What a plans page says after a change was made, chosen by a fixed name in the address. */
import type { PlanDoneNotice } from '../urls.ts';

const DONE_TEXT: Record<PlanDoneNotice, string> = {
  created: 'The plan has been created as a draft. Add its themes, priorities, targets and actions, then publish it.',
  'details-saved': 'The draft’s details have been saved.',
  'item-added': 'The item has been added to the draft.',
  'item-saved': 'The item has been saved in the draft.',
  'item-removed': 'The item has been removed from the draft.',
  published: 'The draft has been published. Statuses are being judged against the published figures.',
  'revision-started': 'A new draft has been started from the version in force. Published versions stay as they were.',
  'tolerance-changed':
    'The tolerance has been changed: a new rule version is in force. Statuses already recorded keep the rule they were judged by.',
  'progress-reported': 'The progress has been reported.',
  'progress-unchanged': 'The report was the same as the latest one, so nothing new was recorded.',
  imported: 'The file has been imported.',
};

export function doneText(raw: unknown): string | undefined {
  return typeof raw === 'string' && Object.hasOwn(DONE_TEXT, raw) ? DONE_TEXT[raw as PlanDoneNotice] : undefined;
}
