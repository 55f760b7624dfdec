/** Forgotten passwords: a one-time link by mail, and choosing a new password with it. */
import { type Executor, inTransaction } from '../../platform/db/executor.ts';
import { ValidationError } from '../../platform/errors.ts';
import { audit, NOT_SIGNED_IN, personSubject } from './accounts-audit.ts';
import { toPerson } from './accounts.mapper.ts';
import type { ClockDeps, MailDeps, Person } from './accounts.types.ts';
import { passwordResetMessage } from './messages.ts';
import { choosePasswordByLink, issueOneTimeToken, PASSWORD_RESET_TTL_MS } from './one-time-tokens.ts';
import { findPersonByEmailKey } from './person.repository.ts';
import { checkEmail, emailKey } from './person-input.ts';

/** What to tell whoever asked, whether or not the address has an account. */
export const PASSWORD_RESET_REQUESTED = `If that email address has an account, a link to choose a new password has been sent to it. The link works for ${PASSWORD_RESET_TTL_MS / 60_000} minutes.`;

/**
 * Sends a reset link when the address belongs to a person who is not disabled; otherwise does
 * nothing. Either way it answers the same (PASSWORD_RESET_REQUESTED), so nobody learns from it
 * which addresses have accounts. Only a malformed address is refused.
 */
export async function requestPasswordReset(db: Executor, email: string, deps: MailDeps): Promise<{ message: string }> {
  const problems = checkEmail(email);
  if (problems.length > 0) throw new ValidationError('Enter your email address', problems);
  const person = await findPersonByEmailKey(db, emailKey(email));
  if (!person || person.disabled_at !== null) return { message: PASSWORD_RESET_REQUESTED };
  const link = await inTransaction(db, async (trx) => {
    const issued = await issueOneTimeToken(trx, person.id, 'password_reset', deps.clock.now());
    await audit(
      trx,
      NOT_SIGNED_IN,
      {
        action: 'person.request_password_reset',
        subject: personSubject(person.id),
        after: { expiresAt: issued.expiresAt },
        summary: `A password reset link was sent to ${person.display_name}`,
      },
      deps.clock,
    );
    return issued;
  });
  await deps.mail.send(
    passwordResetMessage(person.email, person.display_name, deps.links.resetPassword(link.token), link.expiresAt),
  );
  return { message: PASSWORD_RESET_REQUESTED };
}

/** Sets the new password, uses up the link, and ends every session the person had. */
export async function resetPassword(db: Executor, token: string, newPassword: string, deps: ClockDeps): Promise<Person> {
  return toPerson(await choosePasswordByLink(db, token, 'password_reset', newPassword, deps));
}
