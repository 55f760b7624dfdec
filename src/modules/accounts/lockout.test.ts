import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import {
  afterFailedSignIn,
  FAILURE_WINDOW_MS,
  isLockedOut,
  LOCK_OUT_MS,
  type LockoutState,
  MAX_FAILED_SIGN_INS,
  NO_FAILURES,
} from './lockout.ts';

const MINUTE = 60_000;

/** Failures at the given minutes after 09:00; the state after them, and whether the last one locked. */
function failuresAt(minutes: number[]): { state: LockoutState; lockedNow: boolean } {
  const clock = fixedClock('2025-06-01T09:00:00.000Z');
  let state: LockoutState = NO_FAILURES;
  let lockedNow = false;
  for (const m of minutes) {
    clock.set(new Date(Date.parse('2025-06-01T09:00:00.000Z') + m * MINUTE));
    ({ lockedNow, ...state } = afterFailedSignIn(state, clock.now()));
  }
  return { state, lockedNow };
}

describe('lock-out', () => {
  it('uses 5 failures in 15 minutes for 15 minutes', () => {
    expect([MAX_FAILED_SIGN_INS, FAILURE_WINDOW_MS, LOCK_OUT_MS]).toEqual([5, 15 * MINUTE, 15 * MINUTE]);
  });

  it.each<[string, number[], LockoutState, boolean]>([
    ['one failure', [0], { failedSignIns: 1, failedSince: '2025-06-01T09:00:00.000Z', lockedUntil: null }, false],
    ['four failures', [0, 1, 2, 3], { failedSignIns: 4, failedSince: '2025-06-01T09:00:00.000Z', lockedUntil: null }, false],
    [
      'five failures in 14 minutes lock',
      [0, 1, 2, 3, 14],
      { failedSignIns: 0, failedSince: null, lockedUntil: '2025-06-01T09:29:00.000Z' },
      true,
    ],
    [
      'the window restarts after 15 minutes',
      [0, 1, 2, 3, 15],
      { failedSignIns: 1, failedSince: '2025-06-01T09:15:00.000Z', lockedUntil: null },
      false,
    ],
    [
      'failures spread out never lock',
      [0, 20, 40, 60, 80, 100],
      { failedSignIns: 1, failedSince: '2025-06-01T10:40:00.000Z', lockedUntil: null },
      false,
    ],
    [
      'after a lock the count starts again',
      [0, 1, 2, 3, 4, 30],
      { failedSignIns: 1, failedSince: '2025-06-01T09:30:00.000Z', lockedUntil: null },
      false,
    ],
  ])('%s', (_name, minutes, state, lockedNow) => {
    expect(failuresAt(minutes)).toEqual({ state, lockedNow });
  });

  it.each<[string, string | null, boolean]>([
    ['never locked', null, false],
    ['locked until later', '2025-06-01T09:15:00.000Z', true],
    ['the lock ends exactly now', '2025-06-01T09:00:00.000Z', false],
    ['a lock that ended', '2025-06-01T08:59:59.999Z', false],
  ])('isLockedOut: %s', (_name, lockedUntil, locked) => {
    expect(isLockedOut({ ...NO_FAILURES, lockedUntil }, new Date('2025-06-01T09:00:00.000Z'))).toBe(locked);
  });
});
