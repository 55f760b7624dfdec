import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import {
  accountsClock,
  actorFor,
  giveRole,
  makePerson,
  personWithRole,
  seedAccountsBodies,
  TEST_BODIES,
  TEST_WARD,
} from '../../../test/support/accounts-factories.ts';
import { auditForBody, auditForSubject } from '../audit/index.ts';
import { cliActor, grantRole, listGrants, revokeRole } from './index.ts';

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('role grants', () => {
  let h: DatabaseHandle;
  const deps = { clock: accountsClock() };
  beforeAll(async () => {
    h = await freshDatabase();
    await seedAccountsBodies(h.db);
  });
  afterAll(() => h.close());

  it('grants several roles to one person and records each in the audit log of its body', async () => {
    const admin = await personWithRole(h.db, 'administrator');
    const sam = await makePerson(h.db, { displayName: 'Sam Jones' });
    const officer = await grantRole(
      h.db,
      admin.actor,
      { personId: sam.person.id, role: 'performance_officer', bodyId: TEST_BODIES.council.id },
      deps,
    );
    const ward = await grantRole(
      h.db,
      admin.actor,
      { personId: sam.person.id, role: 'councillor_ward', bodyId: TEST_BODIES.council.id, areaCode: TEST_WARD },
      deps,
    );
    expect(officer).toMatchObject({
      role: 'performance_officer',
      bodyId: 'trafford-council',
      areaCode: null,
      grantedBy: admin.person.id,
      revokedAt: null,
    });
    expect(ward.areaCode).toBe(TEST_WARD);
    expect((await listGrants(h.db, admin.actor, { personId: sam.person.id })).map((g) => g.role)).toEqual([
      'councillor_ward',
      'performance_officer',
    ]);
    const events = await auditForBody(h.db, TEST_BODIES.council.id, { action: 'role.grant' });
    expect(events.items[0]).toMatchObject({
      actorPersonId: admin.person.id,
      areaCode: TEST_WARD,
      summary: 'Made Sam Jones a ward councillor of Trafford Council for area E05015239',
    });
  });

  it('refuses the same role twice with a ConflictError', async () => {
    const sam = await personWithRole(h.db, 'assessor');
    const e = await failure(grantRole(h.db, cliActor(), { personId: sam.person.id, role: 'assessor' }, deps));
    expect(e).toBeInstanceOf(ConflictError);
  });

  it.each<[string, Record<string, string | null>, string[]]>([
    ['an unknown role', { role: 'mayor' }, ['role']],
    ['an unknown body', { role: 'performance_officer', bodyId: 'nowhere-council' }, ['bodyId']],
    ['an unknown area', { role: 'resident', areaCode: 'E05999999' }, ['areaCode']],
    ['a council role for a partner', { role: 'councillor_scrutiny', bodyId: TEST_BODIES.partner.id }, ['bodyId']],
    ['a partner role for a council', { role: 'partner_data_officer', bodyId: TEST_BODIES.council.id }, ['bodyId']],
    ['an administrator for a body', { role: 'administrator', bodyId: TEST_BODIES.council.id }, ['bodyId']],
    ['an officer with no body', { role: 'performance_officer', bodyId: '  ' }, ['bodyId']],
  ])('refuses %s, naming the field, and writes nothing', async (_name, request, fields) => {
    const person = await makePerson(h.db);
    const e = await failure(grantRole(h.db, cliActor(), { personId: person.person.id, role: request.role!, ...request }, deps));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).details.map((d) => d.field)).toEqual(fields);
    expect(await listGrants(h.db, cliActor(), { personId: person.person.id })).toEqual([]);
  });

  it('refuses an unknown person with a NotFoundError', async () => {
    expect(await failure(grantRole(h.db, cliActor(), { personId: 'nobody', role: 'assessor' }, deps))).toBeInstanceOf(
      NotFoundError,
    );
  });

  it('lets only administrators grant and revoke', async () => {
    const person = await makePerson(h.db);
    for (const role of ['performance_officer', 'assessor', 'councillor_executive'] as const) {
      const request = { personId: person.person.id, role: 'resident' };
      expect(await failure(grantRole(h.db, actorFor(role), request, deps))).toBeInstanceOf(ForbiddenError);
    }
    expect(await failure(revokeRole(h.db, actorFor('performance_officer'), 'any', deps))).toBeInstanceOf(ForbiddenError);
  });

  it('revokes without deleting, once, and the history stays', async () => {
    const sam = await personWithRole(h.db, 'partner_data_officer');
    const grant = sam.grants[0]!;
    const revoked = await revokeRole(h.db, cliActor(), grant.id, deps);
    expect(revoked).toMatchObject({ id: grant.id, revokedAt: deps.clock.now().toISOString(), revokedBy: null });
    expect(await listGrants(h.db, cliActor(), { personId: sam.person.id })).toEqual([]);
    expect(await listGrants(h.db, cliActor(), { personId: sam.person.id, includeRevoked: true })).toEqual([revoked]);
    expect(await failure(revokeRole(h.db, cliActor(), grant.id, deps))).toBeInstanceOf(ConflictError);
    expect(await failure(revokeRole(h.db, cliActor(), 'no-such-grant', deps))).toBeInstanceOf(NotFoundError);
    const events = await auditForSubject(h.db, { kind: 'role_grant', id: grant.id });
    expect(events.items.map((e) => e.action)).toEqual(['role.revoke', 'role.grant']);
    expect(events.items[0]?.before).toMatchObject({ revokedAt: null });
    expect(await h.db.selectFrom('role_grant').select('id').where('id', '=', grant.id).execute()).toHaveLength(1);
  });

  it('never revokes the last administrator’s role', async () => {
    const fresh = await freshDatabase();
    try {
      const only = await personWithRole(fresh.db, 'administrator');
      const e = await failure(revokeRole(fresh.db, cliActor(), only.grants[0]!.id, deps));
      expect((e as ConflictError).message).toMatch(/is the only administrator/);
      const second = await giveRole(fresh.db, await makePerson(fresh.db), { role: 'administrator' });
      await revokeRole(fresh.db, second.actor, only.grants[0]!.id, deps);
    } finally {
      await fresh.close();
    }
  });
});
