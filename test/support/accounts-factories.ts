/**
 * Test data for accounts: bodies written straight into the body table, people with roles made
 * through the accounts services (as the command line would), actors for every role without a
 * database, and the one-time links the memory mail sender caught.
 */
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/platform/clock.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import {
  type Actor,
  type ApiTokenActor,
  cliActor,
  type GrantRequest,
  grantRole,
  hashPassword,
  invitePerson,
  type MailMessage,
  MemoryMailSender,
  type Person,
  type PersonActor,
  type Role,
  type RoleGrant,
  requestPasswordReset,
  ROLE_SCOPES,
  ROLES,
  type ScryptParams,
  type TokenLinks,
} from '../../src/modules/accounts/index.ts';
import type { Clock } from '../../src/platform/clock.ts';

type Db = Kysely<Database>;

/** Bodies used across the accounts tests: two councils and two partners. */
export const TEST_BODIES = {
  council: { id: 'trafford-council', name: 'Trafford Council', kind: 'council' },
  otherCouncil: { id: 'stockport-council', name: 'Stockport Council', kind: 'council' },
  partner: { id: 'greater-manchester-police', name: 'Greater Manchester Police', kind: 'partner' },
  otherPartner: { id: 'trafford-housing-trust', name: 'Trafford Housing Trust', kind: 'partner' },
} as const;

export const TEST_WARD = 'E05015239';

export function accountsClock() {
  return fixedClock('2025-06-01T09:00:00.000Z');
}

/** Links whose last path segment is the token, so tests can take it back out of a message. */
export const TEST_LINKS: TokenLinks = {
  acceptInvitation: (token) => `https://localvision.test/invitation/${token}`,
  resetPassword: (token) => `https://localvision.test/password-reset/${token}`,
};

export function tokenInMessage(message: MailMessage | undefined): string {
  const match = /https:\/\/localvision\.test\/[a-z-]+\/([A-Za-z0-9_-]+)/.exec(message?.text ?? '');
  if (!match?.[1]) throw new Error('no one-time link in the message');
  return match[1];
}

/** Everything the accounts services need, with time standing still until a test moves it. */
export function accountsDeps(clock = accountsClock()) {
  return { clock, mail: new MemoryMailSender(), links: TEST_LINKS };
}

/** Writes the test bodies (and the test ward) straight into their tables; idempotent. */
export async function seedAccountsBodies(db: Db): Promise<void> {
  for (const b of Object.values(TEST_BODIES)) {
    await db
      .insertInto('body')
      .values({
        ...b,
        council_type: null,
        short_name: null,
        valid_from: null,
        valid_to: null,
        replaced_by: null,
        website: null,
        source: 'test',
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  await db
    .insertInto('area')
    .values({
      code: TEST_WARD,
      name: 'Altrincham',
      type: 'ward',
      country_code: 'E92000001',
      valid_from: null,
      valid_to: null,
      population: null,
      population_year: null,
      imd_rank: null,
      imd_score: null,
      imd_decile: null,
      source: 'test',
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** Cheap scrypt parameters: the stored hash carries them, so sign-in verifies quickly (and then re-hashes). */
export const CHEAP_SCRYPT: ScryptParams = { N: 1024, r: 8, p: 1 };

let counter = 0;

export interface MadePerson {
  person: Person;
  grants: RoleGrant[];
  /** the person as an actor, with the grants they were given */
  actor: PersonActor;
}

/**
 * A person invited by the command line with the roles asked for; with `password`, their invitation
 * is taken as accepted and the password stored (cheaply hashed).
 */
export async function makePerson(
  db: Db,
  opts: {
    email?: string;
    displayName?: string;
    password?: string;
    roles?: GrantRequest[];
    clock?: ReturnType<typeof accountsClock>;
  } = {},
): Promise<MadePerson> {
  counter += 1;
  const deps = accountsDeps(opts.clock);
  const { person, grants } = await invitePerson(
    db,
    cliActor(),
    {
      email: opts.email ?? `person${counter}@example.org`,
      displayName: opts.displayName ?? `Person ${counter}`,
      grants: opts.roles ?? [],
    },
    deps,
  );
  if (opts.password !== undefined) {
    await db
      .updateTable('person')
      .set({ password_hash: await hashPassword(opts.password, CHEAP_SCRYPT) })
      .where('id', '=', person.id)
      .execute();
  }
  return { person: { ...person, hasPassword: opts.password !== undefined }, grants, actor: actorOf(person, grants) };
}

/** A person holding one role: for the body given, or the role's usual test body (a council, or the police for a partner data officer). */
export async function personWithRole(
  db: Db,
  role: Role,
  where: { bodyId?: string | null; areaCode?: string | null; password?: string } = {},
) {
  const bodyId = where.bodyId === undefined ? defaultBodyFor(role) : where.bodyId;
  return makePerson(db, {
    roles: [{ role, bodyId, areaCode: where.areaCode ?? null }],
    ...(where.password ? { password: where.password } : {}),
  });
}

/** Adds a role to a person made earlier (by the command line). */
export async function giveRole(db: Db, made: MadePerson, request: GrantRequest): Promise<MadePerson> {
  const grant = await grantRole(db, cliActor(), { personId: made.person.id, ...request }, { clock: accountsClock() });
  const grants = [...made.grants, grant];
  return { ...made, grants, actor: actorOf(made.person, grants) };
}

function actorOf(person: Person, grants: RoleGrant[]): PersonActor {
  return {
    kind: 'person',
    personId: person.id,
    displayName: person.displayName,
    grants: grants.map((g) => ({ role: g.role, bodyId: g.bodyId, areaCode: g.areaCode })),
    sessionRef: null,
  };
}

export function defaultBodyFor(role: Role): string | null {
  const scope = ROLE_SCOPES[role];
  if (scope.body === 'none') return null;
  return scope.body === 'not_council' ? TEST_BODIES.partner.id : TEST_BODIES.council.id;
}

/** An actor holding one role, without a database (for permission tests). */
export function actorFor(
  role: Role,
  where: { bodyId?: string | null; areaCode?: string | null; personId?: string } = {},
): PersonActor {
  return {
    kind: 'person',
    personId: where.personId ?? `person-${role}`,
    displayName: `A ${role.replace(/_/g, ' ')}`,
    grants: [
      { role, bodyId: where.bodyId === undefined ? defaultBodyFor(role) : where.bodyId, areaCode: where.areaCode ?? null },
    ],
    sessionRef: null,
  };
}

export function apiTokenActorFor(bodyId: string = TEST_BODIES.council.id): ApiTokenActor {
  return { kind: 'api_token', tokenId: `token-${bodyId}`, bodyId, label: `lv_000000 (${bodyId} uploads)` };
}

/** One actor for each role (on its usual test body), an API token of the council, and the command line. */
export function actorsForEveryRole(): Record<Role | 'api_token' | 'cli', Actor> {
  const byRole = Object.fromEntries(ROLES.map((r) => [r, actorFor(r)])) as Record<Role, Actor>;
  return { ...byRole, api_token: apiTokenActorFor(), cli: cliActor() };
}

/**
 * A person invited by the command line who has also asked for a password reset: the tokens of both
 * links, as their mail carried them, valid at `clock`'s time.
 */
export async function seedOneTimeLinks(
  db: Db,
  clock: Clock,
  email = 'linked.person@example.org',
): Promise<{ invitation: string; passwordReset: string }> {
  const deps = { clock, mail: new MemoryMailSender(), links: TEST_LINKS };
  await invitePerson(db, cliActor(), { email, displayName: 'Linked Person' }, deps);
  const invitation = tokenInMessage(deps.mail.lastTo(email));
  await requestPasswordReset(db, email, deps);
  return { invitation, passwordReset: tokenInMessage(deps.mail.lastTo(email)) };
}
