/** Recording the cases part's writes in the audit log, in the transaction of the write. */
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { type Actor, auditActorOf } from '../../accounts/index.ts';
import { type AuditEventInput, recordAudit } from '../../audit/index.ts';

export async function audit(trx: Executor, actor: Actor, event: Omit<AuditEventInput, 'actor'>, clock: Clock): Promise<void> {
  await recordAudit(trx, { ...event, actor: auditActorOf(actor) }, clock);
}

export const caseSubject = (id: number) => ({ kind: 'ladder_case', id: String(id) });
export const ruleSubject = (kind: string, bodyId: string, indicatorCode: string) => ({
  kind: 'trigger_rule',
  id: `${kind}:${bodyId}:${indicatorCode}`,
});

/** How an event row names who acted: as the audit log does. */
export const actorLabel = (actor: Actor) => auditActorOf(actor).label;
