import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { accountsDeps, makePerson, tokenInMessage } from '../../../test/support/accounts-factories.ts';
import { auditForSubject } from '../audit/index.ts';
import {
  cliActor,
  invitePerson,
  PASSWORD_RESET_REQUESTED,
  PASSWORD_RESET_TTL_MS,
  requestPasswordReset,
  resetPassword,
  resolveSession,
  signIn,
} from './index.ts';

const OLD = 'plum tree river stone';
const NEW = 'seven swans a swimming';

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('password reset', () => {
  let h: DatabaseHandle;
  const deps = accountsDeps();
  let personId: string;
  beforeAll(async () => {
    h = await freshDatabase();
    personId = (await makePerson(h.db, { email: 'sam@example.org', displayName: 'Sam', password: OLD })).person.id;
  });
  afterAll(() => h.close());

  it('answers the same whether or not the email has an account, and mails only a real one', async () => {
    expect(await requestPasswordReset(h.db, 'nobody@example.org', deps)).toEqual({ message: PASSWORD_RESET_REQUESTED });
    expect(deps.mail.sent).toHaveLength(0);
    expect(await requestPasswordReset(h.db, 'SAM@example.org', deps)).toEqual({ message: PASSWORD_RESET_REQUESTED });
    expect(deps.mail.lastTo('sam@example.org')?.kind).toBe('password_reset');
    const e = await failure(requestPasswordReset(h.db, 'sam', deps));
    expect((e as ValidationError).details[0]).toMatchObject({ field: 'email', value: 'sam' });
  });

  it('sets the new password with the latest link only, once, and signs the person out everywhere', async () => {
    const { sessionId } = await signIn(h.db, 'sam@example.org', OLD, {}, deps);
    await requestPasswordReset(h.db, 'sam@example.org', deps);
    const older = tokenInMessage(deps.mail.lastTo('sam@example.org'));
    await requestPasswordReset(h.db, 'sam@example.org', deps);
    const latest = tokenInMessage(deps.mail.lastTo('sam@example.org'));
    expect(await failure(resetPassword(h.db, older, NEW, deps))).toBeInstanceOf(ValidationError);

    const weak = await failure(resetPassword(h.db, latest, 'aaaaaaaaaaaaa', deps));
    expect((weak as ValidationError).details).toEqual([{ field: 'password', reason: 'must not be one character repeated' }]);
    await resetPassword(h.db, latest, NEW, deps);
    expect(await resolveSession(h.db, sessionId, deps)).toBeNull();
    expect(await failure(resetPassword(h.db, latest, 'another good password', deps))).toBeInstanceOf(ValidationError);
    expect((await signIn(h.db, 'sam@example.org', NEW, {}, deps)).personId).toBe(personId);

    const events = await auditForSubject(h.db, { kind: 'person', id: personId }, { action: 'person' });
    expect(events.items.map((e) => e.action).slice(0, 3)).toEqual([
      'person.sign_in',
      'person.reset_password',
      'person.request_password_reset',
    ]);
    expect(events.items[1]).toMatchObject({ actorPersonId: personId, after: { hasPassword: true, sessionsEnded: 1 } });
    expect(JSON.stringify(events.items)).not.toContain(latest);
  });

  it('refuses a link after an hour, and a made-up or oversized one', async () => {
    await requestPasswordReset(h.db, 'sam@example.org', deps);
    const token = tokenInMessage(deps.mail.lastTo('sam@example.org'));
    deps.clock.advance(PASSWORD_RESET_TTL_MS);
    expect(await failure(resetPassword(h.db, token, NEW, deps))).toBeInstanceOf(ValidationError);
    expect(await failure(resetPassword(h.db, 'made-up', NEW, deps))).toBeInstanceOf(ValidationError);
    expect(await failure(resetPassword(h.db, 'x'.repeat(10_000), NEW, deps))).toBeInstanceOf(ValidationError);
  });

  it('does not take an invitation link as a reset link', async () => {
    const invitedDeps = accountsDeps();
    await invitePerson(h.db, cliActor(), { email: 'newer@example.org', displayName: 'Newer' }, invitedDeps);
    const invitation = tokenInMessage(invitedDeps.mail.lastTo('newer@example.org'));
    expect(await failure(resetPassword(h.db, invitation, NEW, invitedDeps))).toBeInstanceOf(ValidationError);
  });
});
