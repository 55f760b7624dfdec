/**
 * The data module's own rules of who may do what, beside accounts' table (`can`) and written the
 * same way: pure, the caller supplying what the decision depends on. They are here, not in
 * accounts' PERMISSIONS, only because that table does not list them yet (docs/adr/0013).
 */
import { ForbiddenError } from '../../platform/errors.ts';
import type { Actor, Role } from '../accounts/index.ts';

export const DATA_PERMISSIONS = ['share_unpublished', 'set_collection_deadline', 'set_submission_rules'] as const;
export type DataPermission = (typeof DATA_PERMISSIONS)[number];

export interface DataPermissionScopes {
  /** the body whose unpublished figures are shared */
  share_unpublished: { bodyId: string };
  /** the body that owns the indicator (null: a national indicator) */
  set_collection_deadline: { indicatorOwnerBodyId: string | null };
  set_submission_rules: { bodyId: string };
}

const administrator = (a: Actor) => a.kind === 'person' && a.grants.some((g) => g.role === 'administrator' && g.bodyId === null);
const holds = (a: Actor, roles: readonly Role[], bodyId: string) =>
  a.kind === 'person' && a.grants.some((g) => roles.includes(g.role) && g.bodyId === bodyId);
/** A performance officer of a council, or a partner data officer of a partner body. */
const officerOf = (a: Actor, bodyId: string) => holds(a, ['performance_officer', 'partner_data_officer'], bodyId);

const RULES: { [P in DataPermission]: (a: Actor, s: DataPermissionScopes[P]) => boolean } = {
  share_unpublished: (a, s) => administrator(a) || officerOf(a, s.bodyId),
  // National deadlines are the administrators'; a body asking for its own indicator sets its own.
  set_collection_deadline: (a, s) =>
    administrator(a) || (s.indicatorOwnerBodyId !== null && officerOf(a, s.indicatorOwnerBodyId)),
  // Self-approval switches off the two-person rule, so the one person it binds cannot switch it.
  set_submission_rules: (a) => administrator(a),
};

const DESCRIPTIONS: Record<DataPermission, string> = {
  share_unpublished: 'share or stop sharing this body’s unpublished figures',
  set_collection_deadline: 'set collection deadlines for this indicator',
  set_submission_rules: 'change this body’s rules for submissions',
};

export function mayDo<P extends DataPermission>(actor: Actor, permission: P, scope: DataPermissionScopes[P]): boolean {
  // Whoever runs the command line or a system job already holds the database.
  if (actor.kind === 'cli' || actor.kind === 'system') return true;
  return RULES[permission](actor, scope);
}

export function requireDataPermission<P extends DataPermission>(
  actor: Actor,
  permission: P,
  scope: DataPermissionScopes[P],
): void {
  if (!mayDo(actor, permission, scope)) throw new ForbiddenError(`You may not ${DESCRIPTIONS[permission]}`);
}
