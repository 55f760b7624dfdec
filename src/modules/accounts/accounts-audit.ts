/** Recording accounts' writes in the audit log, in the transaction of the write. */
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db/executor.ts';
import { type AuditActor, type AuditEventInput, recordAudit } from '../audit/index.ts';
import { type Actor, auditActorOf } from './actor.ts';
import type { PersonRow } from './person.repository.ts';

export async function audit(
  db: Executor,
  actor: Actor | AuditActor,
  event: Omit<AuditEventInput, 'actor'>,
  clock: Clock,
): Promise<void> {
  await recordAudit(db, { ...event, actor: 'kind' in actor ? auditActorOf(actor) : actor }, clock);
}

/** A person acting without a session: through a one-time link. */
export function byLink(person: PersonRow): AuditActor {
  return { personId: person.id, label: person.display_name, via: { kind: 'system', id: null } };
}

/** Someone not signed in (a sign-in attempt, a reset request): who it is, is not known. */
export const NOT_SIGNED_IN: AuditActor = { personId: null, label: 'someone not signed in', via: { kind: 'system', id: null } };

export function personSubject(id: string) {
  return { kind: 'person', id };
}
