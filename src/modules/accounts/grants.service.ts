/** Granting and revoking roles. A grant is revoked, never deleted, so the history stays. */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import { isoInstant } from '../../platform/clock.ts';
import { type Executor, inTransaction } from '../../platform/db/executor.ts';
import { ConflictError, NotFoundError, type ProblemDetail, ValidationError } from '../../platform/errors.ts';
import { getBody } from '../bodies/index.ts';
import { getArea } from '../places/index.ts';
import { audit } from './accounts-audit.ts';
import { toRoleGrant } from './accounts.mapper.ts';
import type { ClockDeps, GrantRequest, RoleGrant } from './accounts.types.ts';
import { type Actor, personIdOf } from './actor.ts';
import * as grants from './grant.repository.ts';
import { requirePermission } from './permissions.ts';
import { findPersonById, type PersonRow } from './person.repository.ts';
import { checkGrantScope, isRole, type Role, roleWithArticle } from './roles.ts';

/** A grant request found good: its role, and the body's name for the log. */
export interface CheckedGrant {
  role: Role;
  bodyId: string | null;
  bodyName: string | null;
  areaCode: string | null;
}

/** Checks a request against the role's scope and what is recorded; problems' fields start with `prefix`. */
export async function checkGrantRequest(
  db: Executor,
  request: GrantRequest,
  prefix = '',
): Promise<{ grant?: CheckedGrant; problems: ProblemDetail[] }> {
  const bodyId = request.bodyId?.trim() || null;
  const areaCode = request.areaCode?.trim() || null;
  if (!isRole(request.role)) return { problems: [{ field: `${prefix}role`, value: request.role, reason: 'is not a role' }] };
  const body = bodyId === null ? undefined : await getBody(db, bodyId);
  const problems: ProblemDetail[] = [];
  if (bodyId !== null && !body) problems.push({ field: `${prefix}bodyId`, value: bodyId, reason: 'is not a known body' });
  if (areaCode !== null && !(await getArea(db, areaCode)))
    problems.push({ field: `${prefix}areaCode`, value: areaCode, reason: 'is not a known area' });
  if (problems.length === 0)
    for (const p of checkGrantScope(request.role, { bodyId, bodyKind: body?.kind ?? null, areaCode }))
      problems.push({ ...p, field: `${prefix}${p.field}` });
  return problems.length > 0
    ? { problems }
    : { grant: { role: request.role, bodyId, bodyName: body?.name ?? null, areaCode }, problems };
}

/** Writes a checked grant and its audit event, in the caller's transaction. */
export async function addGrant(
  trx: Executor,
  actor: Actor,
  person: PersonRow,
  g: CheckedGrant,
  clock: Clock,
): Promise<RoleGrant> {
  const same = await grants.findSameActiveGrant(trx, { personId: person.id, ...g });
  if (same)
    throw new ConflictError(`${person.display_name} already holds this role`, [
      { field: 'role', value: g.role, reason: `is already held here (grant ${same.id})` },
    ]);
  const row = {
    id: randomUUID(),
    person_id: person.id,
    role: g.role,
    body_id: g.bodyId,
    area_code: g.areaCode,
    granted_by: personIdOf(actor),
    granted_at: isoInstant(clock.now()),
    revoked_at: null,
    revoked_by: null,
  };
  await grants.insertGrant(trx, row);
  const where = [g.bodyName ? ` of ${g.bodyName}` : '', g.areaCode ? ` for area ${g.areaCode}` : ''].join('');
  await audit(
    trx,
    actor,
    {
      action: 'role.grant',
      subject: { kind: 'role_grant', id: row.id },
      bodyId: g.bodyId,
      areaCode: g.areaCode,
      after: toRoleGrant(row),
      summary: `Made ${person.display_name} ${roleWithArticle(g.role)}${where}`,
    },
    clock,
  );
  return toRoleGrant(row);
}

export async function grantRole(
  db: Executor,
  actor: Actor,
  request: GrantRequest & { personId: string },
  deps: ClockDeps,
): Promise<RoleGrant> {
  requirePermission(actor, 'manage_people');
  return inTransaction(db, async (trx) => {
    const person = await findPersonById(trx, request.personId);
    if (!person)
      throw new NotFoundError(`No person ${request.personId}`, [
        { field: 'personId', value: request.personId, reason: 'is not a known person' },
      ]);
    const { grant, problems } = await checkGrantRequest(trx, request);
    if (!grant) throw new ValidationError('The role cannot be granted as asked; nothing was changed', problems);
    return addGrant(trx, actor, person, grant, deps.clock);
  });
}

export async function revokeRole(db: Executor, actor: Actor, grantId: string, deps: ClockDeps): Promise<RoleGrant> {
  requirePermission(actor, 'manage_people');
  return inTransaction(db, async (trx) => {
    const row = await grants.findGrant(trx, grantId);
    if (!row)
      throw new NotFoundError(`No role grant ${grantId}`, [
        { field: 'grantId', value: grantId, reason: 'is not a known role grant' },
      ]);
    const person = (await findPersonById(trx, row.person_id))!;
    await refuseLosingLastAdministrator(trx, row, person);
    const at = isoInstant(deps.clock.now());
    if ((await grants.revokeGrantRow(trx, grantId, at, personIdOf(actor))) === 0)
      throw new ConflictError('This role was already revoked', [
        { field: 'grantId', value: grantId, reason: `was revoked at ${row.revoked_at ?? at}` },
      ]);
    const revoked = { ...row, revoked_at: at, revoked_by: personIdOf(actor) };
    await audit(
      trx,
      actor,
      {
        action: 'role.revoke',
        subject: { kind: 'role_grant', id: grantId },
        bodyId: row.body_id,
        areaCode: row.area_code,
        before: toRoleGrant(row),
        after: toRoleGrant(revoked),
        summary: `${person.display_name} is no longer ${roleWithArticle(row.role as Role)}${row.body_id ? ` of ${row.body_id}` : ''}`,
      },
      deps.clock,
    );
    return toRoleGrant(revoked);
  });
}

/** Nobody could grant roles again if the last administrator went; the command line could, but should not have to. */
export async function refuseLosingLastAdministrator(
  trx: Executor,
  grant: grants.RoleGrantRow | null,
  person: PersonRow,
): Promise<void> {
  const holds = grant
    ? grant.role === 'administrator' && grant.revoked_at === null
    : (await grants.findActiveGrants(trx, person.id)).some((g) => g.role === 'administrator');
  if (!holds || person.disabled_at !== null) return;
  if ((await grants.countActiveHolders(trx, 'administrator')) <= 1)
    throw new ConflictError(`${person.display_name} is the only administrator; make someone else an administrator first`);
}

export async function listGrants(
  db: Executor,
  actor: Actor,
  filter: { personId?: string; bodyId?: string; includeRevoked?: boolean } = {},
): Promise<RoleGrant[]> {
  requirePermission(actor, 'manage_people');
  return (await grants.findGrants(db, filter)).map(toRoleGrant);
}
