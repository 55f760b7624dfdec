/** Recording the plans module's writes in the audit log, in the transaction of the write. */
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { type Actor, auditActorOf } from '../accounts/index.ts';
import { type AuditEventInput, recordAudit } from '../audit/index.ts';

export async function audit(trx: Executor, actor: Actor, event: Omit<AuditEventInput, 'actor'>, clock: Clock): Promise<void> {
  await recordAudit(trx, { ...event, actor: auditActorOf(actor) }, clock);
}

export const planSubject = (planId: string) => ({ kind: 'plan', id: planId });
export const itemSubject = (planId: string, key: string) => ({ kind: 'plan_item', id: `${planId}#${key}` });
