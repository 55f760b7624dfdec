/**
 * Signing in and out, and finding who a session belongs to. Sessions live on the server; the
 * browser holds only a random id, and the database only that id's SHA-256.
 */
import type { Clock } from '../../platform/clock.ts';
import { isoInstant } from '../../platform/clock.ts';
import { type Executor, inTransaction } from '../../platform/db/executor.ts';
import { UnauthenticatedError } from '../../platform/errors.ts';
import { audit, NOT_SIGNED_IN, personSubject } from './accounts-audit.ts';
import { toActorGrant } from './accounts.mapper.ts';
import type { ClockDeps, SignedIn, SignInMeta } from './accounts.types.ts';
import type { PersonActor } from './actor.ts';
import { findActiveGrants } from './grant.repository.ts';
import { afterFailedSignIn, isLockedOut, LOCK_OUT_MS, MAX_FAILED_SIGN_INS } from './lockout.ts';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password.ts';
import { findPersonByEmailKey, findPersonById, type PersonRow, updatePerson } from './person.repository.ts';
import { emailKey } from './person-input.ts';
import { MAX_PRESENTED_SECRET_LENGTH, randomSecret, sessionRefOf, sha256Hex } from './secrets.ts';
import { needsTouch, sessionExpiry, sessionState } from './session-expiry.ts';
import * as sessions from './session.repository.ts';

/**
 * The one answer to every failed sign-in — wrong password, unknown email, locked, disabled — so
 * the answer does not tell anyone whether an email address has an account.
 */
export const SIGN_IN_REFUSED = `Enter a correct email address and password. After ${MAX_FAILED_SIGN_INS} wrong attempts, signing in is paused for ${LOCK_OUT_MS / 60_000} minutes.`;

/**
 * Ends `previousSessionId` (if any) and starts a new session for the person, in the caller's
 * transaction: a session id known before sign-in is never the one used after it.
 */
export async function rotateSession(
  db: Executor,
  personId: string,
  meta: SignInMeta,
  clock: Clock,
): Promise<SignedIn & { sessionRef: string }> {
  const now = clock.now();
  if (meta.previousSessionId && meta.previousSessionId.length <= MAX_PRESENTED_SECRET_LENGTH)
    await sessions.revokeSession(db, sha256Hex(meta.previousSessionId), isoInstant(now));
  const sessionId = randomSecret();
  const idHash = sha256Hex(sessionId);
  const expiresAt = sessionExpiry(now);
  await sessions.insertSession(db, {
    id_hash: idHash,
    person_id: personId,
    created_at: isoInstant(now),
    expires_at: expiresAt,
    last_seen_at: isoInstant(now),
    revoked_at: null,
    ip_address: meta.ipAddress ?? null,
    user_agent: meta.userAgent?.slice(0, 500) ?? null,
  });
  return { sessionId, personId, expiresAt, sessionRef: sessionRefOf(idHash) };
}

/** A new session for the right email and password; an UnauthenticatedError with SIGN_IN_REFUSED otherwise. */
export async function signIn(
  db: Executor,
  email: string,
  password: string,
  meta: SignInMeta,
  deps: ClockDeps,
): Promise<SignedIn> {
  const person = await findPersonByEmailKey(db, emailKey(email));
  const hash = person?.password_hash;
  if (!person || !hash || person.disabled_at !== null || isLockedOut(lockoutOf(person), deps.clock.now())) {
    await verifyAgainstDummy(password);
    throw new UnauthenticatedError(SIGN_IN_REFUSED);
  }
  if (!(await verifyPassword(password, hash))) {
    await recordFailure(db, person, deps.clock);
    throw new UnauthenticatedError(SIGN_IN_REFUSED);
  }
  // A hash made with older, cheaper parameters is replaced while the password is at hand.
  const newHash = needsRehash(hash) ? await hashPassword(password) : hash;
  return inTransaction(db, async (trx) => {
    await updatePerson(trx, person.id, { password_hash: newHash, failed_sign_ins: 0, failed_since: null, locked_until: null });
    const signedIn = await rotateSession(trx, person.id, meta, deps.clock);
    const actor = { personId: person.id, label: person.display_name, via: { kind: 'session' as const, id: signedIn.sessionRef } };
    await audit(
      trx,
      actor,
      {
        action: 'person.sign_in',
        subject: personSubject(person.id),
        after: { expiresAt: signedIn.expiresAt },
        summary: `${person.display_name} signed in`,
      },
      deps.clock,
    );
    const { sessionRef: _ref, ...answer } = signedIn;
    return answer;
  });
}

function lockoutOf(p: PersonRow) {
  return { failedSignIns: p.failed_sign_ins, failedSince: p.failed_since, lockedUntil: p.locked_until };
}

async function recordFailure(db: Executor, person: PersonRow, clock: Clock): Promise<void> {
  await inTransaction(db, async (trx) => {
    // Read again inside the transaction, so a failure recorded meanwhile is counted.
    const current = (await findPersonById(trx, person.id)) ?? person;
    const { lockedNow, ...next } = afterFailedSignIn(lockoutOf(current), clock.now());
    await updatePerson(trx, person.id, {
      failed_sign_ins: next.failedSignIns,
      failed_since: next.failedSince,
      locked_until: next.lockedUntil,
    });
    await audit(
      trx,
      NOT_SIGNED_IN,
      {
        action: lockedNow ? 'person.lock_out' : 'person.sign_in_fail',
        subject: personSubject(person.id),
        after: next,
        summary: lockedNow
          ? `Signing in as ${person.display_name} paused until ${next.lockedUntil} after ${MAX_FAILED_SIGN_INS} wrong passwords`
          : `A wrong password for ${person.display_name}`,
      },
      clock,
    );
  });
}

/** Ends a session (signing out). Ending one already ended, or unknown, does nothing. */
export async function signOut(db: Executor, sessionId: string, deps: ClockDeps): Promise<void> {
  if (sessionId.length > MAX_PRESENTED_SECRET_LENGTH) return;
  const idHash = sha256Hex(sessionId);
  await inTransaction(db, async (trx) => {
    const session = await sessions.findSession(trx, idHash);
    if (!session || (await sessions.revokeSession(trx, idHash, isoInstant(deps.clock.now()))) === 0) return;
    const person = await findPersonById(trx, session.person_id);
    const actor = {
      personId: session.person_id,
      label: person?.display_name ?? session.person_id,
      via: { kind: 'session' as const, id: sessionRefOf(idHash) },
    };
    await audit(
      trx,
      actor,
      { action: 'person.sign_out', subject: personSubject(session.person_id), summary: `${actor.label} signed out` },
      deps.clock,
    );
  });
}

/**
 * The person a session id belongs to, with the roles they hold now; null when the session is
 * unknown, revoked, idle too long, past its expiry, or the person is disabled.
 */
export async function resolveSession(db: Executor, sessionId: string, deps: ClockDeps): Promise<PersonActor | null> {
  if (sessionId === '' || sessionId.length > MAX_PRESENTED_SECRET_LENGTH) return null;
  const idHash = sha256Hex(sessionId);
  const session = await sessions.findSession(db, idHash);
  const now = deps.clock.now();
  if (!session) return null;
  const times = { expiresAt: session.expires_at, lastSeenAt: session.last_seen_at, revokedAt: session.revoked_at };
  if (sessionState(times, now) !== 'active') return null;
  const person = await findPersonById(db, session.person_id);
  if (!person || person.disabled_at !== null) return null;
  // Bookkeeping, not a change anyone made: no audit event.
  if (needsTouch(session.last_seen_at, now)) await sessions.touchSession(db, idHash, isoInstant(now));
  const grants = await findActiveGrants(db, person.id);
  return {
    kind: 'person',
    personId: person.id,
    displayName: person.display_name,
    grants: grants.map(toActorGrant),
    sessionRef: sessionRefOf(idHash),
  };
}
