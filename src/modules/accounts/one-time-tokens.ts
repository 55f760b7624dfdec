/**
 * One-time links (invitation, password reset): random, stored hashed, single use, with an expiry,
 * and the password they let a person choose.
 */
import { isoInstant } from '../../platform/clock.ts';
import { type Executor, inTransaction } from '../../platform/db/executor.ts';
import { ValidationError } from '../../platform/errors.ts';
import { audit, byLink, personSubject } from './accounts-audit.ts';
import type { ClockDeps } from './accounts.types.ts';
import { NO_FAILURES } from './lockout.ts';
import { checkPassword, hashPassword } from './password.ts';
import { findPersonById, type PersonRow, updatePerson } from './person.repository.ts';
import { MAX_PRESENTED_SECRET_LENGTH, randomSecret, sha256Hex } from './secrets.ts';
import {
  findOneTimeToken,
  insertOneTimeToken,
  retireOneTimeTokens,
  revokeSessionsOfPerson,
  useOneTimeToken,
} from './session.repository.ts';

export type OneTimePurpose = 'invitation' | 'password_reset';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;
export const PASSWORD_RESET_TTL_MS = 60 * 60_000;
const TTL: Record<OneTimePurpose, number> = { invitation: INVITATION_TTL_MS, password_reset: PASSWORD_RESET_TTL_MS };

const LINK_REFUSED: Record<OneTimePurpose, string> = {
  invitation:
    'This invitation link cannot be used: it has expired or been used already. Ask an administrator to invite you again.',
  password_reset: 'This password reset link cannot be used: it has expired or been used already. Ask for a new one.',
};

/** The token itself is never put in the problem: problems are shown and may be logged. */
function refused(purpose: OneTimePurpose): ValidationError {
  return new ValidationError(LINK_REFUSED[purpose], [{ field: 'token', reason: 'has expired or been used already' }]);
}

/** A new link for a person; older unused links of the same purpose stop working. */
export async function issueOneTimeToken(
  trx: Executor,
  personId: string,
  purpose: OneTimePurpose,
  now: Date,
): Promise<{ token: string; expiresAt: string }> {
  const token = randomSecret();
  const expiresAt = isoInstant(new Date(now.getTime() + TTL[purpose]));
  await retireOneTimeTokens(trx, personId, purpose, isoInstant(now));
  await insertOneTimeToken(trx, {
    token_hash: sha256Hex(token),
    person_id: personId,
    purpose,
    created_at: isoInstant(now),
    expires_at: expiresAt,
    used_at: null,
  });
  return { token, expiresAt };
}

/** The person a link is for, when the link is unused, unexpired, of this purpose and the person not disabled. */
async function personOfLink(db: Executor, token: string, purpose: OneTimePurpose, now: Date): Promise<PersonRow> {
  if (token.length > MAX_PRESENTED_SECRET_LENGTH) throw refused(purpose);
  const row = await findOneTimeToken(db, sha256Hex(token));
  const usable = row && row.purpose === purpose && row.used_at === null && row.expires_at > isoInstant(now);
  const person = usable ? await findPersonById(db, row.person_id) : undefined;
  if (!person || person.disabled_at !== null) throw refused(purpose);
  return person;
}

/**
 * Whom a link is for, without using it (the page asking for the new password greets them), or null
 * when it cannot be used: unknown, used, expired, of another purpose, or the person disabled.
 */
export async function inspectOneTimeLink(
  db: Executor,
  token: string,
  purpose: OneTimePurpose,
  deps: ClockDeps,
): Promise<{ email: string; displayName: string } | null> {
  try {
    const person = await personOfLink(db, token, purpose, deps.clock.now());
    return { email: person.email, displayName: person.display_name };
  } catch (e) {
    if (e instanceof ValidationError) return null;
    throw e;
  }
}

/**
 * Sets the password a link lets a person choose: the link is used up, lock-out cleared, and every
 * session of the person ended (whoever knew the old password is signed out).
 */
export async function choosePasswordByLink(
  db: Executor,
  token: string,
  purpose: OneTimePurpose,
  password: string,
  deps: ClockDeps,
): Promise<PersonRow> {
  const person = await personOfLink(db, token, purpose, deps.clock.now());
  const problems = checkPassword(password, person.email);
  if (problems.length > 0) throw new ValidationError('Choose a different password; nothing was changed', problems);
  // Hash before the transaction: it takes a while, and the database need not wait for it.
  const hash = await hashPassword(password);
  return inTransaction(db, async (trx) => {
    const now = isoInstant(deps.clock.now());
    if ((await useOneTimeToken(trx, sha256Hex(token), now)) === 0) throw refused(purpose);
    await updatePerson(trx, person.id, {
      password_hash: hash,
      failed_sign_ins: NO_FAILURES.failedSignIns,
      failed_since: NO_FAILURES.failedSince,
      locked_until: NO_FAILURES.lockedUntil,
    });
    const ended = await revokeSessionsOfPerson(trx, person.id, now);
    const invitation = purpose === 'invitation';
    await audit(
      trx,
      byLink(person),
      {
        action: invitation ? 'person.accept_invitation' : 'person.reset_password',
        subject: personSubject(person.id),
        before: { hasPassword: person.password_hash !== null },
        after: { hasPassword: true, sessionsEnded: ended },
        summary: invitation
          ? `${person.display_name} accepted their invitation and chose a password`
          : `${person.display_name} chose a new password by a reset link; ${ended} session(s) ended`,
      },
      deps.clock,
    );
    return (await findPersonById(trx, person.id))!;
  });
}
