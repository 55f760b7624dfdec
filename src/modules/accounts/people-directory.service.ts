/** What the administrators' pages read: people with the roles they hold, and one person's whole record. */
import type { Executor } from '../../platform/db/executor.ts';
import { toPerson, toRoleGrant } from './accounts.mapper.ts';
import type { Page, Person, RoleGrant } from './accounts.types.ts';
import type { Actor } from './actor.ts';
import { findActiveGrantsOfPeople, findGrants } from './grant.repository.ts';
import { requirePermission } from './permissions.ts';
import { findDisplayNames, findPersonById, searchPeople } from './person.repository.ts';

export interface PersonWithRoles {
  person: Person;
  /** the grants they hold now */
  grants: RoleGrant[];
}

/** People by name or email address (`q`, part of either), a page at a time, each with the roles they hold. */
export async function listPeopleWithRoles(
  db: Executor,
  actor: Actor,
  q: { q?: string } & Page,
): Promise<{ items: PersonWithRoles[]; total: number }> {
  requirePermission(actor, 'manage_people');
  const { rows, total } = await searchPeople(db, q);
  const grants = (
    await findActiveGrantsOfPeople(
      db,
      rows.map((r) => r.id),
    )
  ).map(toRoleGrant);
  return { items: rows.map((r) => ({ person: toPerson(r), grants: grants.filter((g) => g.personId === r.id) })), total };
}

export interface PersonRecord {
  person: Person;
  /** every grant, held and revoked, oldest first */
  grants: RoleGrant[];
  /** the names of the people who granted and revoked them, by id */
  names: Record<string, string>;
}

/** One person with every grant they hold or held; undefined for an unknown id. */
export async function personRecord(db: Executor, actor: Actor, personId: string): Promise<PersonRecord | undefined> {
  requirePermission(actor, 'manage_people');
  const row = await findPersonById(db, personId);
  if (!row) return undefined;
  const grants = (await findGrants(db, { personId, includeRevoked: true })).map(toRoleGrant);
  const ids = grants.flatMap((g) => [g.grantedBy, g.revokedBy]).filter((id): id is string => id !== null);
  return { person: toPerson(row), grants, names: Object.fromEntries(await findDisplayNames(db, ids)) };
}
