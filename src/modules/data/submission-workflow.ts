/**
 * A submission's life: draft → submitted → approved → published, or withdrawn or rejected on the
 * way. One typed table of what each event does in each state; `transition` is pure, so every pair
 * of state and event is tested without a database. Who may cause an event is the service's
 * business (permissions), not this table's.
 */

export const SUBMISSION_STATES = ['draft', 'submitted', 'approved', 'published', 'withdrawn', 'rejected'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const SUBMISSION_EVENTS = ['submit', 'approve', 'reject', 'publish', 'withdraw'] as const;
export type SubmissionEvent = (typeof SUBMISSION_EVENTS)[number];

/** Where each event leads from each state; an event missing from a state's row is refused there. */
export const SUBMISSION_TRANSITIONS: { readonly [S in SubmissionState]: Partial<Record<SubmissionEvent, SubmissionState>> } = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' },
  approved: { publish: 'published', reject: 'rejected', withdraw: 'withdrawn' },
  published: {},
  withdrawn: {},
  rejected: {},
};

/** Events that need a reason, which is kept on the submission and its event. */
const NEEDS_REASON: ReadonlySet<SubmissionEvent> = new Set(['reject', 'withdraw']);
export const MAX_REASON_LENGTH = 1000;

const PAST: Record<SubmissionEvent, string> = {
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  publish: 'published',
  withdraw: 'withdrawn',
};

/** What a transition stamps on the submission. */
export interface SubmissionChanges {
  submittedAt?: string;
  approvedAt?: string;
  publishedAt?: string;
  /** when it was withdrawn or rejected */
  closedAt?: string;
  reason?: string;
}

export type TransitionResult =
  | { ok: true; from: SubmissionState; to: SubmissionState; changes: SubmissionChanges }
  /** `field`: what was wrong — the state the submission is in, or the reason given */
  | { ok: false; field: 'state' | 'reason'; message: string };

export function transition(
  state: SubmissionState,
  event: SubmissionEvent,
  context: { now: string; reason?: string | null },
): TransitionResult {
  const to = SUBMISSION_TRANSITIONS[state][event];
  if (to === undefined) return { ok: false, field: 'state', message: refusal(state, event) };
  const reason = context.reason?.trim() ?? '';
  if (NEEDS_REASON.has(event) && reason === '')
    return { ok: false, field: 'reason', message: `Give a reason why the submission is ${PAST[event]}` };
  if ([...reason].length > MAX_REASON_LENGTH)
    return { ok: false, field: 'reason', message: `The reason must be at most ${MAX_REASON_LENGTH} characters` };
  return { ok: true, from: state, to, changes: changesFor(event, context.now, reason) };
}

function changesFor(event: SubmissionEvent, now: string, reason: string): SubmissionChanges {
  switch (event) {
    case 'submit':
      return { submittedAt: now };
    case 'approve':
      return { approvedAt: now };
    case 'publish':
      return { publishedAt: now };
    case 'reject':
    case 'withdraw':
      return { closedAt: now, reason };
  }
}

/** "A published submission cannot be withdrawn", with what to do instead where there is something. */
function refusal(state: SubmissionState, event: SubmissionEvent): string {
  const article = /^[aeiou]/.test(state) ? 'An' : 'A';
  const base = `${article} ${state} submission cannot be ${PAST[event]}`;
  if (state === 'draft' && (event === 'approve' || event === 'reject' || event === 'publish')) return `${base}: submit it first`;
  if (state === 'submitted' && event === 'publish') return `${base}: approve it first`;
  if (state === 'published' && (event === 'withdraw' || event === 'reject'))
    return `${base}: its figures are public; upload corrected figures as a new submission`;
  return base;
}

/** States in which a submission still waits for something: counted as received by collection rounds. */
export const AWAITING_PUBLICATION: readonly SubmissionState[] = ['submitted', 'approved'];

export function isSubmissionState(value: string): value is SubmissionState {
  return (SUBMISSION_STATES as readonly string[]).includes(value);
}
