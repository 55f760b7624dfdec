/**
 * audit: the append-only log of every write — who, when, through which session or token, what
 * changed (before and after) — with reads by body, indicator, person and subject, and an export
 * (table audit_event).
 */
export type { AuditActor, AuditEvent, AuditEventInput, AuditExportRow, AuditQuery, Page, ViaKind } from './audit.types.ts';
export { AUDIT_EXPORT_COLUMNS, VIA_KINDS } from './audit.types.ts';
export {
  auditByPerson,
  auditForBody,
  auditForIndicator,
  auditForSubject,
  DEFAULT_AUDIT_PAGE,
  exportAuditEvents,
  latestAuditEventId,
  listAuditEvents,
  MAX_AUDIT_EXPORT_ROWS,
  recordAudit,
} from './audit.service.ts';
export { MAX_PAGE_SIZE as MAX_AUDIT_PAGE_SIZE, redactSecrets } from './audit-rules.ts';
