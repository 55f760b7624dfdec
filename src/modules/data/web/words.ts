/** The words the submission pages use for states, steps, statuses and times. */
import type { CollectionStatus } from '../collection-status.ts';
import type { SubmissionEvent, SubmissionState } from '../submission-workflow.ts';
import { dateInWords, instantInWords } from '../../../platform/web/index.ts';

export { dateInWords, instantInWords };

export interface Tag {
  text: string;
  /** a govuk-tag colour class */
  classes: string;
}

const STATE_TAGS: Record<SubmissionState, Tag> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  submitted: { text: 'Submitted', classes: 'govuk-tag--blue' },
  approved: { text: 'Approved', classes: 'govuk-tag--turquoise' },
  published: { text: 'Published', classes: 'govuk-tag--green' },
  withdrawn: { text: 'Withdrawn', classes: 'govuk-tag--orange' },
  rejected: { text: 'Rejected', classes: 'govuk-tag--red' },
};

export const stateTag = (state: SubmissionState): Tag => STATE_TAGS[state];

const STATUS_TAGS: Record<CollectionStatus, Tag> = {
  due: { text: 'Due', classes: 'govuk-tag--grey' },
  late: { text: 'Late', classes: 'govuk-tag--red' },
  received: { text: 'Received', classes: 'govuk-tag--blue' },
  published: { text: 'Published', classes: 'govuk-tag--green' },
};

export const collectionTag = (status: CollectionStatus): Tag => STATUS_TAGS[status];

/** The button for each step, and what the page says once it is taken. */
export const STEP_WORDS: Record<SubmissionEvent, { button: string; done: string }> = {
  submit: { button: 'Submit for approval', done: 'The submission has been submitted for approval.' },
  approve: { button: 'Approve', done: 'The submission has been approved. It can now be published.' },
  publish: { button: 'Publish', done: 'The submission has been published: its figures are now public.' },
  reject: { button: 'Reject', done: 'The submission has been rejected.' },
  withdraw: { button: 'Withdraw', done: 'The submission has been withdrawn.' },
};

/** What each event of the timeline is called. */
export const EVENT_WORDS: Record<'create' | SubmissionEvent, string> = {
  create: 'Uploaded',
  submit: 'Submitted',
  approve: 'Approved',
  publish: 'Published',
  reject: 'Rejected',
  withdraw: 'Withdrawn',
};

/** '1 figure', '3 figures' */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
