import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/schema.ts';
import type { MailSender } from '../mail.ts';
import type { TokenLinks } from '../messages.ts';
import type { AccountRateLimits } from './rate-limits.ts';

/** What the account pages need. */
export interface AccountPagesDeps {
  db: Kysely<Database>;
  clock: Clock;
  mail: MailSender;
  /** the addresses mailed for invitations and password resets (see `tokenLinks`) */
  links: TokenLinks;
  /** DEFAULT_ACCOUNT_RATE_LIMITS unless given (tests lower them) */
  rateLimits?: AccountRateLimits;
}
