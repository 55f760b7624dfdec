import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import {
  needsTouch,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionExpiry,
  type SessionState,
  sessionState,
} from './session-expiry.ts';

const MINUTE = 60_000;
const START = '2025-06-01T09:00:00.000Z';

describe('sessionState', () => {
  it('ends sessions idle for an hour, and all sessions after 12 hours', () => {
    expect([SESSION_IDLE_MS, SESSION_ABSOLUTE_MS]).toEqual([60 * MINUTE, 12 * 60 * MINUTE]);
    expect(sessionExpiry(new Date(START))).toBe('2025-06-01T21:00:00.000Z');
  });

  it.each<[string, number, number, boolean, SessionState]>([
    ['just signed in', 0, 0, false, 'active'],
    ['seen 59 minutes ago', 100, 159, false, 'active'],
    ['seen 60 minutes ago', 100, 160, false, 'idle'],
    ['busy all day, at 12 hours', 719, 720, false, 'expired'],
    ['revoked, though recent', 0, 1, true, 'revoked'],
  ])('%s', (_name, lastSeenMinute, nowMinute, revoked, state) => {
    const clock = fixedClock(START);
    const at = (m: number) => new Date(Date.parse(START) + m * MINUTE).toISOString();
    clock.set(at(nowMinute));
    const times = {
      expiresAt: sessionExpiry(new Date(START)),
      lastSeenAt: at(lastSeenMinute),
      revokedAt: revoked ? at(0) : null,
    };
    expect(sessionState(times, clock.now())).toBe(state);
  });

  it.each<[number, boolean]>([
    [0, false],
    [59_999, false],
    [60_000, true],
  ])('touches last_seen_at %d ms later: %s', (ms, touch) => {
    expect(needsTouch(START, new Date(Date.parse(START) + ms))).toBe(touch);
  });
});
