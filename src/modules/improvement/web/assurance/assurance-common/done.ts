/** What a page says after a change was made, chosen by a fixed name in the address. */
import type { AssuranceDoneNotice } from '../urls.ts';

const DONE_TEXT: Record<AssuranceDoneNotice, string> = {
  'model-set':
    'The new risk model is in force: the triggers run after the change and score each council with figures again. Profiles stored before keep the version they were scored with, in each council’s score history.',
  'self-assessment-filed': 'The self-assessment has been filed. An assessor will agree with it or challenge it.',
  'self-assessment-answered': 'Your response has been recorded and is shown with the self-assessment.',
  'partnership-created': 'The improvement partnership has been formed.',
  'members-changed': 'The partnership’s members have been changed.',
  'peer-review-recorded': 'The peer review has been recorded.',
  'follow-up-saved': 'The follow-up has been saved.',
  'case-linked': 'The peer review has been linked to the case.',
};

export function doneText(raw: unknown): string | undefined {
  const value = (raw as Record<string, unknown> | null)?.done;
  return typeof value === 'string' && Object.hasOwn(DONE_TEXT, value) ? DONE_TEXT[value as AssuranceDoneNotice] : undefined;
}

/** The licence line under every table of these pages. */
export const FIGURES_LICENCE =
  'Scores and schedules are worked out from figures published under the Open Government Licence v3.0 unless their source says otherwise; credit their publishers as shown on the about page.';
