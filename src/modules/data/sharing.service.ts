/**
 * A body shares its unpublished figures (its submissions before publication) with named partner
 * bodies, e.g. within its Local Strategic Partnership; the people and tokens of those bodies may then
 * read them (accounts' `read_unpublished`). Revoked, never deleted.
 */
import { isoInstant, type Clock } from '../../platform/clock.ts';
import { inTransaction } from '../../platform/db/executor.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { type Actor, auditActorOf, can, personIdOf, requirePermission } from '../accounts/index.ts';
import { type Body, getBody } from '../bodies/index.ts';
import { audit } from './data-audit.ts';
import type { Executor } from './observation.types.ts';
import {
  findActiveShare,
  findActiveShares,
  findSharesWithPartner,
  insertShare,
  revokeShare,
  type ShareRow,
} from './sharing.repository.ts';

export interface UnpublishedShare {
  id: number;
  ownerBodyId: string;
  partnerBodyId: string;
  grantedBy: string;
  grantedAt: string;
}

export interface ShareRequest {
  ownerBodyId: string;
  partnerBodyId: string;
}

export async function shareUnpublished(
  db: Executor,
  actor: Actor,
  request: ShareRequest,
  deps: { clock: Clock },
): Promise<UnpublishedShare> {
  requirePermission(actor, 'share_unpublished', { bodyId: request.ownerBodyId });
  const { owner, partner } = await bodiesOf(db, request);
  return inTransaction(db, async (trx) => {
    if (await findActiveShare(trx, owner.id, partner.id)) {
      throw new ConflictError(`${owner.name} already shares its unpublished figures with ${partner.name}`, [
        { field: 'partnerBodyId', value: partner.id, reason: 'is already shared with' },
      ]);
    }
    const row = {
      owner_body_id: owner.id,
      partner_body_id: partner.id,
      granted_by_person_id: personIdOf(actor),
      granted_by_label: auditActorOf(actor).label,
      granted_at: isoInstant(deps.clock.now()),
      revoked_at: null,
      revoked_by_label: null,
    };
    const id = await insertShare(trx, row);
    const share = toShare({ ...row, id });
    const summary = `${owner.name} shared its unpublished figures with ${partner.name}`;
    await audit(
      trx,
      actor,
      {
        action: 'unpublished_share.grant',
        subject: { kind: 'unpublished_share', id: String(id) },
        bodyId: owner.id,
        after: share,
        summary,
      },
      deps.clock,
    );
    return share;
  });
}

export async function unshareUnpublished(
  db: Executor,
  actor: Actor,
  request: ShareRequest,
  deps: { clock: Clock },
): Promise<void> {
  requirePermission(actor, 'share_unpublished', { bodyId: request.ownerBodyId });
  await inTransaction(db, async (trx) => {
    const share = await findActiveShare(trx, request.ownerBodyId, request.partnerBodyId);
    const at = isoInstant(deps.clock.now());
    if (!share || (await revokeShare(trx, share.id, at, auditActorOf(actor).label)) === 0) {
      throw new NotFoundError(`${request.ownerBodyId} does not share its unpublished figures with ${request.partnerBodyId}`, [
        { field: 'partnerBodyId', value: request.partnerBodyId, reason: 'is not shared with' },
      ]);
    }
    const summary = `${request.ownerBodyId} stopped sharing its unpublished figures with ${request.partnerBodyId}`;
    await audit(
      trx,
      actor,
      {
        action: 'unpublished_share.revoke',
        subject: { kind: 'unpublished_share', id: String(share.id) },
        bodyId: share.owner_body_id,
        before: toShare(share),
        after: { revokedAt: at },
        summary,
      },
      deps.clock,
    );
  });
}

/** The bodies a body shares its unpublished figures with now: what `read_unpublished` is given. */
export async function sharedWith(db: Executor, ownerBodyId: string): Promise<string[]> {
  return (await findActiveShares(db, ownerBodyId)).map((s) => s.partner_body_id);
}

/**
 * The shares a body has made, for those who may read its unpublished figures and for those who may
 * change the shares (an administrator reads no unpublished figures, yet shares them and must see what
 * is shared).
 */
export async function listUnpublishedShares(db: Executor, actor: Actor, ownerBodyId: string): Promise<UnpublishedShare[]> {
  const shares = await findActiveShares(db, ownerBodyId);
  if (!can(actor, 'share_unpublished', { bodyId: ownerBodyId }))
    requirePermission(actor, 'read_unpublished', { bodyId: ownerBodyId, sharedWith: shares.map((s) => s.partner_body_id) });
  return shares.map(toShare);
}

/** Bodies that share their unpublished figures with this one (what its people may read besides its own). */
export async function listSharesWithPartner(db: Executor, partnerBodyId: string): Promise<UnpublishedShare[]> {
  return (await findSharesWithPartner(db, partnerBodyId)).map(toShare);
}

/** Whether the actor may read a body's unpublished figures: assessors, its own people, bodies it shared with. */
export async function mayReadUnpublished(db: Executor, actor: Actor, bodyId: string): Promise<boolean> {
  return can(actor, 'read_unpublished', { bodyId, sharedWith: await sharedWith(db, bodyId) });
}

export async function requireReadUnpublished(db: Executor, actor: Actor, bodyId: string): Promise<void> {
  requirePermission(actor, 'read_unpublished', { bodyId, sharedWith: await sharedWith(db, bodyId) });
}

async function bodiesOf(db: Executor, request: ShareRequest): Promise<{ owner: Body; partner: Body }> {
  const owner = await getBody(db, request.ownerBodyId);
  const partner = await getBody(db, request.partnerBodyId);
  const problems = [];
  if (!owner) problems.push({ field: 'ownerBodyId', value: request.ownerBodyId, reason: 'is not a known body' });
  if (!partner) problems.push({ field: 'partnerBodyId', value: request.partnerBodyId, reason: 'is not a known body' });
  else if (request.partnerBodyId === request.ownerBodyId)
    problems.push({ field: 'partnerBodyId', value: request.partnerBodyId, reason: 'a body already sees its own figures' });
  if (problems.length > 0 || !owner || !partner)
    throw new ValidationError('The figures cannot be shared as asked; nothing was changed', problems);
  return { owner, partner };
}

function toShare(r: ShareRow | (Omit<ShareRow, 'id'> & { id: number })): UnpublishedShare {
  return {
    id: Number(r.id),
    ownerBodyId: r.owner_body_id,
    partnerBodyId: r.partner_body_id,
    grantedBy: r.granted_by_label,
    grantedAt: r.granted_at,
  };
}
