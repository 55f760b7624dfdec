/** The only way from audit events to the API's JSON. */
import { z } from 'zod';
import { type AuditEvent, VIA_KINDS } from '../../audit/index.ts';

export const auditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actor: z.object({
    personId: z.string().nullable(),
    label: z.string(),
    via: z.enum(VIA_KINDS).describe('session, token, cli or system'),
    viaId: z.string().nullable().describe('a session hash prefix or an API token id; never a secret'),
  }),
  action: z.string(),
  subject: z.object({ kind: z.string(), id: z.string() }),
  bodyId: z.string().nullable(),
  indicatorCode: z.string().nullable(),
  areaCode: z.string().nullable(),
  before: z.unknown().describe('the state before, as JSON (secrets removed); null when none was recorded'),
  after: z.unknown().describe('the state after, as JSON (secrets removed); null when none was recorded'),
  summary: z.string(),
});

export function presentAuditEvent(e: AuditEvent): z.infer<typeof auditEventSchema> {
  return {
    id: e.id,
    occurredAt: e.occurredAt,
    actor: { personId: e.actorPersonId, label: e.actorLabel, via: e.viaKind, viaId: e.viaId },
    action: e.action,
    subject: { kind: e.subjectKind, id: e.subjectId },
    bodyId: e.bodyId,
    indicatorCode: e.indicatorCode,
    areaCode: e.areaCode,
    before: e.before,
    after: e.after,
    summary: e.summary,
  };
}

/** The API's error answer, as every route gives it. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(
      z.object({
        line: z.number().optional(),
        field: z.string().optional(),
        value: z.unknown().optional(),
        reason: z.string(),
      }),
    ),
  }),
});
