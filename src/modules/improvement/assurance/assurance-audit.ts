/** Recording the assurance writes in the audit log, in the transaction of the write. */
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/executor.ts';
import { type Actor, auditActorOf } from '../../accounts/index.ts';
import { type AuditEventInput, recordAudit } from '../../audit/index.ts';

export async function audit(trx: Executor, actor: Actor, event: Omit<AuditEventInput, 'actor'>, clock: Clock): Promise<void> {
  await recordAudit(trx, { ...event, actor: auditActorOf(actor) }, clock);
}

/** Who, as the tables record it: the audit log's label for the actor. */
export const recordedBy = (actor: Actor): string => auditActorOf(actor).label;
/** The person acting, when it is one (for the *_person_id columns). */
export const personOf = (actor: Actor): string | null => (actor.kind === 'person' ? actor.personId : null);

export const riskModelSubject = (version: number) => ({ kind: 'risk_model', id: String(version) });
export const selfAssessmentSubject = (id: number) => ({ kind: 'self_assessment', id: String(id) });
export const partnershipSubject = (id: string) => ({ kind: 'improvement_partnership', id });
export const peerReviewSubject = (id: number) => ({ kind: 'peer_review', id: String(id) });
