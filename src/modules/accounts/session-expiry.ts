/**
 * When a session stops being good: revoked, past its absolute expiry (fixed at sign-in), or idle
 * for longer than SESSION_IDLE_MS. Pure: the time comes from the caller's clock.
 */
export const SESSION_IDLE_MS = 60 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** last_seen_at is written at most this often, so a busy page does not write on every request. */
export const SESSION_TOUCH_MS = 60_000;

export type SessionState = 'active' | 'revoked' | 'expired' | 'idle';

export interface SessionTimes {
  expiresAt: string;
  lastSeenAt: string;
  revokedAt: string | null;
}

export function sessionState(s: SessionTimes, now: Date): SessionState {
  if (s.revokedAt !== null) return 'revoked';
  if (now.getTime() >= Date.parse(s.expiresAt)) return 'expired';
  if (now.getTime() - Date.parse(s.lastSeenAt) >= SESSION_IDLE_MS) return 'idle';
  return 'active';
}

export function needsTouch(lastSeenAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(lastSeenAt) >= SESSION_TOUCH_MS;
}

export function sessionExpiry(now: Date): string {
  return new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString();
}
