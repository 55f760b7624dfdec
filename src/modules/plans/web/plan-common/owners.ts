/**
 * The bodies a person may start plans for: each body they are an officer of, and each partnership
 * those bodies are the accountable body of; an administrator may start one for any partnership or
 * council. Whether they may is still decided by the plans services when the plan is created.
 */
import type { Executor } from '../../../../platform/db/executor.ts';
import { type Actor, can } from '../../../accounts/index.ts';
import { type Body, getBody, listBodies, listMemberships } from '../../../bodies/index.ts';

export interface OwnerChoice {
  id: string;
  name: string;
}

const ACCOUNTABLE = /accountable/i;
export const isAdministrator = (actor: Actor) =>
  actor.kind === 'person' && actor.grants.some((g) => g.role === 'administrator' && g.bodyId === null);

export async function ownerChoices(db: Executor, actor: Actor | null): Promise<OwnerChoice[]> {
  if (actor?.kind !== 'person') return [];
  const found = new Map<string, OwnerChoice>();
  const add = (b: Body) => found.set(b.id, { id: b.id, name: b.name });
  if (isAdministrator(actor)) {
    for (const kind of ['lsp', 'council'] as const) (await listBodies(db, { kind, limit: 2000, offset: 0 })).items.forEach(add);
    return [...found.values()];
  }
  const own = [...new Set(actor.grants.flatMap((g) => (g.bodyId === null ? [] : [g.bodyId])))];
  for (const bodyId of own) {
    if (!can(actor, 'edit_plan', { bodyId, accountableBodyIds: [] })) continue;
    const { items } = await listMemberships(db, bodyId);
    for (const m of items) if (m.role !== null && ACCOUNTABLE.test(m.role)) add(m.body);
  }
  for (const bodyId of own) {
    if (!can(actor, 'edit_plan', { bodyId, accountableBodyIds: [] })) continue;
    found.set(bodyId, { id: bodyId, name: (await getBody(db, bodyId))?.name ?? bodyId });
  }
  return [...found.values()];
}

/** Whether the person may start any plan (an administrator, or an officer of some body). */
export async function mayCreatePlans(db: Executor, actor: Actor | null): Promise<boolean> {
  if (actor?.kind !== 'person') return false;
  if (isAdministrator(actor)) return true;
  return actor.grants.some((g) => g.bodyId !== null && can(actor, 'edit_plan', { bodyId: g.bodyId, accountableBodyIds: [] }));
}
