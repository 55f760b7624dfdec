/** Rows to what accounts hands out; a hash never leaves through here. */
import type { ActorGrant } from './actor.ts';
import type { ApiTokenSummary, Person, RoleGrant } from './accounts.types.ts';
import type { ApiTokenRow } from './api-token.repository.ts';
import type { RoleGrantRow } from './grant.repository.ts';
import type { PersonRow } from './person.repository.ts';
import type { Role } from './roles.ts';

export function toPerson(r: PersonRow): Person {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
    hasPassword: r.password_hash !== null,
    lockedUntil: r.locked_until,
  };
}

export function toRoleGrant(r: RoleGrantRow): RoleGrant {
  return {
    id: r.id,
    personId: r.person_id,
    role: r.role as Role,
    bodyId: r.body_id,
    areaCode: r.area_code,
    grantedBy: r.granted_by,
    grantedAt: r.granted_at,
    revokedAt: r.revoked_at,
    revokedBy: r.revoked_by,
  };
}

export function toActorGrant(r: RoleGrantRow): ActorGrant {
  return { role: r.role as Role, bodyId: r.body_id, areaCode: r.area_code };
}

export function toApiTokenSummary(r: ApiTokenRow): ApiTokenSummary {
  return {
    id: r.id,
    bodyId: r.body_id,
    name: r.name,
    prefix: r.prefix,
    createdBy: r.created_by,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}
