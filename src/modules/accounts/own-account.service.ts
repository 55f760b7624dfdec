/** What a signed-in person may read about themselves: their details and the roles they hold, with names. */
import type { Executor } from '../../platform/db/executor.ts';
import { UnauthenticatedError } from '../../platform/errors.ts';
import { getBody } from '../bodies/index.ts';
import { getArea } from '../places/index.ts';
import { toPerson } from './accounts.mapper.ts';
import type { Person } from './accounts.types.ts';
import type { PersonActor } from './actor.ts';
import { findActiveGrants } from './grant.repository.ts';
import { findPersonById } from './person.repository.ts';
import type { Role } from './roles.ts';

export interface HeldRole {
  role: Role;
  bodyId: string | null;
  /** the body's name, when the role is held for a body */
  bodyName: string | null;
  areaCode: string | null;
  areaName: string | null;
  grantedAt: string;
}

export interface OwnAccount {
  person: Person;
  roles: HeldRole[];
}

/** The signed-in person's own account. Nobody else's: no permission is needed to read one's own. */
export async function ownAccount(db: Executor, actor: PersonActor): Promise<OwnAccount> {
  const row = await findPersonById(db, actor.personId);
  if (!row || row.disabled_at !== null) throw new UnauthenticatedError('Sign in to see your account');
  const roles: HeldRole[] = [];
  for (const g of await findActiveGrants(db, row.id)) {
    const body = g.body_id === null ? undefined : await getBody(db, g.body_id);
    const area = g.area_code === null ? undefined : await getArea(db, g.area_code);
    roles.push({
      role: g.role as Role,
      bodyId: g.body_id,
      bodyName: body?.name ?? null,
      areaCode: g.area_code,
      areaName: area?.name ?? null,
      grantedAt: g.granted_at,
    });
  }
  return { person: toPerson(row), roles };
}
