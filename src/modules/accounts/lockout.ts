/**
 * Lock-out after repeated failed sign-ins: MAX_FAILED_SIGN_INS failures within FAILURE_WINDOW_MS
 * lock the person out for LOCK_OUT_MS. Pure: the time comes from the caller's clock.
 */
export const MAX_FAILED_SIGN_INS = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_OUT_MS = 15 * 60_000;

export interface LockoutState {
  failedSignIns: number;
  /** when the first failure of the current window happened */
  failedSince: string | null;
  lockedUntil: string | null;
}

export const NO_FAILURES: LockoutState = { failedSignIns: 0, failedSince: null, lockedUntil: null };

export function isLockedOut(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && Date.parse(state.lockedUntil) > now.getTime();
}

/** The state after one more failure; `lockedNow` when this failure locks the person out. */
export function afterFailedSignIn(state: LockoutState, now: Date): LockoutState & { lockedNow: boolean } {
  const windowOpen = state.failedSince !== null && now.getTime() - Date.parse(state.failedSince) < FAILURE_WINDOW_MS;
  const failedSignIns = windowOpen ? state.failedSignIns + 1 : 1;
  const failedSince = windowOpen ? state.failedSince : now.toISOString();
  if (failedSignIns >= MAX_FAILED_SIGN_INS) {
    // The count starts again when the lock ends, so the first wrong password after it does not re-lock.
    return { ...NO_FAILURES, lockedUntil: new Date(now.getTime() + LOCK_OUT_MS).toISOString(), lockedNow: true };
  }
  return { failedSignIns, failedSince, lockedUntil: null, lockedNow: false };
}
