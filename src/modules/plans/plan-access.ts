/**
 * Who may see a plan's drafts and change it: accounts' `read_draft_plan` and `edit_plan`, scoped to
 * the plan's owner body and the bodies accountable for it (an LSP's members with the role
 * "accountable body", as recorded in bodies).
 */
import type { Executor } from '../../platform/db/executor.ts';
import { type Actor, can, type PlanScope } from '../accounts/index.ts';
import { listMembers } from '../bodies/index.ts';
import type { Plan } from './plans.types.ts';

const ACCOUNTABLE = /accountable/i;

export async function planScope(db: Executor, ownerBodyId: string): Promise<PlanScope> {
  const { items } = await listMembers(db, ownerBodyId);
  return {
    bodyId: ownerBodyId,
    accountableBodyIds: items.filter((m) => m.role !== null && ACCOUNTABLE.test(m.role)).map((m) => m.body.id),
  };
}

export interface PlanAccess {
  mayReadDrafts: boolean;
  mayEdit: boolean;
}

/** What the actor may do with the plan; nobody signed in reads the published versions only. */
export async function planAccess(db: Executor, actor: Actor | null, plan: Pick<Plan, 'ownerBodyId'>): Promise<PlanAccess> {
  if (!actor) return { mayReadDrafts: false, mayEdit: false };
  const scope = await planScope(db, plan.ownerBodyId);
  return { mayReadDrafts: can(actor, 'read_draft_plan', scope), mayEdit: can(actor, 'edit_plan', scope) };
}
