import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { UnauthenticatedError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import { accountsClock, makePerson, seedAccountsBodies, TEST_BODIES } from '../../../test/support/accounts-factories.ts';
import { auditForSubject } from '../audit/index.ts';
import { sha256Hex } from './secrets.ts';
import { resolveSession, rotateSession, SESSION_IDLE_MS, SIGN_IN_REFUSED, signIn, signOut } from './index.ts';

const MINUTE = 60_000;
const PASSWORD = 'plum tree river stone';

describe('signing in and sessions', () => {
  let h: DatabaseHandle;
  const clock = accountsClock();
  const deps = { clock };
  let samId: string;
  beforeAll(async () => {
    h = await freshDatabase();
    await seedAccountsBodies(h.db);
    const sam = await makePerson(h.db, {
      email: 'Sam.Jones@trafford.gov.uk',
      displayName: 'Sam Jones',
      password: PASSWORD,
      roles: [{ role: 'performance_officer', bodyId: TEST_BODIES.council.id }],
    });
    samId = sam.person.id;
  });
  afterAll(() => h.close());

  const refused = (p: Promise<unknown>) =>
    p.then(
      () => 'signed in',
      (e: unknown) => (e instanceof UnauthenticatedError ? e.message : String(e)),
    );

  it('signs in whatever the email’s capitals, and the session resolves to the person with their roles', async () => {
    const signedIn = await signIn(
      h.db,
      ' sam.jones@TRAFFORD.gov.uk',
      PASSWORD,
      { ipAddress: '192.0.2.1', userAgent: 'test' },
      deps,
    );
    expect(signedIn.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signedIn.expiresAt).toBe('2025-06-01T21:00:00.000Z');
    const actor = await resolveSession(h.db, signedIn.sessionId, deps);
    expect(actor).toMatchObject({
      kind: 'person',
      personId: samId,
      displayName: 'Sam Jones',
      grants: [{ role: 'performance_officer', bodyId: TEST_BODIES.council.id, areaCode: null }],
    });
    const stored = await h.db.selectFrom('person_session').selectAll().execute();
    expect(stored.map((s) => s.id_hash)).not.toContain(signedIn.sessionId);
    expect(stored[0]?.id_hash.startsWith(actor!.sessionRef!)).toBe(true);
    // the cheap test hash was replaced by one made with today's parameters
    const person = await h.db.selectFrom('person').select('password_hash').where('id', '=', samId).executeTakeFirstOrThrow();
    expect(person.password_hash).toMatch(/^scrypt\$32768\$8\$3\$/);
    const events = await auditForSubject(h.db, { kind: 'person', id: samId }, { action: 'person.sign_in' });
    expect(events.items[0]).toMatchObject({ actorPersonId: samId, viaKind: 'session', viaId: actor!.sessionRef });
  });

  it('gives one answer for a wrong password, an unknown email and a person without a password', async () => {
    await makePerson(h.db, { email: 'invited@example.org' });
    expect(await refused(signIn(h.db, 'sam.jones@trafford.gov.uk', 'wrong password here', {}, deps))).toBe(SIGN_IN_REFUSED);
    expect(await refused(signIn(h.db, 'nobody@example.org', PASSWORD, {}, deps))).toBe(SIGN_IN_REFUSED);
    expect(await refused(signIn(h.db, 'invited@example.org', '', {}, deps))).toBe(SIGN_IN_REFUSED);
    expect(SIGN_IN_REFUSED).not.toMatch(/unknown|no account|locked/i);
  });

  it('locks out after 5 wrong passwords in 15 minutes, the right one included, until 15 minutes pass', async () => {
    const ann = await makePerson(h.db, { email: 'ann@example.org', password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      expect(await refused(signIn(h.db, 'ann@example.org', `wrong password ${i}`, {}, deps))).toBe(SIGN_IN_REFUSED);
      clock.advance(MINUTE);
    }
    expect(await refused(signIn(h.db, 'ann@example.org', PASSWORD, {}, deps))).toBe(SIGN_IN_REFUSED);
    const events = await auditForSubject(h.db, { kind: 'person', id: ann.person.id });
    expect(events.items.map((e) => e.action).slice(0, 2)).toEqual(['person.lock_out', 'person.sign_in_fail']);
    expect(events.items[0]?.actorPersonId).toBeNull();
    // the fifth failure was at minute 4, so the lock lasts until minute 19
    clock.advance(13 * MINUTE);
    expect(await refused(signIn(h.db, 'ann@example.org', PASSWORD, {}, deps))).toBe(SIGN_IN_REFUSED);
    clock.advance(MINUTE);
    expect(await refused(signIn(h.db, 'ann@example.org', PASSWORD, {}, deps))).toBe('signed in');
  });

  it('touches last_seen_at at most once a minute and ends an idle session', async () => {
    const { sessionId } = await signIn(h.db, 'sam.jones@trafford.gov.uk', PASSWORD, {}, deps);
    const lastSeen = async () =>
      (
        await h.db
          .selectFrom('person_session')
          .select('last_seen_at')
          .where('id_hash', '=', sha256Hex(sessionId))
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    const start = clock.now().toISOString();
    clock.advance(30_000);
    await resolveSession(h.db, sessionId, deps);
    expect(await lastSeen()).toBe(start);
    clock.advance(40 * MINUTE);
    expect(await resolveSession(h.db, sessionId, deps)).not.toBeNull();
    expect(await lastSeen()).toBe(clock.now().toISOString());
    clock.advance(SESSION_IDLE_MS);
    expect(await resolveSession(h.db, sessionId, deps)).toBeNull();
  });

  it('ends every session after 12 hours, however busy', async () => {
    const { sessionId } = await signIn(h.db, 'sam.jones@trafford.gov.uk', PASSWORD, {}, deps);
    for (let hour = 0; hour < 11; hour++) {
      clock.advance(59 * MINUTE);
      expect(await resolveSession(h.db, sessionId, deps)).not.toBeNull();
    }
    clock.advance(60 * MINUTE);
    expect(await resolveSession(h.db, sessionId, deps)).toBeNull();
  });

  it('signs out, and rotates the session id at sign-in', async () => {
    const first = await signIn(h.db, 'sam.jones@trafford.gov.uk', PASSWORD, {}, deps);
    const second = await signIn(h.db, 'sam.jones@trafford.gov.uk', PASSWORD, { previousSessionId: first.sessionId }, deps);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(await resolveSession(h.db, first.sessionId, deps)).toBeNull();
    expect(await resolveSession(h.db, second.sessionId, deps)).not.toBeNull();
    await signOut(h.db, second.sessionId, deps);
    await signOut(h.db, second.sessionId, deps);
    expect(await resolveSession(h.db, second.sessionId, deps)).toBeNull();
    const outs = await auditForSubject(h.db, { kind: 'person', id: samId }, { action: 'person.sign_out' });
    expect(outs.total).toBe(1);
  });

  it('rotateSession works inside a caller’s transaction', async () => {
    const rotated = await h.db.transaction().execute((trx) => rotateSession(trx, samId, {}, clock));
    expect(await resolveSession(h.db, rotated.sessionId, deps)).toMatchObject({ personId: samId });
  });

  it('finds nobody for an unknown, empty or oversized session id, or a disabled person', async () => {
    expect(await resolveSession(h.db, 'not-a-session', deps)).toBeNull();
    expect(await resolveSession(h.db, '', deps)).toBeNull();
    expect(await resolveSession(h.db, 'x'.repeat(100_000), deps)).toBeNull();
    const { sessionId } = await signIn(h.db, 'sam.jones@trafford.gov.uk', PASSWORD, {}, deps);
    await h.db.updateTable('person').set({ disabled_at: clock.now().toISOString() }).where('id', '=', samId).execute();
    expect(await resolveSession(h.db, sessionId, deps)).toBeNull();
    expect(await refused(signIn(h.db, 'sam.jones@trafford.gov.uk', PASSWORD, {}, deps))).toBe(SIGN_IN_REFUSED);
  });
});
