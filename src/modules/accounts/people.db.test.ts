import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import {
  accountsDeps,
  actorFor,
  makePerson,
  seedAccountsBodies,
  TEST_BODIES,
  TEST_WARD,
  tokenInMessage,
} from '../../../test/support/accounts-factories.ts';
import { auditForSubject, listAuditEvents } from '../audit/index.ts';
import {
  acceptInvitation,
  cliActor,
  createAdministrator,
  disablePerson,
  getPerson,
  INVITATION_TTL_MS,
  invitePerson,
  listGrants,
  listPeople,
  resolveSession,
  signIn,
} from './index.ts';

const PASSWORD = 'plum tree river stone';

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('people', () => {
  let h: DatabaseHandle;
  const deps = accountsDeps();
  let adminId: string;
  beforeAll(async () => {
    h = await freshDatabase();
    await seedAccountsBodies(h.db);
  });
  afterAll(() => h.close());

  const counts = async () => ({
    people: (
      await h.db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
    events: (await listAuditEvents(h.db, {}, { limit: 1, offset: 0 })).total,
  });

  it('creates the first administrator from the command line, who can then sign in', async () => {
    const admin = await createAdministrator(
      h.db,
      cliActor(),
      { email: 'Asha.Patel@example.org', displayName: 'Asha Patel', password: PASSWORD },
      deps,
    );
    adminId = admin.id;
    expect(admin).toMatchObject({
      email: 'Asha.Patel@example.org',
      displayName: 'Asha Patel',
      hasPassword: true,
      disabledAt: null,
    });
    const { sessionId } = await signIn(h.db, 'asha.patel@example.org', PASSWORD, {}, deps);
    expect((await resolveSession(h.db, sessionId, deps))?.grants).toEqual([
      { role: 'administrator', bodyId: null, areaCode: null },
    ]);
    const events = await auditForSubject(h.db, { kind: 'person', id: admin.id });
    expect(events.items.map((e) => [e.action, e.viaKind, e.actorLabel])).toContainEqual(['person.create', 'cli', 'command line']);
    expect(JSON.stringify(events.items)).not.toContain('scrypt$');
  });

  it('refuses a second person with the same email, whatever its capitals, with a clear ConflictError', async () => {
    const before = await counts();
    const e = await failure(
      createAdministrator(h.db, cliActor(), { email: 'ASHA.patel@example.org', displayName: 'Asha', password: PASSWORD }, deps),
    );
    expect(e).toBeInstanceOf(ConflictError);
    expect((e as ConflictError).message).toBe('A person with the email address ASHA.patel@example.org is already recorded');
    expect(await counts()).toEqual(before);
  });

  it('refuses bad details with every field and reason, and changes nothing', async () => {
    const before = await counts();
    const e = await failure(
      createAdministrator(h.db, cliActor(), { email: 'not an email', displayName: ' ', password: 'short' }, deps),
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).details).toEqual([
      { field: 'email', value: 'not an email', reason: 'must be an email address, like name@example.org' },
      { field: 'displayName', value: ' ', reason: 'enter a name' },
      { field: 'password', reason: 'must be at least 12 characters' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('invites a person with roles and mails them a link; accepting it sets their password once', async () => {
    const admin = { ...actorFor('administrator'), personId: adminId };
    const invited = await invitePerson(
      h.db,
      admin,
      {
        email: 'sam.jones@trafford.gov.uk',
        displayName: 'Sam Jones',
        grants: [
          { role: 'performance_officer', bodyId: TEST_BODIES.council.id },
          { role: 'councillor_ward', bodyId: TEST_BODIES.council.id, areaCode: TEST_WARD },
        ],
      },
      deps,
    );
    expect(invited.person.hasPassword).toBe(false);
    expect(invited.grants.map((g) => [g.role, g.grantedBy])).toEqual([
      ['performance_officer', adminId],
      ['councillor_ward', adminId],
    ]);
    expect(invited.invitationExpiresAt).toBe(new Date(deps.clock.now().getTime() + INVITATION_TTL_MS).toISOString());
    const message = deps.mail.lastTo('sam.jones@trafford.gov.uk');
    expect(message?.kind).toBe('invitation');
    const token = tokenInMessage(message);
    expect(await h.db.selectFrom('one_time_token').select('token_hash').execute()).not.toContainEqual({ token_hash: token });

    const weak = await failure(acceptInvitation(h.db, token, 'sam.jones@trafford.gov.uk', deps));
    expect((weak as ValidationError).details).toEqual([{ field: 'password', reason: 'must not be your email address' }]);
    const accepted = await acceptInvitation(h.db, token, PASSWORD, deps);
    expect(accepted.hasPassword).toBe(true);
    const again = await failure(acceptInvitation(h.db, token, PASSWORD, deps));
    expect(again).toBeInstanceOf(ValidationError);
    expect((again as ValidationError).details).toEqual([{ field: 'token', reason: 'has expired or been used already' }]);
    const events = await auditForSubject(h.db, { kind: 'person', id: accepted.id });
    expect(events.items.map((e) => e.action)).toEqual(['person.accept_invitation', 'person.invite']);
  });

  it('refuses an invitation link after 7 days', async () => {
    const later = accountsDeps();
    await invitePerson(h.db, cliActor(), { email: 'late@example.org', displayName: 'Late' }, later);
    later.clock.advance(INVITATION_TTL_MS);
    expect(
      await failure(acceptInvitation(h.db, tokenInMessage(later.mail.lastTo('late@example.org')), PASSWORD, later)),
    ).toBeInstanceOf(ValidationError);
  });

  it('refuses bad roles in an invitation, naming each, and writes and sends nothing', async () => {
    const before = await counts();
    const sent = deps.mail.sent.length;
    const e = await failure(
      invitePerson(
        h.db,
        cliActor(),
        {
          email: 'new@example.org',
          displayName: 'New Person',
          grants: [
            { role: 'performance_officer', bodyId: TEST_BODIES.partner.id },
            { role: 'chief_executive' },
            { role: 'assessor', bodyId: 'no-such-body' },
          ],
        },
        deps,
      ),
    );
    expect((e as ValidationError).details.map((d) => d.field)).toEqual([
      'grants[0].bodyId',
      'grants[1].role',
      'grants[2].bodyId',
    ]);
    expect(await counts()).toEqual(before);
    expect(deps.mail.sent).toHaveLength(sent);
  });

  it('lets only administrators invite, list and see people', async () => {
    const officer = actorFor('performance_officer');
    for (const attempt of [
      invitePerson(h.db, officer, { email: 'x@example.org', displayName: 'X' }, deps),
      listPeople(h.db, officer),
      getPerson(h.db, officer, adminId),
      listGrants(h.db, officer),
    ])
      expect(await failure(attempt)).toBeInstanceOf(ForbiddenError);
  });

  it('lists people by name, finding them by part of a name or email', async () => {
    const all = await listPeople(h.db, cliActor());
    expect(all.items.map((p) => p.displayName)).toEqual(['Asha Patel', 'Late', 'Sam Jones']);
    expect(
      (await listPeople(h.db, cliActor(), { q: 'TRAFFORD.gov', limit: 10, offset: 0 })).items.map((p) => p.displayName),
    ).toEqual(['Sam Jones']);
    expect((await listPeople(h.db, cliActor(), { q: '%', limit: 10, offset: 0 })).total).toBe(0);
    expect((await getPerson(h.db, cliActor(), adminId))?.email).toBe('Asha.Patel@example.org');
  });

  it('disables a person, ending their sessions, but never the only administrator', async () => {
    const ann = await makePerson(h.db, { email: 'ann_lee@example.org', password: PASSWORD });
    expect((await listPeople(h.db, cliActor(), { q: 'ann_', limit: 10, offset: 0 })).total).toBe(1);
    const { sessionId } = await signIn(h.db, 'ann_lee@example.org', PASSWORD, {}, deps);
    const disabled = await disablePerson(h.db, cliActor(), ann.person.id, deps);
    expect(disabled.disabledAt).toBe(deps.clock.now().toISOString());
    expect(await resolveSession(h.db, sessionId, deps)).toBeNull();
    expect(await failure(disablePerson(h.db, cliActor(), ann.person.id, deps))).toBeInstanceOf(ConflictError);
    const last = await failure(disablePerson(h.db, cliActor(), adminId, deps));
    expect((last as ConflictError).message).toBe(
      'Asha Patel is the only administrator; make someone else an administrator first',
    );
  });
});
