import { describe, expect, it } from 'vitest';
import {
  MAX_REASON_LENGTH,
  SUBMISSION_EVENTS,
  SUBMISSION_STATES,
  type SubmissionEvent,
  type SubmissionState,
  transition,
} from './submission-workflow.ts';

const now = '2025-06-01T09:00:00.000Z';
const reason = 'The March figures were provisional';

/** Every state and event: the state it leads to, or the message refusing it. */
const EXPECTED: Record<SubmissionState, Record<SubmissionEvent, SubmissionState | { refused: string }>> = {
  draft: {
    submit: 'submitted',
    approve: { refused: 'A draft submission cannot be approved: submit it first' },
    reject: { refused: 'A draft submission cannot be rejected: submit it first' },
    publish: { refused: 'A draft submission cannot be published: submit it first' },
    withdraw: 'withdrawn',
  },
  submitted: {
    submit: { refused: 'A submitted submission cannot be submitted' },
    approve: 'approved',
    reject: 'rejected',
    publish: { refused: 'A submitted submission cannot be published: approve it first' },
    withdraw: 'withdrawn',
  },
  approved: {
    submit: { refused: 'An approved submission cannot be submitted' },
    approve: { refused: 'An approved submission cannot be approved' },
    reject: 'rejected',
    publish: 'published',
    withdraw: 'withdrawn',
  },
  published: {
    submit: { refused: 'A published submission cannot be submitted' },
    approve: { refused: 'A published submission cannot be approved' },
    reject: {
      refused: 'A published submission cannot be rejected: its figures are public; upload corrected figures as a new submission',
    },
    publish: { refused: 'A published submission cannot be published' },
    withdraw: {
      refused: 'A published submission cannot be withdrawn: its figures are public; upload corrected figures as a new submission',
    },
  },
  withdrawn: {
    submit: { refused: 'A withdrawn submission cannot be submitted' },
    approve: { refused: 'A withdrawn submission cannot be approved' },
    reject: { refused: 'A withdrawn submission cannot be rejected' },
    publish: { refused: 'A withdrawn submission cannot be published' },
    withdraw: { refused: 'A withdrawn submission cannot be withdrawn' },
  },
  rejected: {
    submit: { refused: 'A rejected submission cannot be submitted' },
    approve: { refused: 'A rejected submission cannot be approved' },
    reject: { refused: 'A rejected submission cannot be rejected' },
    publish: { refused: 'A rejected submission cannot be published' },
    withdraw: { refused: 'A rejected submission cannot be withdrawn' },
  },
};

const cases = SUBMISSION_STATES.flatMap((state) =>
  SUBMISSION_EVENTS.map((event) => ({ state, event, expected: EXPECTED[state][event] })),
);

describe('the submission transition table', () => {
  it('covers every state and event', () => {
    expect(cases).toHaveLength(SUBMISSION_STATES.length * SUBMISSION_EVENTS.length);
  });

  it.each(cases)('$event from $state', ({ state, event, expected }) => {
    const result = transition(state, event, { now, reason });
    if (typeof expected === 'string') expect(result).toMatchObject({ ok: true, from: state, to: expected });
    else expect(result).toEqual({ ok: false, field: 'state', message: expected.refused });
  });
});

describe('what a transition stamps', () => {
  it.each([
    ['draft', 'submit', { submittedAt: now }],
    ['submitted', 'approve', { approvedAt: now }],
    ['approved', 'publish', { publishedAt: now }],
    ['submitted', 'reject', { closedAt: now, reason }],
    ['draft', 'withdraw', { closedAt: now, reason }],
  ] as const)('%s → %s', (state, event, changes) => {
    expect(transition(state, event, { now, reason })).toEqual({
      ok: true,
      from: state,
      to: expect.any(String),
      changes,
    });
  });

  it('trims the reason', () => {
    expect(transition('approved', 'reject', { now, reason: `  ${reason}  ` })).toMatchObject({ changes: { reason } });
  });
});

describe('reasons', () => {
  it.each([
    ['reject', 'submitted', 'Give a reason why the submission is rejected'],
    ['withdraw', 'draft', 'Give a reason why the submission is withdrawn'],
  ] as const)('%s needs one', (event, state, message) => {
    expect(transition(state, event, { now })).toEqual({ ok: false, field: 'reason', message });
    expect(transition(state, event, { now, reason: '   ' })).toEqual({ ok: false, field: 'reason', message });
  });

  it('may be left out where none is needed', () => {
    expect(transition('draft', 'submit', { now })).toMatchObject({ ok: true, to: 'submitted' });
  });

  it('is at most 1,000 characters', () => {
    expect(transition('submitted', 'reject', { now, reason: 'x'.repeat(MAX_REASON_LENGTH) })).toMatchObject({ ok: true });
    expect(transition('submitted', 'reject', { now, reason: 'x'.repeat(MAX_REASON_LENGTH + 1) })).toEqual({
      ok: false,
      field: 'reason',
      message: 'The reason must be at most 1000 characters',
    });
  });
});
