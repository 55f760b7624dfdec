import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { freshDatabase } from '../../../test/support/database.ts';
import {
  accountsClock,
  actorFor,
  personWithRole,
  seedAccountsBodies,
  TEST_BODIES,
} from '../../../test/support/accounts-factories.ts';
import { auditForBody } from '../audit/index.ts';
import { can, cliActor, issueApiToken, listApiTokens, resolveApiToken, revokeApiToken } from './index.ts';

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('API tokens', () => {
  let h: DatabaseHandle;
  const clock = accountsClock();
  const deps = { clock };
  const council = TEST_BODIES.council.id;
  beforeAll(async () => {
    h = await freshDatabase();
    await seedAccountsBodies(h.db);
  });
  afterAll(() => h.close());

  it('issues a token for one body, shown once, that acts for that body only', async () => {
    const officer = await personWithRole(h.db, 'performance_officer');
    const { token, plaintext } = await issueApiToken(h.db, officer.actor, { bodyId: council, name: ' Nightly upload ' }, deps);
    expect(plaintext.startsWith(`${token.prefix}_`)).toBe(true);
    expect(token).toMatchObject({
      bodyId: council,
      name: 'Nightly upload',
      createdBy: officer.person.id,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(Object.keys(token)).not.toContain('tokenHash');

    clock.advance(60_000);
    const actor = await resolveApiToken(h.db, plaintext, deps);
    expect(actor).toEqual({ kind: 'api_token', tokenId: token.id, bodyId: council, label: `${token.prefix} (Nightly upload)` });
    expect(can(actor!, 'submit_observations', { bodyId: council })).toBe(true);
    expect(can(actor!, 'submit_observations', { bodyId: TEST_BODIES.otherCouncil.id })).toBe(false);
    const [listed] = await listApiTokens(h.db, officer.actor, council);
    expect(listed?.lastUsedAt).toBe(clock.now().toISOString());
    expect(JSON.stringify(await listApiTokens(h.db, officer.actor, council))).not.toMatch(/hash|[0-9a-f]{64}/);

    const events = await auditForBody(h.db, council, { action: 'api_token' });
    expect(events.items[0]).toMatchObject({ action: 'api_token.issue', actorPersonId: officer.person.id });
    expect(JSON.stringify(events.items)).not.toContain(plaintext.slice(10));
  });

  it('stops working once revoked, and is revoked once', async () => {
    const { token, plaintext } = await issueApiToken(
      h.db,
      cliActor(),
      { bodyId: TEST_BODIES.partner.id, name: 'Police uploads' },
      deps,
    );
    const admin = await personWithRole(h.db, 'administrator');
    const revoked = await revokeApiToken(h.db, admin.actor, token.id, deps);
    expect(revoked.revokedAt).toBe(clock.now().toISOString());
    expect(await resolveApiToken(h.db, plaintext, deps)).toBeNull();
    expect(await failure(revokeApiToken(h.db, admin.actor, token.id, deps))).toBeInstanceOf(ConflictError);
    expect(await listApiTokens(h.db, admin.actor, TEST_BODIES.partner.id)).toEqual([]);
    expect(await listApiTokens(h.db, admin.actor, TEST_BODIES.partner.id, { includeRevoked: true })).toEqual([revoked]);
    const events = await auditForBody(h.db, TEST_BODIES.partner.id);
    expect(events.items.map((e) => [e.action, e.viaKind])).toEqual([
      ['api_token.revoke', 'session'],
      ['api_token.issue', 'cli'],
    ]);
  });

  it('refuses people without the right, and another body’s officer', async () => {
    const { token } = await issueApiToken(h.db, cliActor(), { bodyId: council, name: 'x' }, deps);
    const elsewhere = actorFor('performance_officer', { bodyId: TEST_BODIES.otherCouncil.id });
    for (const actor of [elsewhere, actorFor('partner_data_officer'), actorFor('assessor'), actorFor('councillor_executive')]) {
      expect(await failure(issueApiToken(h.db, actor, { bodyId: council, name: 'mine' }, deps))).toBeInstanceOf(ForbiddenError);
      expect(await failure(revokeApiToken(h.db, actor, token.id, deps))).toBeInstanceOf(ForbiddenError);
      expect(await failure(listApiTokens(h.db, actor, council))).toBeInstanceOf(ForbiddenError);
    }
    const tokenActor = await resolveApiToken(
      h.db,
      (await issueApiToken(h.db, cliActor(), { bodyId: council, name: 'y' }, deps)).plaintext,
      deps,
    );
    expect(await failure(issueApiToken(h.db, tokenActor!, { bodyId: council, name: 'another' }, deps))).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('refuses an unknown body or an empty name, and writes nothing', async () => {
    const before = (await listApiTokens(h.db, cliActor(), council, { includeRevoked: true })).length;
    const e = await failure(issueApiToken(h.db, cliActor(), { bodyId: 'nowhere', name: ' ' }, deps));
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).details).toEqual([
      { field: 'name', value: ' ', reason: 'enter a name that says what the token is for' },
      { field: 'bodyId', value: 'nowhere', reason: 'is not a known body' },
    ]);
    expect(await listApiTokens(h.db, cliActor(), council, { includeRevoked: true })).toHaveLength(before);
  });

  it.each(['', 'lv_abcdef', 'Bearer something', `lv_000000_${'a'.repeat(43)}`, 'x'.repeat(300)])(
    'resolves %j to nobody',
    async (presented) => {
      expect(await resolveApiToken(h.db, presented, deps)).toBeNull();
    },
  );
});
